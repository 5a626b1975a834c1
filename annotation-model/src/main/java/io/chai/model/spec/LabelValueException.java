// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import io.chai.common.UserFacingException;

/** A stored label assignment does not fit the specification (unknown field, value not in the group, wrong type). */
public final class LabelValueException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public LabelValueException(String message) {
        super(message);
    }
}
