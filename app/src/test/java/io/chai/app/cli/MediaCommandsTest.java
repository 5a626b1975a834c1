// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.media.FfmpegCli;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The media commands end to end on a generated clip (MPEG-4 Part 2, which every ffmpeg build can encode). */
@Timeout(120)
class MediaCommandsTest {
    @TempDir
    static Path dir;
    static Path clip;
    static Path cache;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void makeClip() throws Exception {
        clip = dir.resolve("clip.mp4");
        cache = dir.resolve("cache");
        FfmpegCli.locate().run(120, "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-t", "2", "-c:v", "mpeg4",
                "-bf", "2", "-g", "12", "-q:v", "4", clip.toString());
    }

    static Result chai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static String[] with(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--cache", cache.toString())).toArray(String[]::new);
    }

    @Test
    void probeTextAndJson() {
        Result text = chai(with("probe", clip.toString()));
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("codec:", "mpeg4").containsPattern("frameCount:\\s+50\\b")
                .containsPattern("frameRate:\\s+25\\b");
        Result json = chai(with("probe", clip.toString(), "--json"));
        assertThat(json.exit()).isZero();
        JsonNode probe = readJson(json.out());
        assertThat(probe.get("frameCount").asInt()).isEqualTo(50);
        assertThat(probe.get("constantFrameRate").asBoolean()).isTrue();
        assertThat(probe.get("width").asInt()).isEqualTo(160);
        assertThat(probe.get("hasAudio").asBoolean()).isFalse();
        assertThat(probe.get("duration").asDouble()).isEqualTo(2.0);
        assertThat(probe.get("frameRate").asText()).isEqualTo("25");
    }

    @Test
    void indexIsStoredAndReused() {
        Result first = chai(with("index", clip.toString(), "--force"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("50 frames", "25 fps (constant)");
        assertThat(first.err()).contains("indexing clip.mp4");
        Result second = chai(with("index", clip.toString(), "--frames"));
        assertThat(second.exit()).isZero();
        assertThat(second.err()).as("no re-scan").doesNotContain("indexing");
        assertThat(second.out()).contains("0\t0\t0.000000\t00:00:00:00\tK\t").contains("49\t");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(p -> p.toString().endsWith(".fidx")).count()).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void frameByIndexTimeAndTimecode() throws Exception {
        Path a = dir.resolve("a.png");
        Result byIndex = chai(with("frame", clip.toString(), "--index", "30", "-o", a.toString()));
        assertThat(byIndex.exit()).as(byIndex.err()).isZero();
        assertThat(byIndex.out()).startsWith("frame 30 ");
        BufferedImage img = ImageIO.read(a.toFile());
        assertThat(img.getWidth()).isEqualTo(160);
        assertThat(img.getHeight()).isEqualTo(120);
        Path b = dir.resolve("b.png");
        assertThat(chai(with("frame", clip.toString(), "--time", "1.2", "-o", b.toString())).out())
                .startsWith("frame 30 ");
        Path c = dir.resolve("c.jpg");
        assertThat(chai(with("frame", clip.toString(), "--timecode", "00:00:01:05", "-o", c.toString())).out())
                .startsWith("frame 30 ");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(ImageIO.read(c.toFile()).getWidth()).isEqualTo(160);
    }

    @Test
    void sampleAndStrip() throws Exception {
        Path out = dir.resolve("samples");
        Result count = chai(with("sample", clip.toString(), "--count", "4", "-o", out.toString()));
        assertThat(count.exit()).as(count.err()).isZero();
        assertThat(out.resolve("frame_000000.jpg")).exists();
        assertThat(out.resolve("frame_000049.jpg")).exists();
        assertThat(count.out().lines().count()).isEqualTo(4);
        Path fps = dir.resolve("fps");
        Result perSecond = chai(with("sample", clip.toString(), "--fps", "2", "--max-pixels", "4800", "--format",
                "png", "-o", fps.toString()));
        assertThat(perSecond.exit()).as(perSecond.err()).isZero();
        assertThat(perSecond.out().lines().count()).isEqualTo(4);
        BufferedImage small = ImageIO.read(fps.resolve("frame_000025.png").toFile());
        assertThat(small.getWidth()).isEqualTo(80);
        assertThat(small.getHeight()).isEqualTo(60);
        Path strip = dir.resolve("strip.png");
        Result s = chai(with("strip", clip.toString(), "--count", "5", "--height", "60", "-o", strip.toString()));
        assertThat(s.exit()).as(s.err()).isZero();
        BufferedImage st = ImageIO.read(strip.toFile());
        assertThat(st.getHeight()).isEqualTo(60);
        assertThat(st.getWidth()).isEqualTo(5 * 80 + 4 * 2);
    }

    @Test
    void errorsAreOneLineWithExitOne() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Path audio = dir.resolve("audio.m4a");
        FfmpegCli.locate().run(60, "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", audio.toString());
        String[][] cases = {
            with("probe", dir.resolve("missing.mp4").toString()),
            with("probe", empty.toString()),
            with("index", audio.toString()),
            with("frame", clip.toString(), "--index", "50", "-o", dir.resolve("x.png").toString()),
            with("frame", clip.toString(), "--time", "7", "-o", dir.resolve("x.png").toString()),
            with("frame", clip.toString(), "--timecode", "00:00:01;05", "-o", dir.resolve("x.png").toString()),
            with("frame", clip.toString(), "--index", "1", "-o", dir.resolve("x.gif").toString()),
            with("sample", clip.toString(), "--count", "0", "-o", dir.resolve("s0").toString()),
            with("frame", clip.toString(), "-o", dir.resolve("x.png").toString()),
        };
        String[] expected = {"file not found", "empty", "no video stream (audio only)", "out of range",
            "outside the clip", "drop-frame", "unknown image type", "at least 1", "Missing required"};
        for (int k = 0; k < cases.length; k++) {
            Result r = chai(cases[k]);
            assertThat(r.exit()).as(String.join(" ", cases[k])).isEqualTo(1);
            assertThat(r.err().lines().filter(l -> !l.startsWith("indexing")).count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("chai: ").contains(expected[k]);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
