// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/**
 * A rule expression is malformed or names an unknown field or value. The message ends with
 * {@code at column N} (1-based, in the expression text).
 */
public final class RuleSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String unknownField;

    RuleSyntaxException(String message, int column) {
        this(message, column, null);
    }

    RuleSyntaxException(String message, int column, String unknownField) {
        super(message + " at column " + column);
        this.column = column;
        this.unknownField = unknownField;
    }

    /** The field name when the problem is an unknown field, else null. */
    String unknownField() {
        return unknownField;
    }

    public int column() {
        return column;
    }
}
