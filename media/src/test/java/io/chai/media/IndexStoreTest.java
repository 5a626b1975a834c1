// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStoreTest {

    @Test
    void storedIndexIsReusedWithoutRescanAndIdentical(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Files.copy(TestClips.h264BFrames(), clip);
        IndexStore store = new IndexStore(dir.resolve("cache"));
        List<Double> progress = new ArrayList<>();
        FrameIndex first = store.loadOrScan(clip, (f, n) -> progress.add(f), CancellationToken.NONE);
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
        Path file = store.fileFor(first.fingerprint());
        assertThat(file).exists();
        assertThat(Files.size(file)).isLessThan(first.frameCount() * 24L + 400);

        FrameIndex second = store.load(clip);
        assertThat(second).isNotNull();
        assertThat(second.frameCount()).isEqualTo(first.frameCount());
        for (int i = 0; i < first.frameCount(); i++) {
            assertThat(second.pts(i)).isEqualTo(first.pts(i));
            assertThat(second.hash(i)).isEqualTo(first.hash(i));
            assertThat(second.isKeyframe(i)).isEqualTo(first.isKeyframe(i));
        }
        assertThat(second.seekPoints()).isEqualTo(first.seekPoints());
        assertThat(second.frameRate()).isEqualTo(first.frameRate());
        assertThat(second.timeBase()).isEqualTo(first.timeBase());
        assertThat(second.duration()).isEqualTo(first.duration());

        // a second open does not scan: a cancelled token would abort a scan, but a load never looks at it
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThat(store.loadOrScan(clip, ProgressListener.NONE, cancelled).frameCount()).isEqualTo(150);
    }

    @Test
    void changedClipIsRescanned(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Files.copy(TestClips.h264BFrames(), clip);
        IndexStore store = new IndexStore(dir.resolve("cache"));
        FrameIndex a = store.loadOrScan(clip, ProgressListener.NONE, CancellationToken.NONE);
        Files.copy(TestClips.h264At2997(), clip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(store.load(clip)).isNull();
        FrameIndex b = store.loadOrScan(clip, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(b.frameCount()).isEqualTo(120).isNotEqualTo(a.frameCount());
        // touching the file (same bytes, new mtime) also invalidates
        Files.setLastModifiedTime(clip, FileTime.fromMillis(Files.getLastModifiedTime(clip).toMillis() + 5000));
        assertThat(store.load(clip)).isNull();
    }

    @Test
    void damagedIndexFileIsIgnoredAndRewritten(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Files.copy(TestClips.h264BFrames(), clip);
        IndexStore store = new IndexStore(dir.resolve("cache"));
        FrameIndex a = store.loadOrScan(clip, ProgressListener.NONE, CancellationToken.NONE);
        Path file = store.fileFor(a.fingerprint());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(store.load(clip)).isNull();
        Files.write(file, new byte[] {'C', 'H', 'A', 'I', 'F', 'I', 'D', 'X', 0, 0, 0, 99});
        assertThat(store.load(clip)).as("unknown format version").isNull();
        FrameIndex again = store.loadOrScan(clip, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(again.frameCount()).isEqualTo(150);
        assertThat(store.load(clip)).isNotNull();
    }

    @Test
    void scanReportsProgressAndCanBeCancelled(@TempDir Path dir) throws Exception {
        Path clip = TestClips.prores();
        AtomicInteger calls = new AtomicInteger();
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> FrameIndexer.scan(clip, (fraction, frames) -> {
            calls.incrementAndGet();
            token.cancel();
        }, token)).isInstanceOf(CancellationException.class);
        // the first report comes with the first packet; the scan stops at the next one
        assertThat(calls.get()).isEqualTo(1);

        CancellationToken before = new CancellationToken();
        before.cancel();
        assertThatThrownBy(() -> FrameIndexer.scan(clip, ProgressListener.NONE, before))
                .isInstanceOf(CancellationException.class);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE))
                    .isInstanceOf(CancellationException.class).hasMessage("interrupted");
        } finally {
            Thread.interrupted();
        }
        // after all that the scan still works
        List<Long> frames = new ArrayList<>();
        FrameIndex index = FrameIndexer.scan(clip, (f, n) -> frames.add(n), CancellationToken.NONE);
        assertThat(frames).isNotEmpty();
        assertThat(frames.get(frames.size() - 1)).isEqualTo(index.frameCount());
    }
}
