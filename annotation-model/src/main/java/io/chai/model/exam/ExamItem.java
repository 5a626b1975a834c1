// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.PrimitiveLabels;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One exam question set: a clip with the expert's reference primitive labels (optional) and reference captions
 * for some aspects (possibly none). At least one of the two is present.
 *
 * @param clipId      the clip's content hash (the same in the source project and the exam)
 * @param displayName the clip's file name, for reports
 */
public record ExamItem(
        @JsonProperty("clip_id") String clipId,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("labels") Optional<PrimitiveLabels> labels,
        @JsonProperty("captions") Map<Aspect, ReferenceCaption> captions) {
    public ExamItem {
        Objects.requireNonNull(clipId, "clip_id");
        if (!clipId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an exam item's clip_id is 64 lowercase hex digits, got '" + clipId
                    + "'");
        }
        displayName = displayName == null ? clipId.substring(0, 12) : displayName;
        labels = labels == null ? Optional.empty() : labels;
        EnumMap<Aspect, ReferenceCaption> copy = new EnumMap<>(Aspect.class);
        if (captions != null) {
            copy.putAll(captions);
        }
        captions = Collections.unmodifiableMap(copy);
        if (labels.isEmpty() && captions.isEmpty()) {
            throw new IllegalArgumentException("exam item " + clipId.substring(0, 12)
                    + " has neither reference labels nor reference captions");
        }
    }

    /** The reference caption of {@code aspect}, if the expert made one. */
    public Optional<ReferenceCaption> caption(Aspect aspect) {
        return Optional.ofNullable(captions.get(aspect));
    }
}
