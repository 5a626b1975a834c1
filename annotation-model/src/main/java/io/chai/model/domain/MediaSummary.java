// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * What a probe of the clip's media reported, kept with the clip for listings and sanity checks. The frame-exact
 * truth lives in the media module's frame index; these are summary numbers.
 *
 * @param duration positive duration (JSON: ISO-8601, e.g. {@code PT12.5S})
 * @param fps      average frames per second, positive and finite
 * @param width    display width in pixels, positive
 * @param height   display height in pixels, positive
 */
public record MediaSummary(
        @JsonProperty("duration") Duration duration,
        @JsonProperty("fps") double fps,
        @JsonProperty("width") int width,
        @JsonProperty("height") int height) {

    public MediaSummary {
        Checks.required(duration, "clip duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidValueException("Clip duration must be positive, got " + duration + ".");
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new InvalidValueException("Clip frame rate must be a positive number, got " + fps + ".");
        }
        if (width <= 0 || height <= 0) {
            throw new InvalidValueException("Clip size must be positive, got " + width + "x" + height + ".");
        }
    }
}
