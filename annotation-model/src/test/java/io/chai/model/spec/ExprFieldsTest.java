// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fields a compiled expression and a derived label read (what uncertainty greying uses). */
class ExprFieldsTest {
    private final Specification spec = Specifications.bundled();

    @Test
    void everyOperatorContributesItsFieldsInOrderOnce() {
        Expr e = spec.compile("!(steadiness == static) && (camera_movement in [minor, major_simple]"
                + " || overlay_types contains title) && rank(shot_size_start) < rank(shot_size_end)"
                + " && set(camera_angle_start) && steadiness != smooth && true");
        assertThat(e.fields()).containsExactly("steadiness", "camera_movement", "overlay_types",
                "shot_size_start", "shot_size_end", "camera_angle_start");
        assertThat(spec.compile("false").fields()).isEmpty();
    }

    @Test
    void derivedLabelFieldsArePosThenNeg() {
        DerivedLabel fixed = spec.labels().stream().filter(l -> l.id().equals("fixed_camera")).findFirst().orElseThrow();
        assertThat(fixed.fields()).containsExactly("steadiness", "camera_movement");
        DerivedLabel subtitles = spec.labels().stream().filter(l -> l.id().equals("has_subtitle_overlay"))
                .findFirst().orElseThrow();
        assertThat(subtitles.fields()).containsExactly("has_overlays", "overlay_types");
        // a field name that only appears inside a value id or a word of the rule text is not a field read
        for (DerivedLabel l : spec.labels()) {
            assertThat(spec.fields()).as(l.id()).containsAll(l.fields());
        }
    }
}
