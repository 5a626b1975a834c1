// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import java.util.Objects;

/**
 * The verdict on one scored primitive field of one clip: the trainee's answer against the expert's reference, in
 * the stored form (a value id, a {@code Boolean}, or a sorted {@code Set} of value ids; {@code null} when the
 * trainee gave none).
 *
 * @param groupId   the specification's primitive group
 * @param form      the group's form ({@code cam_setup}, {@code cam_motion})
 * @param field     the stored field ({@code shot_size_start} for the start of a start/end pair)
 */
public record PrimitiveVerdict(String groupId, String form, String field, Object trainee, Object reference,
        Verdict verdict) {

    /** Right, wrong, or not answered (which counts as not right). */
    public enum Verdict {
        RIGHT, WRONG, UNANSWERED
    }

    public PrimitiveVerdict {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(form);
        Objects.requireNonNull(field);
        Objects.requireNonNull(reference);
        Objects.requireNonNull(verdict);
    }

    public boolean right() {
        return verdict == Verdict.RIGHT;
    }
}
