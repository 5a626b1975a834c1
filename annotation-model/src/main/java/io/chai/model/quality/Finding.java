// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

/**
 * One raised quality flag and a one-line explanation a person can check.
 *
 * @param flag   which check
 * @param detail why it fired, e.g. {@code "'he' → 'she' applied 3 times"}
 */
public record Finding(QualityFlag flag, String detail) {
}
