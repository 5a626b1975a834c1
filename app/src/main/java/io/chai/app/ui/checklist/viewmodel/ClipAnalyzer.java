// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * size and modification time), so asking again for the same clip costs nothing: in memory, and with a cache folder
 * (a project's {@code cache/analysis/}) also on disk, one small JSON file per clip file, so that a later session
 * finds them ({@link #stored}). Thread-safe; call {@link #analyze} and {@link #stored} off the UI thread.
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

    /**
     * The version of the analyzers' results on disk: a stored result of another version is ignored (raise it when
     * the analyzers or the evidence they give change).
     */
    public static final int STORED_VERSION = 1;

    /** One clip file's result on disk. */
    record Stored(@JsonProperty("format") String format, @JsonProperty("version") int version,
            @JsonProperty("path") String path, @JsonProperty("size") long size,
            @JsonProperty("modified_ms") long modified, @JsonProperty("evidence") List<LabelEvidence> evidence,
            @JsonProperty("motion_sentence") String motionSentence,
            @JsonProperty("overlay_sentence") String overlaySentence) {
    }

    private static final String FORMAT = "chai-clip-analysis";

    /** Made on first use (not when the window is built: Jackson's start costs start-up time). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final IndexStore indexes;
    private final Path cacheDir;
    private final Map<Key, Result> cache = new ConcurrentHashMap<>();

    /** @param indexes where frame indexes are kept (null: index in memory each time) */
    public ClipAnalyzer(IndexStore indexes) {
        this(indexes, null);
    }

    /**
     * @param indexes  where frame indexes are kept (null: index in memory each time)
     * @param cacheDir where results are kept between sessions (created on the first write; null: in memory only)
     */
    public ClipAnalyzer(IndexStore indexes, Path cacheDir) {
        this.indexes = indexes;
        this.cacheDir = cacheDir;
    }

    /** Whether results are also kept on disk. */
    public boolean persistent() {
        return cacheDir != null;
    }

    /**
     * The result for {@code file} from memory, else from the cache folder (an earlier session), if it was analysed
     * in its current state (same path, size and modification time) by analyzers of {@link #STORED_VERSION}. Reads
     * one small file: cheap, but I/O, so call it off the UI thread. Never analyses. An unreadable or foreign file in
     * the cache is ignored (the next analysis replaces it).
     */
    public java.util.Optional<Result> stored(Path file) {
        Key key;
        try {
            key = key(file);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        Result hit = cache.get(key);
        if (hit != null || cacheDir == null) {
            return java.util.Optional.ofNullable(hit);
        }
        Path f = storedFile(key);
        if (!Files.isRegularFile(f)) {
            return java.util.Optional.empty();
        }
        try {
            Stored st = Json.MAPPER.readValue(f.toFile(), Stored.class);
            if (!FORMAT.equals(st.format()) || st.version() != STORED_VERSION || !key.file().toString().equals(st.path())
                    || st.size() != key.size() || st.modified() != key.modified() || st.evidence() == null) {
                return java.util.Optional.empty();
            }
            Result r = new Result(st.evidence(), st.motionSentence() == null ? "" : st.motionSentence(),
                    st.overlaySentence() == null ? "" : st.overlaySentence());
            cache.putIfAbsent(key, r);
            return java.util.Optional.of(r);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
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
        store(key, r);
        return r;
    }

    /** Writes {@code r} to the cache folder (atomically); a failure only costs the next session a new analysis. */
    private void store(Key key, Result r) {
        if (cacheDir == null) {
            return;
        }
        try {
            Files.createDirectories(cacheDir);
            Path f = storedFile(key);
            Path tmp = Files.createTempFile(cacheDir, ".analysis-", ".tmp");
            try {
                Json.MAPPER.writeValue(tmp.toFile(), new Stored(FORMAT, STORED_VERSION, key.file().toString(), key.size(),
                        key.modified(), r.evidence(), r.motionSentence(), r.overlaySentence()));
                Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("chai: could not keep the clip analysis in " + cacheDir + ": " + e.getMessage());
        }
    }

    /** The cache file of a clip file: named by a hash of its absolute path (size and time are inside). */
    Path storedFile(Key key) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.file().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cacheDir.resolve(java.util.HexFormat.of().formatHex(h, 0, 16) + ".json");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cache file of {@code file} in its current state (for tests); empty without a cache folder. */
    public java.util.Optional<Path> storedFile(Path file) throws IOException {
        return cacheDir == null ? java.util.Optional.empty() : java.util.Optional.of(storedFile(key(file)));
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
