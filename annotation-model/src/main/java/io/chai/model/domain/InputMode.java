// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the clip was shown to a model (specification §2.4). The JSON form is the authors' exact label, e.g.
 * {@code Image (3 frames)} (field {@code pre_caption_mode}).
 */
public enum InputMode {
    VIDEO("Video"),
    FIRST_AND_LAST_FRAME("Image (First-and-Last-Frame)"),
    THREE_FRAMES("Image (3 frames)"),
    FOUR_FRAMES("Image (4 frames)"),
    TEXT_ONLY("Text Only");

    private final String label;

    InputMode(String label) {
        this.label = label;
    }

    /** The authors' label, e.g. {@code Text Only}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The mode with this exact label. */
    @JsonCreator
    public static InputMode fromLabel(String label) {
        for (InputMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new InvalidValueException("Unknown input mode '" + label + "'; expected one of "
                + Arrays.stream(values()).map(InputMode::label).collect(Collectors.joining(", ")) + ".");
    }
}
