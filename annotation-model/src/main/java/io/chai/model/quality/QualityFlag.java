// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import java.util.Locale;

/** The critique-quality checks of specification §2.13 (plus the reviewer's rejection). */
public enum QualityFlag {
    /** Only formatting / wording changes, or a very short critique. */
    NITPICK_ONLY,
    /** One correction applied in two or more places. */
    GLOBAL_EDIT,
    /** The post-caption changes content the critique does not ask for. */
    DIRECT_EDIT,
    /** A complaint without the fix. */
    NON_CONSTRUCTIVE,
    /** The reviewer rejected the item and redid it. */
    REVIEWER_REJECTED;

    /** The id used in reports and JSON ({@code nitpick_only}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
