// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The five caption aspects, in the fixed order in which they are captioned (specification §2.4). The export key
 * ({@code subject} … {@code camera}) is the JSON form and the key of the authors' export records; the task id
 * is the authors' per-aspect task identifier.
 */
public enum Aspect {
    SUBJECT("subject", "subject_description", "Subject"),
    SCENE("scene", "scene_composition_dynamics", "Scene"),
    MOTION("motion", "subject_motion_dynamics", "Motion"),
    SPATIAL("spatial", "spatial_framing_dynamics", "Spatial"),
    CAMERA("camera", "camera_framing_dynamics", "Camera");

    private final String key;
    private final String taskId;
    private final String displayName;

    Aspect(String key, String taskId, String displayName) {
        this.key = key;
        this.taskId = taskId;
        this.displayName = displayName;
    }

    /** The export key, e.g. {@code subject}; also the JSON form. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The authors' task id, e.g. {@code subject_description}. */
    public String taskId() {
        return taskId;
    }

    /** A short human name, e.g. {@code Subject}. */
    public String displayName() {
        return displayName;
    }

    /** The aspect whose export key is {@code key}; fails with a one-line message listing the valid keys. */
    @JsonCreator
    public static Aspect fromKey(String key) {
        for (Aspect a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new InvalidValueException("Unknown aspect '" + key + "'; expected one of "
                + Arrays.stream(values()).map(Aspect::key).collect(Collectors.joining(", ")) + ".");
    }

    /** The aspect whose task id is {@code taskId}. */
    public static Aspect fromTaskId(String taskId) {
        for (Aspect a : values()) {
            if (a.taskId.equals(taskId)) {
                return a;
            }
        }
        throw new InvalidValueException("Unknown aspect task id '" + taskId + "'; expected one of "
                + Arrays.stream(values()).map(Aspect::taskId).collect(Collectors.joining(", ")) + ".");
    }
}
