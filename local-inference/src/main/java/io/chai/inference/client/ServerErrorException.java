// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server kept failing with HTTP 5xx after all retries. */
public class ServerErrorException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String serverName, String message) {
        super(serverName, message);
    }

    public ServerErrorException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
