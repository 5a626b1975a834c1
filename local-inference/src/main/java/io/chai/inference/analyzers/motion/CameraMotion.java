// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

/**
 * The camera motions the geometric estimator can suggest, each tied to the derived label of the bundled
 * specification it is evidence for. Directions are the camera's: a pan right turns the camera to its right, so the
 * picture content moves left; a tilt up moves content down; a clockwise roll turns content counter-clockwise.
 */
public enum CameraMotion {
    STATIC("fixed_camera", "static camera"),
    PAN_LEFT("has_pan_left", "pan left"),
    PAN_RIGHT("has_pan_right", "pan right"),
    TILT_UP("has_tilt_up", "tilt up"),
    TILT_DOWN("has_tilt_down", "tilt down"),
    ZOOM_IN("has_zoom_in", "zoom in"),
    ZOOM_OUT("has_zoom_out", "zoom out"),
    ROLL_CW("has_roll_clockwise", "roll clockwise"),
    ROLL_CCW("has_roll_counterclockwise", "roll counter-clockwise"),
    SHAKY("shaky_camera", "shaky camera");

    private final String labelId;
    private final String phrase;

    CameraMotion(String labelId, String phrase) {
        this.labelId = labelId;
        this.phrase = phrase;
    }

    /** The id of the derived label in the bundled specification this motion suggests. */
    public String labelId() {
        return labelId;
    }

    /** Words for people and prompts, e.g. "pan right". */
    public String phrase() {
        return phrase;
    }

    /** Lower-case id used on the command line and in JSON, e.g. {@code pan_right}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
