// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The call was cancelled by the user. */
public class CallCancelledException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public CallCancelledException(String serverName, String message) {
        super(serverName, message);
    }

    public CallCancelledException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
