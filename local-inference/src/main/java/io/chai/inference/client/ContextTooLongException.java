// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The request (text plus frames) does not fit in the model's context. */
public class ContextTooLongException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public ContextTooLongException(String serverName, String message) {
        super(serverName, message);
    }

    public ContextTooLongException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
