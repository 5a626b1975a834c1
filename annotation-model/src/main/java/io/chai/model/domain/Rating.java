// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The annotator's 1–5 judgement of a pre-caption (step C, {@code initial_caption_rating_score}), shown as five
 * faces (the authors' {@code initial_caption_rating}): 😞 1, 🙁 2, 😐 3, 🙂 4, 😀 5. JSON form: the number.
 *
 * @param score 1 to 5
 */
public record Rating(int score) {
    private static final String[] FACES = {"😞", "🙁", "😐", "🙂", "😀"};

    /** The top score: the pre-caption is kept verbatim ({@code perfect_precaption}). */
    public static final Rating PERFECT = new Rating(5);

    public Rating {
        if (score < 1 || score > 5) {
            throw new InvalidValueException("A rating is a whole number from 1 to 5, got " + score + ".");
        }
    }

    /** The rating with this score (JSON creator). */
    @JsonCreator
    public static Rating of(int score) {
        return new Rating(score);
    }

    /** The rating shown by this face. */
    public static Rating fromFace(String face) {
        for (int i = 0; i < FACES.length; i++) {
            if (FACES[i].equals(face)) {
                return new Rating(i + 1);
            }
        }
        throw new InvalidValueException("Unknown rating face '" + face + "'; expected one of "
                + String.join(" ", FACES) + ".");
    }

    @JsonValue
    @Override
    public int score() {
        return score;
    }

    /** The face of this score. */
    public String face() {
        return FACES[score - 1];
    }

    /** Whether the pre-caption needs no change (score 5). */
    public boolean isPerfect() {
        return score == 5;
    }

    /** The authors' {@code feedback_is_needed}: true iff the score is not 5. */
    public boolean feedbackIsNeeded() {
        return score != 5;
    }
}
