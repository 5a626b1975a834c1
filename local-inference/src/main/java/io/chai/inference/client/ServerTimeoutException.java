// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server accepted the connection but did not answer within the read timeout. */
public class ServerTimeoutException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public ServerTimeoutException(String serverName, String message) {
        super(serverName, message);
    }

    public ServerTimeoutException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
