// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import io.chai.common.UserFacingException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A specification could not be loaded. {@link #getMessage()} is the first problem plus "(and N more)";
 * {@link #errors()} has every problem found (the loader does not stop at the first).
 */
public final class SpecificationException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecificationError> errors;

    public SpecificationException(List<SpecificationError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in the order found. */
    public List<SpecificationError> errors() {
        return errors;
    }

    /** Every problem as {@code FILE:LINE: PATH: message} lines. */
    public List<String> lines() {
        return errors.stream().map(SpecificationError::toString).collect(Collectors.toList());
    }

    private static String summary(List<SpecificationError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SpecificationException needs at least one error");
        }
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
