// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.team.viewmodel;

import io.chai.model.agreement.GroupAgreement;
import io.chai.model.quality.ItemQuality;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The team and quality figures of one project, computed once from its store ({@link TeamStatsCalculator}) and shown
 * by the Team and quality window. Immutable.
 *
 * @param annotators one row per person who submitted, critiqued, revised or was reviewed, sorted by name
 * @param throughput items first submitted per person and day, by person then day
 * @param steps      time per step and person, in {@link Step} order per person
 * @param flagged    the quality checks' findings per submitted item (what {@code chai quality --by item} prints)
 * @param agreement  agreement per primitive group over clips labelled by two or more people (empty when none)
 * @param revisions  revisions read
 */
public record TeamStats(List<AnnotatorRow> annotators, List<DayCount> throughput, List<StepTime> steps,
        List<ItemQuality> flagged, List<GroupAgreement> agreement, long revisions) {
    public TeamStats {
        annotators = List.copyOf(annotators);
        throughput = List.copyOf(throughput);
        steps = List.copyOf(steps);
        flagged = List.copyOf(flagged);
        agreement = List.copyOf(agreement);
    }

    /** Nothing yet (before the first computation). */
    public static TeamStats empty() {
        return new TeamStats(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    /** The caption steps whose duration is measured between revision timestamps. */
    public enum Step {
        /** First pre-caption → first rating or critique after it. */
        CRITIQUE("pre-caption → critique"),
        /** That critique → first post-caption after it. */
        REVISE("critique → revise"),
        /** That post-caption → first submission after it. */
        SUBMIT("revise → submit");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        /** e.g. "pre-caption → critique". */
        public String label() {
            return label;
        }
    }

    /**
     * One person.
     *
     * @param submitted    (clip, aspect) items they submitted (each counted once, on its first submission)
     * @param activeDays   days on which they first submitted at least one item
     * @param itemsPerDay  submitted / activeDays (0 when none)
     * @param approved     review decisions 'approve' on their submissions (every decision counts, also after a fix)
     * @param rejected     review decisions 'reject' on their submissions
     * @param approvalRate approved / (approved + rejected), NaN when never reviewed
     * @param flags        quality flag id → their items flagged ({@code chai quality}); every flag present
     * @param rewritten    their items a reviewer rejected and redid
     * @param precision    mean critique precision against reviewers' rewrites
     * @param recall       mean critique recall against reviewers' rewrites
     */
    public record AnnotatorRow(String annotator, int submitted, int activeDays, double itemsPerDay, int approved,
            int rejected, double approvalRate, Map<String, Integer> flags, int rewritten, OptionalDouble precision,
            OptionalDouble recall) {
        public AnnotatorRow {
            flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
        }

        /** Items flagged by any quality check, summed over the flags. */
        public int flagCount() {
            return flags.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Items a person first submitted on one day. */
    public record DayCount(String annotator, LocalDate day, int items) {
    }

    /** How long one person takes for one step: how many measured, mean and median in seconds. */
    public record StepTime(String annotator, Step step, int count, double meanSeconds, double medianSeconds) {
    }
}
