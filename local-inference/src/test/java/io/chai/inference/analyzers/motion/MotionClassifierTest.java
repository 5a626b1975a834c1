// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.spec.Specifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic from fitted steps to suggestions, on hand-made step series. */
class MotionClassifierTest {
    private static List<FrameStep> steps(int n, double dx, double dy, double ls, double rot) {
        List<FrameStep> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FrameStep(i, i + 1, dx, dy, ls, rot, 100, 90));
        }
        return out;
    }

    @Test
    void directionsAreTheCamerasNotTheContents() {
        assertThat(MotionClassifier.classify(steps(20, -0.01, 0, 0, 0), 2).primary().get().motion())
                .isEqualTo(CameraMotion.PAN_RIGHT);
        assertThat(MotionClassifier.classify(steps(20, 0.01, 0, 0, 0), 2).primary().get().motion())
                .isEqualTo(CameraMotion.PAN_LEFT);
        assertThat(MotionClassifier.classify(steps(20, 0, 0.01, 0, 0), 2).primary().get().motion())
                .isEqualTo(CameraMotion.TILT_UP);
        assertThat(MotionClassifier.classify(steps(20, 0, -0.01, 0, 0), 2).primary().get().motion())
                .isEqualTo(CameraMotion.TILT_DOWN);
        assertThat(MotionClassifier.classify(steps(20, 0, 0, 0.02, 0), 2).primary().get().motion())
                .isEqualTo(CameraMotion.ZOOM_IN);
        assertThat(MotionClassifier.classify(steps(20, 0, 0, -0.02, 0), 2).primary().get().motion())
                .isEqualTo(CameraMotion.ZOOM_OUT);
        assertThat(MotionClassifier.classify(steps(20, 0, 0, 0, 0.02), 2).primary().get().motion())
                .isEqualTo(CameraMotion.ROLL_CCW);
        assertThat(MotionClassifier.classify(steps(20, 0, 0, 0, -0.02), 2).primary().get().motion())
                .isEqualTo(CameraMotion.ROLL_CW);
    }

    @Test
    void stillStepsAreStaticWithHighConfidence() {
        MotionEstimate e = MotionClassifier.classify(steps(20, 0.0001, -0.0001, 0, 0), 2);
        assertThat(e.suggestions()).hasSize(1);
        assertThat(e.primary().get().motion()).isEqualTo(CameraMotion.STATIC);
        assertThat(e.primary().get().confidence()).isGreaterThan(0.9);
    }

    @Test
    void backAndForthJitterIsShakeNotPan() {
        Random r = new Random(7);
        List<FrameStep> s = new ArrayList<>();
        double prev = 0;
        for (int i = 0; i < 30; i++) {
            double offset = (r.nextDouble() - 0.5) * 0.04;
            s.add(new FrameStep(i, i + 1, offset - prev, 0, 0, 0, 100, 90));
            prev = offset;
        }
        MotionEstimate e = MotionClassifier.classify(s, 2.5);
        assertThat(e.suggestions()).extracting(MotionSuggestion::motion).containsExactly(CameraMotion.SHAKY);
        assertThat(e.jitter()).isGreaterThan(MotionClassifier.JITTER_THRESHOLD);
    }

    @Test
    void tooFewTrackedStepsGiveNoSuggestion() {
        List<FrameStep> s = new ArrayList<>(steps(3, -0.02, 0, 0, 0));
        for (int i = 0; i < 10; i++) {
            s.add(new FrameStep(i, i + 1, 0, 0, 0, 0, 5, 0));
        }
        MotionEstimate e = MotionClassifier.classify(s, 1);
        assertThat(e.suggestions()).isEmpty();
        assertThat(e.sentence()).contains("could not track enough image features (3 of 13 frame pairs)");
    }

    @Test
    void aSlowSmallMoveIsBelowTheThreshold() {
        // 20 steps of 0.1% = 2% of the frame: under the 4% threshold
        MotionEstimate e = MotionClassifier.classify(steps(20, -0.001, 0, 0, 0), 2);
        assertThat(e.primary().get().motion()).isEqualTo(CameraMotion.STATIC);
        assertThat(e.primary().get().confidence()).isLessThan(0.6);
    }

    @Test
    void everySuggestedLabelExistsInTheBundledSpecification() {
        var spec = Specifications.bundled();
        for (CameraMotion m : CameraMotion.values()) {
            assertThat(spec.label(m.labelId())).as(m.labelId()).isPresent();
        }
    }

    @Test
    void theSentenceNamesSuggestionsAndMeasurements() {
        MotionEstimate e = MotionClassifier.classify(steps(24, -0.01, 0, 0, 0), 2.4);
        assertThat(e.sentence()).startsWith("Geometric motion analysis suggests: pan right (confidence 1.00)")
                .contains("shifted 24% of the frame width left");
    }
}
