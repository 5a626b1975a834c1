// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.app.ui.diff.WordDiff;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.exam.CaptionScore;
import io.chai.model.exam.ReferenceCaption;
import java.util.List;
import java.util.Optional;

/**
 * One aspect of the exam clip for the trainee: before they submit it only that it has a reference (never the
 * reference itself); after, their work against the expert's with word diffs (theirs → the expert's) and the score.
 *
 * @param score        present once the trainee submitted the aspect
 * @param reference    present only together with {@code score}
 * @param expertItems  the expert's span items, each with whether the trainee's items covered it
 */
public record AspectComparison(Aspect aspect, Optional<CaptionScore> score, Optional<ReferenceCaption> reference,
        List<WordDiff.Segment> critiqueDiff, List<WordDiff.Segment> captionDiff, List<ItemCoverage> expertItems) {

    /** An expert span item and whether the trainee marked an overlapping span. */
    public record ItemCoverage(CritiqueItem item, boolean covered) {
    }

    public AspectComparison {
        critiqueDiff = List.copyOf(critiqueDiff);
        captionDiff = List.copyOf(captionDiff);
        expertItems = List.copyOf(expertItems);
    }

    public boolean submitted() {
        return score.isPresent();
    }

    /** Hidden: a reference exists, the trainee has not submitted yet. */
    static AspectComparison hidden(Aspect a) {
        return new AspectComparison(a, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    /** "Score 0.62 · caption F1 0.75 · critique F1 0.62 · coverage 50% (1 of 2) · rating 3 vs expert 2". */
    public String summaryLine() {
        if (score.isEmpty()) {
            return "Submit " + aspect.displayName() + " in the Captions tab to compare it with the expert's.";
        }
        CaptionScore s = score.get();
        long covered = expertItems.stream().filter(ItemCoverage::covered).count();
        String coverage = Double.isNaN(s.coverage()) ? (s.samePreCaption() ? "coverage – (the expert marked no spans)"
                : "coverage – (you critiqued a regenerated pre-caption)")
                : "coverage " + ExamFormat.percent(s.coverage()) + " (" + covered + " of " + expertItems.size() + ")";
        return "Score " + ExamFormat.score(s.score()) + " · caption F1 " + ExamFormat.score(s.captionF1())
                + " · critique F1 " + ExamFormat.score(s.critiqueF1()) + " · " + coverage + " · rating "
                + s.traineeRating().score() + " vs expert " + s.expertRating().score();
    }
}
