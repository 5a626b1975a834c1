// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server kept answering HTTP 429 after all retries. */
public class RateLimitedException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String serverName, String message) {
        super(serverName, message);
    }

    public RateLimitedException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
