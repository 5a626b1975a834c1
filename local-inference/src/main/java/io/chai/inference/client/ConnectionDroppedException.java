// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server closed the connection before the answer was complete. */
public class ConnectionDroppedException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public ConnectionDroppedException(String serverName, String message) {
        super(serverName, message);
    }

    public ConnectionDroppedException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
