// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.overlays;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.inference.analyzers.motion.CameraMotion;
import io.chai.inference.analyzers.motion.SyntheticMotionClips;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Recipe;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Texture;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.model.spec.Specifications;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Burnt-in text ({@link SyntheticMotionClips#withText}) over generated moving scenes against the same scenes
 * without text.
 */
class OverlayDetectorTest {
    static final Path DIR = Path.of("target", "overlay-test-clips").toAbsolutePath();
    static final SyntheticMotionClips CLIPS = new SyntheticMotionClips(FfmpegCli.locate(), DIR);
    static final OverlayDetector DETECTOR = new OverlayDetector();

    static Path withText(Path base) throws Exception {
        return CLIPS.withText(base);
    }

    @Test
    void fixedTextOverAPanningSceneIsAnOverlay() throws Exception {
        Path base = CLIPS.clip(new Recipe(CameraMotion.PAN_RIGHT, Texture.MANDELBROT, 0.16, 2.0));
        OverlayEstimate e = DETECTOR.detect(withText(base), CancellationToken.NONE);
        assertThat(e.overlaysSuggested()).as(e.sentence()).isTrue();
        assertThat(e.confidence()).as(e.sentence()).isGreaterThan(0.8);
        assertThat(e.regions()).anySatisfy(r -> {
            assertThat(r.place()).startsWith("bottom");
            assertThat(r.y() + r.height()).isGreaterThan(0.75);
        });
        assertThat(e.sentence()).startsWith("On-screen text analysis suggests: overlays present (confidence 0.");
    }

    @Test
    void theSamePanningSceneWithoutTextHasNone() throws Exception {
        Path base = CLIPS.clip(new Recipe(CameraMotion.PAN_RIGHT, Texture.MANDELBROT, 0.16, 2.0));
        OverlayEstimate e = DETECTOR.detect(base, CancellationToken.NONE);
        assertThat(e.overlaysSuggested()).as(e.sentence()).isFalse();
        assertThat(e.regions()).isEmpty();
        assertThat(e.changingFraction()).isGreaterThan(0.5);
        assertThat(e.confidence()).isGreaterThan(0.8);
    }

    @Test
    void textOverAZoomOnAnotherTextureIsFoundAndTheBareZoomIsClean() throws Exception {
        Path base = CLIPS.clip(new Recipe(CameraMotion.ZOOM_IN, Texture.BLOBS, 0.25, 2.0));
        OverlayEstimate with = DETECTOR.detect(withText(base), CancellationToken.NONE);
        OverlayEstimate without = DETECTOR.detect(base, CancellationToken.NONE);
        assertThat(with.overlaysSuggested()).as(with.sentence()).isTrue();
        assertThat(without.overlaysSuggested()).as(without.sentence()).isFalse();
    }

    @Test
    void overAStaticSceneTheVerdictIsUncertain() throws Exception {
        Path base = CLIPS.clip(new Recipe(CameraMotion.STATIC, Texture.MANDELBROT, 0, 2.0));
        OverlayEstimate e = DETECTOR.detect(withText(base), CancellationToken.NONE);
        assertThat(e.changingFraction()).isLessThan(OverlayDetector.MIN_CHANGING);
        assertThat(e.confidence()).isEqualTo(0.5);
    }

    @Test
    void theLabelExistsInTheBundledSpecification() {
        assertThat(Specifications.bundled().label(OverlayEstimate.LABEL_ID)).isPresent();
    }
}
