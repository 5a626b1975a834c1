// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import io.chai.common.UserFacingException;

/**
 * A domain value was constructed from bad input: a rating outside 1–5, a malformed clip hash, a critique span
 * outside its caption, an empty required text. The message is one line naming the value and what is wrong.
 */
public class InvalidValueException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
