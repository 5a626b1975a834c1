// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.InvalidValueException;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.workflow.AspectWork;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an export needs of one clip: its id, its media path relative to the project's media root, the work of
 * each aspect that has any, and the primitive labels the derived yes/no labels come from.
 *
 * @param clip      the clip
 * @param mediaPath relative media path ({@code /}-separated)
 * @param work      aspect → its work item (aspects without one are simply absent)
 * @param labels    the clip's reference primitive labels, when labelled
 */
public record ExportItem(ClipId clip, String mediaPath, Map<Aspect, AspectWork> work,
        Optional<PrimitiveLabels> labels) {
    public ExportItem {
        if (clip == null || mediaPath == null || mediaPath.isBlank()) {
            throw new InvalidValueException("An export item needs a clip id and a media path.");
        }
        EnumMap<Aspect, AspectWork> copy = new EnumMap<>(Aspect.class);
        for (var e : work.entrySet()) {
            if (!e.getValue().clip().equals(clip) || e.getValue().aspect() != e.getKey()) {
                throw new InvalidValueException("Work item " + e.getValue().describe() + " does not belong under "
                        + e.getKey().key() + " of clip " + clip.shortForm() + ".");
            }
            copy.put(e.getKey(), e.getValue());
        }
        work = java.util.Collections.unmodifiableMap(copy);
        labels = labels == null ? Optional.empty() : labels;
    }

    /** An item from a list of work items of the clip. */
    public static ExportItem of(ClipId clip, String mediaPath, Collection<AspectWork> work,
            Optional<PrimitiveLabels> labels) {
        EnumMap<Aspect, AspectWork> m = new EnumMap<>(Aspect.class);
        for (AspectWork w : work) {
            m.put(w.aspect(), w);
        }
        return new ExportItem(clip, mediaPath, m, labels);
    }
}
