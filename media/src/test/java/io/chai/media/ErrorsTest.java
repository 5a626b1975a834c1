// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.media.MediaException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line and the right kind, never a crash or a hang. */
@Timeout(60)
class ErrorsTest {

    private static MediaException fail(Path clip) {
        try {
            FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        } catch (MediaException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(clip.toAbsolutePath().toString());
            return e;
        }
        throw new AssertionError("no error for " + clip);
    }

    @Test
    void missingFile(@TempDir Path dir) {
        MediaException e = fail(dir.resolve("nope.mp4"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).endsWith("file not found");
    }

    @Test
    void zeroByteFile() throws Exception {
        MediaException e = fail(TestClips.zeroBytes());
        assertThat(e.kind()).isEqualTo(Kind.EMPTY);
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void truncatedMp4WithoutItsIndex() throws Exception {
        MediaException e = fail(TestClips.truncatedWithoutIndex());
        assertThat(e.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(e.getMessage()).contains("truncated or corrupt");
    }

    @Test
    void garbageFile(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mov");
        byte[] bytes = new byte[200_000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        MediaException e = fail(junk);
        assertThat(e.kind()).isIn(Kind.UNREADABLE, Kind.NO_VIDEO, Kind.DECODE_FAILED);
    }

    @Test
    void audioOnlyFile() throws Exception {
        MediaException e = fail(TestClips.audioOnly());
        assertThat(e.kind()).isEqualTo(Kind.NO_VIDEO);
        assertThat(e.getMessage()).endsWith("has no video stream (audio only)");
    }

    @Test
    void unsupportedCodec() throws Exception {
        // an AVI whose video FourCC (FFV1 in the stream header and the bitmap header) names no known codec
        Path clip = TestClips.make("unsupported.avi", o -> {
            Path src = TestClips.DIR.resolve("tmp-unsupported-src.avi");
            TestClips.ff("-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-t", "1", "-c:v", "ffv1",
                    src.toString());
            byte[] b = Files.readAllBytes(src);
            byte[] tag = "FFV1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int patched = 0;
            for (int at = indexOf(b, tag); at >= 0; at = indexOf(b, tag)) {
                b[at] = 'Q';
                b[at + 1] = 'Z';
                b[at + 2] = 'Q';
                b[at + 3] = 'Z';
                patched++;
            }
            assertThat(patched).isEqualTo(2);
            Files.write(o, b);
            Files.delete(src);
        });
        MediaException e = fail(clip);
        assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_CODEC);
        assertThat(e.getMessage()).contains("not supported");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void indexOutOfRange() throws Exception {
        Path clip = TestClips.h264BFrames();
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            assertThatThrownBy(() -> dec.frame(150)).isInstanceOf(MediaException.class)
                    .hasMessage("frame 150 is out of range: the clip has 150 frames (0-149)");
            assertThatThrownBy(() -> dec.frame(-1)).isInstanceOf(MediaException.class);
            assertThat(dec.frame(149).index()).isEqualTo(149);
        }
    }

    @Test
    void decoderRefusesAStaleIndexAndSurvivesTheFileDisappearing(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Files.copy(TestClips.h264BFrames(), clip);
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        FrameDecoder dec = new FrameDecoder(clip, index);
        try {
            assertThat(dec.frame(100).index()).isEqualTo(100);
            Files.delete(clip);
            // frames already decoded are still served; anything needing the file fails cleanly, every time
            assertThat(dec.frame(100).index()).isEqualTo(100);
            for (int k = 0; k < 2; k++) {
                try {
                    for (int i = 149; i >= 0; i -= 37) {
                        dec.frame(i);
                    }
                } catch (MediaException expected) {
                    assertThat(expected.getMessage()).doesNotContain("\n");
                }
            }
        } finally {
            dec.close();
            dec.close();
        }
        Files.copy(TestClips.h264At2997(), clip);
        assertThatThrownBy(() -> new FrameDecoder(clip, index)).isInstanceOf(MediaException.class)
                .hasMessageContaining("changed since it was indexed");
    }

    @Test
    void directoryIsNotAClip(@TempDir Path dir) {
        MediaException e = fail(dir);
        assertThat(e.getMessage()).endsWith("not a regular file");
    }
}
