// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import io.chai.common.UserFacingException;

/** Sync cannot go on for a reason the user can act on (one-line message). Nothing acknowledged is lost. */
public class SyncException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
