// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The answer was cut off by the token limit (finish_reason=length). */
public class TruncatedAnswerException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public TruncatedAnswerException(String serverName, String message) {
        super(serverName, message);
    }

    public TruncatedAnswerException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
