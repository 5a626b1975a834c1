// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.common.UserFacingException;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player on a real H.264 clip through the media module's exact decoder: after random steps the frame
 * shown is the frame a separate, cold decoder returns for that index.
 */
class MediaFrameSourceTest {
    @TempDir
    static Path dir;
    static MediaFrameSource source;
    static MediaFrameSource reference;

    @BeforeAll
    static void open() throws Exception {
        Path clip = TestClips.h264(dir);
        IndexStore store = new IndexStore(dir.resolve("index"));
        source = MediaFrameSource.open(clip, store, ProgressListener.NONE, CancellationToken.NONE);
        reference = MediaFrameSource.open(clip, store, ProgressListener.NONE, CancellationToken.NONE);
    }

    @AfterAll
    static void close() {
        source.close();
        reference.close();
    }

    @Test
    void theClipHasItsFramesRateAndTimecodes() {
        assertThat(source.frameCount()).isEqualTo(100);
        assertThat(source.timing().fps()).isEqualTo(25.0);
        assertThat(source.timecode(99)).isEqualTo("00:00:03:24");
        assertThat(source.seconds(50)).isEqualTo(2.0);
        assertThat(source.parsePosition("00:00:01:05")).hasValue(30);
        assertThat(source.parsePosition("2.5s")).hasValue(62);
        assertThat(source.parsePosition("17")).hasValue(17);
        assertThat(source.parsePosition("00:00:09:00")).isEmpty();   // past the end
        FramePicture f = source.frame(0);
        assertThat(f.width()).isEqualTo(320);
        assertThat(f.height()).isEqualTo(180);
    }

    @Test
    void randomSteppingShowsExactlyTheDecodersFrame() {
        PlayerViewModel[] holder = new PlayerViewModel[1];
        PlayerViewModel vm = new PlayerViewModel(source, i -> holder[0].frameDecoded(source.frame(i)));
        holder[0] = vm;
        vm.start();
        Random r = new Random(11);
        int expected = 0;
        for (int n = 0; n < 60; n++) {
            int step = switch (r.nextInt(4)) {
                case 0 -> 1;
                case 1 -> -1;
                case 2 -> 10;
                default -> -10;
            };
            vm.step(step);
            expected = Math.max(0, Math.min(99, expected + step));
            assertThat(vm.shownProperty().get().index()).isEqualTo(expected);
            if (n % 4 == 0) {
                assertThat(vm.shownProperty().get().pixelHash()).isEqualTo(reference.frame(expected).pixelHash());
                assertThat(vm.timecodeText().get()).isEqualTo(reference.timecode(expected));
            }
        }
        // neighbouring frames of the moving test source differ, so a one-frame slip would be caught
        assertThat(source.frame(40).pixelHash()).isNotEqualTo(source.frame(41).pixelHash());
    }

    @Test
    void aFileThatIsNotVideoIsAOneLineUserError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        assertThatThrownBy(() -> MediaFrameSource.open(junk, null, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void thumbnailsAreTheExactFrameScaledAndComeFromTheCacheTheSecondTime() throws Exception {
        FramePicture expected = reference.frame(37).scaledToWidth(64);
        FramePicture first = source.thumbnail(37, 64);
        assertThat(first.index()).isEqualTo(37);
        assertThat(first.argb()).isEqualTo(expected.argb());
        Path cacheDir = dir.resolve("thumbnails/filmstrip");
        Path png;
        try (var files = Files.list(cacheDir)) {
            png = files.filter(f -> f.getFileName().toString().endsWith("-37-64.png")).findFirst().orElseThrow();
        }
        // the cached file is what the next call returns: overwrite it with another frame's picture and see it
        FramePicture other = reference.frame(80).scaledToWidth(64);
        PictureFiles.write(png, other);
        FramePicture again = source.thumbnail(37, 64);
        assertThat(again.index()).isEqualTo(37);
        assertThat(again.argb()).isEqualTo(other.argb());
        // a damaged file is decoded again and replaced
        Files.writeString(png, "not a png");
        again = source.thumbnail(37, 64);
        assertThat(again.argb()).isEqualTo(expected.argb());
        assertThat(PictureFiles.read(png, 37)).hasValueSatisfying(p -> assertThat(p.argb()).isEqualTo(expected.argb()));
    }

    @Test
    void aPrefetchedFrameIsReturnedWithoutDecodingAgain() throws Exception {
        synchronized (source) {
            source.frame(3);
        }
        source.prefetch(91).get(30, java.util.concurrent.TimeUnit.SECONDS);
        FramePicture p;
        int decodes;
        synchronized (source) {
            decodes = source.decodes();
            p = source.frame(91);
            assertThat(source.decodes()).isEqualTo(decodes);
            source.frame(92);
            assertThat(source.decodes()).isEqualTo(decodes + 1);
        }
        assertThat(p.index()).isEqualTo(91);
        assertThat(p.argb()).isEqualTo(reference.frame(91).argb());
    }
}
