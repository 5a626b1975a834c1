// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.agreement;

/**
 * What an 'unsure' answer (a yes/no primitive answered unsure, or a choice answered 'unknown') counts as in the
 * agreement coefficients. The number of unsure answers is reported either way.
 */
public enum UnsurePolicy {
    /** Left out, like a missing rating: agreement is measured on the answers raters committed to. */
    MISSING,
    /** Its own category: two raters who are both unsure agree; unsure against an answer disagrees. */
    CATEGORY
}
