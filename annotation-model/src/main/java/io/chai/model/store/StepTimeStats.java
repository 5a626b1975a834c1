// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/**
 * Efficiency of one annotator on one step: how many timed steps, mean milliseconds from opening to first edit
 * (NaN when none was edited) and from opening to submit.
 */
public record StepTimeStats(String author, String step, long count, double meanMillisToFirstEdit,
        double meanMillisToSubmit) {
}
