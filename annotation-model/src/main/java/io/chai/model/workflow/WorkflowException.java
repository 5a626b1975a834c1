// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import io.chai.common.UserFacingException;

/**
 * A workflow step was refused: the item is in the wrong state for it, the user lacks the role, or the input
 * breaks a rule (e.g. "A critique is required when the rating is below 5 (rating 3 given).").
 * The message is one line the user can act on; the work item is unchanged.
 */
public class WorkflowException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public WorkflowException(String message) {
        super(message);
    }
}
