// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.domain.Aspect;
import io.chai.model.workflow.WorkflowState;

/**
 * What the library shows: null fields match anything. A clip matches {@code state}, {@code aspect} and
 * {@code assignee} when one of its aspects (or the given aspect) matches them together, like {@code chai list};
 * {@code assignee} "" selects unassigned work. {@code text} matches the file name or external id (substring,
 * case-insensitive) or, through the store's full-text search, the current captions, critiques and reviews.
 */
public record LibraryFilter(WorkflowState state, Aspect aspect, String assignee, String tag, String text) {
    /** Shows every clip. */
    public static final LibraryFilter ALL = new LibraryFilter(null, null, null, null, "");

    public LibraryFilter {
        text = text == null ? "" : text.strip();
    }

    public LibraryFilter withState(WorkflowState s) {
        return new LibraryFilter(s, aspect, assignee, tag, text);
    }

    public LibraryFilter withAspect(Aspect a) {
        return new LibraryFilter(state, a, assignee, tag, text);
    }

    public LibraryFilter withAssignee(String who) {
        return new LibraryFilter(state, aspect, who, tag, text);
    }

    public LibraryFilter withTag(String t) {
        return new LibraryFilter(state, aspect, assignee, t, text);
    }

    public LibraryFilter withText(String t) {
        return new LibraryFilter(state, aspect, assignee, tag, t);
    }

    /** Whether the filter needs the full-text search. */
    boolean searches() {
        return !text.isEmpty();
    }
}
