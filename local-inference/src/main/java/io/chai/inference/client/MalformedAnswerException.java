// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server's response, or the answer it carried, was not valid JSON of the expected shape. */
public class MalformedAnswerException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public MalformedAnswerException(String serverName, String message) {
        super(serverName, message);
    }

    public MalformedAnswerException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
