// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import io.chai.inference.analyzers.motion.CameraMotionEstimator;
import io.chai.inference.analyzers.motion.MotionEstimate;
import io.chai.inference.analyzers.motion.MotionSuggestion;
import io.chai.inference.analyzers.overlays.OverlayDetector;
import io.chai.inference.analyzers.overlays.OverlayEstimate;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the in-process analyzers (camera motion, on-screen overlays; docs/analyzers.md) on a clip and states what they
 * found as {@link LabelEvidence} about the specification's derived labels. Results are cached per clip file (path,
 * size and modification time), so asking again for the same clip costs nothing. Thread-safe; call it off the UI
 * thread.
 */
public final class ClipAnalyzer {
    /** What was found for one clip: the evidence and the analyzers' sentences. */
    public record Result(List<LabelEvidence> evidence, String motionSentence, String overlaySentence) {
        public Result {
            evidence = List.copyOf(evidence);
        }
    }

    private record Key(Path file, long size, long modified) {
    }

    private final IndexStore indexes;
    private final Map<Key, Result> cache = new ConcurrentHashMap<>();

    /** @param indexes where frame indexes are kept (null: index in memory each time) */
    public ClipAnalyzer(IndexStore indexes) {
        this.indexes = indexes;
    }

    /** The cached result for {@code file}, if it was analysed in its current state. */
    public java.util.Optional<Result> cached(Path file) {
        try {
            return java.util.Optional.ofNullable(cache.get(key(file)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Analyses {@code file} (or returns the cached result). {@code step} hears "motion" and "overlays" as each
     * analyzer starts. Throws {@link java.util.concurrent.CancellationException} when {@code token} is cancelled and
     * {@link io.chai.inference.analyzers.AnalysisException} or {@link io.chai.media.MediaException} on a clip the
     * analyzers cannot read (one-line messages).
     */
    public Result analyze(Path file, CancellationToken token, Consumer<String> step) throws IOException {
        Key key = key(file);
        Result hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        MotionEstimate motion;
        OverlayEstimate overlays;
        try (VideoClip clip = VideoClip.open(file, indexes, ProgressListener.NONE, token)) {
            step.accept("motion");
            motion = new CameraMotionEstimator().estimate(clip, 0, clip.index().frameCount(), token);
            token.throwIfCancelled();
            step.accept("overlays");
            overlays = new OverlayDetector().detect(clip, token);
        }
        Result r = new Result(evidence(motion, overlays), motion.sentence(), overlays.sentence());
        cache.put(key, r);
        return r;
    }

    /** The label evidence of the two analyzers' estimates (what {@link #analyze} returns, for tests and callers). */
    public static List<LabelEvidence> evidence(MotionEstimate motion, OverlayEstimate overlays) {
        List<LabelEvidence> out = new ArrayList<>();
        for (MotionSuggestion s : motion.suggestions()) {
            out.add(new LabelEvidence(s.labelId(), true, s.confidence(), "motion analysis: " + s.motion().phrase(),
                    motion.sentence()));
        }
        if (overlays != null) {
            out.add(new LabelEvidence(OverlayEstimate.LABEL_ID, overlays.overlaysSuggested(), overlays.confidence(),
                    "overlay analysis: " + (overlays.overlaysSuggested() ? "fixed text found" : "no fixed text"),
                    overlays.sentence()));
        }
        return out;
    }

    private static Key key(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        return new Key(abs, Files.size(abs), Files.getLastModifiedTime(abs).toMillis());
    }
}
