// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

/**
 * An analyzer's proposed answer for one field, shown next to the control until the annotator accepts or
 * dismisses it. {@code value} has the stored form (value id, Boolean, Set of ids, text); {@code confidence}
 * is in [0, 1] or NaN when the analyzer gives none; {@code detail} is the analyzer's evidence in words (shown on
 * hover), empty when there is none.
 */
public record Suggestion(String field, Object value, String source, double confidence, String detail) {
    public Suggestion {
        detail = detail == null ? "" : detail;
    }

    /** A suggestion without evidence text. */
    public Suggestion(String field, Object value, String source, double confidence) {
        this(field, value, source, confidence, "");
    }
}
