// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server refused the API key (HTTP 401/403). */
public class AuthenticationException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String serverName, String message) {
        super(serverName, message);
    }

    public AuthenticationException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
