// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.List;
import java.util.Optional;

/**
 * One of the five caption aspects (subject, scene, motion, spatial, camera, in that order), with its
 * sub-aspects, structured caption keys, the aspects it depends on and the primitive groups injected into its
 * prompt.
 */
public record Aspect(String id, String name, String taskId, String description, List<String> dependsOn,
        ShotTransitionPolicy onShotTransition, List<String> primitiveContext, List<SubAspect> subAspects,
        List<CaptionKey> captionKeys) {

    /** The aspect ids, in their fixed order. */
    public static final List<String> IDS = List.of("subject", "scene", "motion", "spatial", "camera");

    public Aspect {
        dependsOn = List.copyOf(dependsOn);
        primitiveContext = List.copyOf(primitiveContext);
        subAspects = List.copyOf(subAspects);
        captionKeys = List.copyOf(captionKeys);
    }

    public Optional<CaptionKey> captionKey(String key) {
        return captionKeys.stream().filter(k -> k.key().equals(key)).findFirst();
    }

    public Optional<SubAspect> subAspect(String id) {
        return subAspects.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
