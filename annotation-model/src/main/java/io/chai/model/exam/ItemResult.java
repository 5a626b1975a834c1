// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import io.chai.model.domain.Aspect;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A trainee's result on one exam clip.
 *
 * @param labelsAnswered whether the trainee saved primitive labels for the clip
 * @param primitives     the scored fields (empty when the clip has no reference labels or none were saved)
 * @param captions       per submitted aspect that has a reference, its score
 * @param done           labels saved (when the clip has reference labels) and every reference aspect submitted
 */
public record ItemResult(String clipId, String displayName, boolean labelsAnswered, List<PrimitiveVerdict> primitives,
        Map<Aspect, CaptionScore> captions, boolean done, Duration timeSpent) {
    public ItemResult {
        primitives = List.copyOf(primitives);
        EnumMap<Aspect, CaptionScore> copy = new EnumMap<>(Aspect.class);
        copy.putAll(captions);
        captions = Collections.unmodifiableMap(copy);
    }

    /** Primitive accuracy on this clip, NaN when nothing is scored. */
    public double primitiveAccuracy() {
        return PrimitiveScoring.accuracy(primitives);
    }
}
