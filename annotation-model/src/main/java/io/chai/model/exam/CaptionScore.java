// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import io.chai.model.domain.Aspect;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Rating;
import java.util.List;
import java.util.Objects;

/**
 * A trainee's submitted caption work on one (clip, aspect) scored against the expert's reference.
 *
 * <p>score = mean of caption F1, critique F1 and coverage, coverage left out when it is NaN (the expert marked no
 * span items, or the trainee critiqued a different pre-caption, having regenerated it). Rating difference =
 * trainee − expert, reported beside the score, not in it.
 *
 * @param captionF1     word F1 of the trainee's post-caption against the expert's ({@link TextScores#wordF1})
 * @param critiqueF1    word F1 of the trainee's final critique against the expert's
 * @param coverage      share of the expert's span items the trainee's items overlap, or NaN
 * @param coveredItems  per expert item, whether it was covered (empty when coverage is NaN)
 * @param samePreCaption whether the trainee critiqued the expert's pre-caption (span positions comparable)
 */
public record CaptionScore(Aspect aspect, Rating traineeRating, Rating expertRating, Critique traineeCritique,
        PostCaption traineeCaption, double captionF1, double critiqueF1, double coverage, List<Boolean> coveredItems,
        boolean samePreCaption, double score) {
    public CaptionScore {
        Objects.requireNonNull(aspect);
        coveredItems = List.copyOf(coveredItems);
    }

    /** Trainee rating − expert rating. */
    public int ratingDifference() {
        return traineeRating.score() - expertRating.score();
    }

    /** Scores the trainee's rating, critique and caption (made on {@code traineePre}) against {@code ref}. */
    public static CaptionScore of(Aspect aspect, PreCaption traineePre, Rating rating, Critique critique,
            PostCaption caption, ReferenceCaption ref) {
        double captionF1 = TextScores.wordF1(caption.text(), ref.postCaption().text());
        double critiqueF1 = TextScores.wordF1(critique.finalText(), ref.critique().finalText());
        boolean same = traineePre != null && traineePre.text().equals(ref.preCaption().text());
        List<Boolean> covered = same ? TextScores.coveredItems(critique.items(), ref.critique().items()) : List.of();
        double coverage = same ? TextScores.coverage(critique.items(), ref.critique().items()) : Double.NaN;
        double score = Double.isNaN(coverage) ? (captionF1 + critiqueF1) / 2 : (captionF1 + critiqueF1 + coverage) / 3;
        return new CaptionScore(aspect, rating, ref.rating(), critique, caption, captionF1, critiqueF1, coverage,
                covered, same, score);
    }
}
