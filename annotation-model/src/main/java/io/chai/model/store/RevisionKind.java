// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.Locale;

/**
 * What a revision changes. Every kind except {@link #STEP_TIMING} has a current value per (clip, aspect): the
 * revision with the greatest (HLC, UUID) of that kind wins, and a JSON {@code null} payload clears it. Step timings
 * are facts that all count (efficiency statistics). Payloads are documented in docs/store.md.
 */
public enum RevisionKind {
    /** Snapshot of a clip's primitive labels (aspect ''); payload: a domain {@code PrimitiveLabels}. */
    PRIMITIVE_LABELS(true, false),
    /** Model (or imported) draft caption; payload: a domain {@code PreCaption} (aspect '' = one whole caption). */
    PRE_CAPTION(true, true),
    /** 1-5 rating of the pre-caption; payload: a domain {@code Rating} ({@code 4}). */
    RATING(true, false),
    /** Human critique (raw, polished, final); payload: a domain {@code Critique}. */
    CRITIQUE(true, true),
    /** Revised caption; payload: a domain {@code PostCaption}. */
    POST_CAPTION(true, true),
    /** Submit or withdraw by the annotator; payload {@code {"submitted": true|false}}. */
    SUBMISSION(true, false),
    /** Peer review; payload: a domain {@code Review} ({@code decision}: approve | reject). */
    REVIEW(true, true),
    /**
     * An annotator's appeal of the rejection of their work (specification §2.11), then the admin's ruling: payload a
     * domain {@code Appeal} ({@code author}, {@code note}, {@code created_at}, {@code ruling} null while open). The
     * ruling is a new revision of the same appeal with its {@code ruling} set (parent: the appeal), never an edit;
     * an overturn also appends the admin's approving {@code review}. Does not change the queue state by itself.
     */
    APPEAL(true, false),
    /** Who works on the clip (aspect '') or one aspect; payload {@code {"assignee": "name"}}. */
    ASSIGNMENT(true, false),
    /** Time spent on one annotation step; payload {@code {"step", "openedAt", "firstEditAt", "submittedAt"}}. */
    STEP_TIMING(false, false);

    private final boolean hasCurrentValue;
    private final boolean searchable;

    RevisionKind(boolean hasCurrentValue, boolean searchable) {
        this.hasCurrentValue = hasCurrentValue;
        this.searchable = searchable;
    }

    /** True when the latest revision of this kind is the current value of its (clip, aspect). */
    public boolean hasCurrentValue() {
        return hasCurrentValue;
    }

    /** True when the current value's text is indexed for full-text search. */
    public boolean searchable() {
        return searchable;
    }

    /** The stored name, e.g. {@code pre_caption}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored name; throws IllegalArgumentException for an unknown one. */
    public static RevisionKind fromId(String id) {
        for (RevisionKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown revision kind: " + id);
    }
}
