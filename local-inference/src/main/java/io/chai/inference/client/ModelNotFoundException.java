// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server does not serve the requested model (HTTP 404 or an equivalent message). */
public class ModelNotFoundException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String serverName, String message) {
        super(serverName, message);
    }

    public ModelNotFoundException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
