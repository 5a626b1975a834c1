// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.analyzers;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.inference.analyzers.motion.CameraMotion;
import io.chai.inference.analyzers.motion.SyntheticMotionClips;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Recipe;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Texture;
import io.chai.inference.analyzers.overlays.OverlayDetector;
import io.chai.inference.analyzers.overlays.OverlayEstimate;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code overlays}: how often the overlay detector's verdict is right on SYNTHETIC moving scenes (every camera
 * motion but static at medium speed on three textures, 2.4 s at 320x180) with burnt-in text and without, and the
 * time per clip. Clean synthetic text over synthetic motion: an upper bound, not a measure on broadcast footage.
 */
public final class OverlayBenchmark implements Benchmark {
    @Override
    public String name() {
        return "overlays";
    }

    @Override
    public String description() {
        return "Overlay suggestions (stable text-shaped edges while the picture changes) on synthetic moving scenes "
                + "with and without burnt-in text: share of correct verdicts, time per 2.4 s 320x180 clip.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path dir = context.repositoryRoot().resolve("bench/target/camera-motion-clips");
        SyntheticMotionClips clips = new SyntheticMotionClips(FfmpegCli.locate(), dir);
        OverlayDetector detector = new OverlayDetector();
        int withOk = 0;
        int withoutOk = 0;
        int n = 0;
        Samples times = new Samples();
        List<String> misses = new ArrayList<>();
        for (Texture tex : List.of(Texture.TESTSRC2, Texture.MANDELBROT, Texture.BLOBS)) {
            for (CameraMotion m : CameraMotion.values()) {
                if (m == CameraMotion.STATIC) {
                    continue;
                }
                double[] speeds = SyntheticMotionClips.speeds(m);
                Path base = clips.clip(new Recipe(m, tex, speeds[1], 2.4));
                Path text = clips.withText(base);
                long t0 = System.nanoTime();
                OverlayEstimate with = detector.detect(text, CancellationToken.NONE);
                times.add((System.nanoTime() - t0) / 1e6);
                OverlayEstimate without = detector.detect(base, CancellationToken.NONE);
                n++;
                if (with.overlaysSuggested() && with.confidence() > 0.5) {
                    withOk++;
                } else {
                    misses.add("missed text in " + text.getFileName() + ": " + with.sentence());
                }
                if (!without.overlaysSuggested()) {
                    withoutOk++;
                } else {
                    misses.add("false overlay in " + base.getFileName() + ": " + without.sentence());
                }
            }
        }
        for (String s : misses) {
            System.out.println("overlays miss: " + s);
        }
        double recall = 100.0 * withOk / n;
        double specificity = 100.0 * withoutOk / n;
        return List.of(
                Figure.single("synthetic: text found (" + withOk + "/" + n + ")", "%", recall, ">= 90%",
                        recall >= 90),
                Figure.single("synthetic: no text, none suggested (" + withoutOk + "/" + n + ")", "%", specificity,
                        ">= 90%", specificity >= 90),
                Figure.of("detection time per clip (open + index + 16 samples)", "ms", times, "", null));
    }
}
