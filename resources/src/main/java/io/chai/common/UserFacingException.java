// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.common;

/**
 * An error caused by the user's input or environment (a bad file, a missing clip, a server that is down),
 * as opposed to a bug. Its message is one complete line that a user can act on; the command line prints it
 * as is and exits with status 1. Every module throws subclasses of this for expected failures.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
