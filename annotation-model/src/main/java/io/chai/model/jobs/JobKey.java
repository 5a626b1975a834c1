// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.jobs;

import java.util.Objects;

/**
 * What a job is about: one (clip, aspect, kind). A queue holds at most one job per key, so the same work is never
 * done twice. {@code aspect} is an aspect id or {@code ""} for the whole clip; {@code kind} names the work, e.g.
 * {@value #PRE_CAPTION}.
 */
public record JobKey(String clipId, String aspect, String kind) {
    /** Batch pre-captioning of one aspect. */
    public static final String PRE_CAPTION = "pre_caption";

    public JobKey {
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("a job needs a kind");
        }
    }

    @Override
    public String toString() {
        return clipId.substring(0, Math.min(12, clipId.length())) + (aspect.isEmpty() ? "" : "/" + aspect) + " "
                + kind;
    }
}
