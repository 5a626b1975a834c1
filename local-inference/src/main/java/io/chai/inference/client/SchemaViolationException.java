// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The answer is valid JSON but does not match the requested schema. */
public class SchemaViolationException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public SchemaViolationException(String serverName, String message) {
        super(serverName, message);
    }

    public SchemaViolationException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
