// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server could not be reached (connection refused, unknown host, connect timeout). */
public class ServerUnreachableException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String serverName, String message) {
        super(serverName, message);
    }

    public ServerUnreachableException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
