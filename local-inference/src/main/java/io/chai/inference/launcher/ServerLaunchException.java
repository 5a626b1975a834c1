// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.launcher;

import io.chai.common.UserFacingException;

/** A local model server could not be started or did not become healthy. */
public class ServerLaunchException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public ServerLaunchException(String message) {
        super(message);
    }

    public ServerLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
