// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import io.chai.common.UserFacingException;

/** A role cannot run with the given inputs (missing approved caption, unknown aspect, empty answer, ...). */
public class RoleException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public RoleException(String message) {
        super(message);
    }
}
