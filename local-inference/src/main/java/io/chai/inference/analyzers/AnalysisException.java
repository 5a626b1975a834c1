// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers;

import io.chai.common.UserFacingException;

/** An analyzer could not run on its input; the message is one line a user can act on. */
public class AnalysisException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
