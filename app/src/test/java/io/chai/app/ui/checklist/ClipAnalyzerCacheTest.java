// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.checklist.viewmodel.ClipAnalyzer;
import io.chai.inference.analyzers.motion.CameraMotion;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Recipe;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Texture;
import io.chai.media.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clip analysis kept on disk between sessions: the real analyzers on an ffmpeg-generated pan, written to a cache
 * folder and found again by a new {@link ClipAnalyzer} (a later session) without analysing; a changed clip file, a
 * damaged cache file or another format version is not used.
 */
class ClipAnalyzerCacheTest {
    @TempDir
    static Path dir;
    static Path clip;

    @BeforeAll
    static void copyClip() throws Exception {
        // a private copy: this test changes its modification time
        Path generated = SuggestionAdapterTest.CLIPS.clip(new Recipe(CameraMotion.PAN_RIGHT, Texture.MANDELBROT,
                0.16, 2.0));
        clip = Files.copy(generated, dir.resolve("pan.mp4"));
    }

    @Test
    void aResultOnDiskIsFoundByTheNextSessionOnlyWhileTheClipIsUnchanged() throws Exception {
        Path cache = dir.resolve("cache-a");
        ClipAnalyzer first = new ClipAnalyzer(null, cache);
        assertThat(first.persistent()).isTrue();
        assertThat(first.stored(clip)).isEmpty();               // nothing analysed yet
        assertThat(Files.exists(cache)).isFalse();               // looking writes nothing
        ClipAnalyzer.Result r = first.analyze(clip, CancellationToken.NONE, s -> { });
        Path file = first.storedFile(clip).orElseThrow();
        assertThat(file).isRegularFile().hasParent(cache);
        assertThat(Files.readString(file)).contains("\"format\":\"chai-clip-analysis\"").contains("has_pan_right");

        // a new session: nothing in memory, the disk has it (and from then on memory has it too)
        ClipAnalyzer next = new ClipAnalyzer(null, cache);
        assertThat(next.cached(clip)).isEmpty();
        ClipAnalyzer.Result again = next.stored(clip).orElseThrow();
        assertThat(again).isEqualTo(r);
        assertThat(next.cached(clip)).contains(r);

        // the clip file changed since: not used
        Files.setLastModifiedTime(clip, FileTime.fromMillis(Files.getLastModifiedTime(clip).toMillis() + 5000));
        assertThat(new ClipAnalyzer(null, cache).stored(clip)).isEmpty();

        // without a cache folder nothing survives the session
        ClipAnalyzer memoryOnly = new ClipAnalyzer(null);
        assertThat(memoryOnly.persistent()).isFalse();
        memoryOnly.analyze(clip, CancellationToken.NONE, s -> { });
        assertThat(new ClipAnalyzer(null).stored(clip)).isEmpty();
        assertThat(memoryOnly.storedFile(clip)).isEmpty();
    }

    @Test
    void aDamagedOrForeignCacheFileIsIgnoredAndReplacedByTheNextAnalysis() throws Exception {
        Path cache = dir.resolve("cache-b");
        ClipAnalyzer a = new ClipAnalyzer(null, cache);
        ClipAnalyzer.Result r = a.analyze(clip, CancellationToken.NONE, s -> { });
        Path file = a.storedFile(clip).orElseThrow();
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"version\":" + ClipAnalyzer.STORED_VERSION, "\"version\":99"));
        assertThat(new ClipAnalyzer(null, cache).stored(clip)).isEmpty();
        Files.writeString(file, "{not json");
        assertThat(new ClipAnalyzer(null, cache).stored(clip)).isEmpty();
        Files.writeString(file, good.replace("\"confidence\":", "\"confidence\":7"));   // out of [0, 1]
        assertThat(new ClipAnalyzer(null, cache).stored(clip)).isEmpty();

        ClipAnalyzer b = new ClipAnalyzer(null, cache);
        b.analyze(clip, CancellationToken.NONE, s -> { });
        assertThat(new ClipAnalyzer(null, cache).stored(clip)).contains(r);
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(file.getFileName().toString());
        }
    }
}
