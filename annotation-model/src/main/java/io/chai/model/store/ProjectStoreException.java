// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.common.UserFacingException;

/** A project cannot be created, opened or changed for a reason the user can act on; the message is one line. */
public class ProjectStoreException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public ProjectStoreException(String message) {
        super(message);
    }

    public ProjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
