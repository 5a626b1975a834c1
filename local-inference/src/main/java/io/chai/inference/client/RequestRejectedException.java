// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server rejected the request (HTTP 4xx other than the specific cases). */
public class RequestRejectedException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public RequestRejectedException(String serverName, String message) {
        super(serverName, message);
    }

    public RequestRejectedException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
