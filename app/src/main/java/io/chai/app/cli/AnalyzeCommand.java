// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chai.inference.analyzers.motion.CameraMotionEstimator;
import io.chai.inference.analyzers.motion.MotionEstimate;
import io.chai.inference.analyzers.motion.MotionSuggestion;
import io.chai.inference.analyzers.overlays.OverlayDetector;
import io.chai.inference.analyzers.overlays.OverlayEstimate;
import io.chai.inference.analyzers.overlays.OverlayRegion;
import io.chai.media.CancellationToken;
import io.chai.media.VideoClip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chai analyze FILE [--json]}: the in-process analyzers' suggestions for a clip (camera motion, on-screen
 * overlays). Suggestions only: nothing is written to a project.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Suggest camera motion (optical flow + fitted similarity) and on-screen overlays (fixed "
                + "text-like regions) for a clip. Suggestions only; no labels are written.")
public final class AnalyzeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video clip")
    Path file;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @CommandLine.Mixin
    MediaCli.CacheOption cache = new MediaCli.CacheOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MotionEstimate motion;
        OverlayEstimate overlays;
        try (VideoClip clip = MediaCli.open(file, cache, spec.commandLine().getErr())) {
            motion = new CameraMotionEstimator().estimate(clip, 0, clip.index().frameCount(),
                    CancellationToken.NONE);
            overlays = new OverlayDetector().detect(clip, CancellationToken.NONE);
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("file", file.toAbsolutePath().toString());
            root.put("motion", motionJson(motion));
            root.put("overlays", overlaysJson(overlays));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else {
            out.println("camera motion: " + motion.sentence());
            out.println("overlays:      " + overlays.sentence());
        }
        out.flush();
        return ChaiCommand.EXIT_OK;
    }

    private static Map<String, Object> motionJson(MotionEstimate m) {
        Map<String, Object> o = new LinkedHashMap<>();
        List<Map<String, Object>> s = new ArrayList<>();
        for (MotionSuggestion x : m.suggestions()) {
            s.add(Map.of("motion", x.motion().id(), "label", x.labelId(), "confidence", round(x.confidence())));
        }
        o.put("suggestions", s);
        o.put("seconds", round(m.seconds()));
        o.put("framePairs", m.steps().size());
        o.put("trackedPairs", m.validSteps());
        o.put("panX", round(m.panX()));
        o.put("tiltY", round(m.tiltY()));
        o.put("scale", round(Math.exp(m.logScale())));
        o.put("rotationDegrees", round(Math.toDegrees(m.rotation())));
        o.put("jitter", round(m.jitter()));
        o.put("sentence", m.sentence());
        return o;
    }

    private static Map<String, Object> overlaysJson(OverlayEstimate e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("label", OverlayEstimate.LABEL_ID);
        o.put("suggested", e.overlaysSuggested());
        o.put("confidence", round(e.confidence()));
        o.put("changingFraction", round(e.changingFraction()));
        List<Map<String, Object>> r = new ArrayList<>();
        for (OverlayRegion x : e.regions()) {
            r.add(Map.of("place", x.place(), "x", round(x.x()), "y", round(x.y()), "width", round(x.width()),
                    "height", round(x.height())));
        }
        o.put("regions", r);
        o.put("sentence", e.sentence());
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
