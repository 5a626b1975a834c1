// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.inference.analyzers.motion.CameraMotion;
import io.chai.inference.analyzers.motion.SyntheticMotionClips;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Recipe;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Texture;
import io.chai.media.FfmpegCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code chai analyze} end to end on a generated tilt clip. */
@Timeout(180)
class AnalyzeCommandTest {
    @TempDir
    static Path dir;
    static Path clip;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void makeClip() throws Exception {
        clip = new SyntheticMotionClips(FfmpegCli.locate(), dir.resolve("clips"))
                .clip(new Recipe(CameraMotion.TILT_UP, Texture.MANDELBROT, 0.16, 2.0));
    }

    static Result chai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void textAndJsonSuggestTheTiltAndNoOverlays() throws Exception {
        Result text = chai("analyze", clip.toString(), "--cache", dir.resolve("cache").toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("camera motion: Geometric motion analysis suggests: tilt up (confidence")
                .contains("overlays:      On-screen text analysis suggests: no overlays");

        Result json = chai("analyze", clip.toString(), "--json", "--cache", dir.resolve("cache").toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode first = root.get("motion").get("suggestions").get(0);
        assertThat(first.get("motion").asText()).isEqualTo("tilt_up");
        assertThat(first.get("label").asText()).isEqualTo("has_tilt_up");
        assertThat(first.get("confidence").asDouble()).isGreaterThan(0.9);
        assertThat(root.get("overlays").get("label").asText()).isEqualTo("has_overlays");
        assertThat(root.get("overlays").get("suggested").asBoolean()).isFalse();
    }

    @Test
    void aFileThatIsNotAVideoIsAUserErrorOnOneLine() throws Exception {
        Path bad = dir.resolve("bad.mp4");
        Files.writeString(bad, "not a video");
        Result r = chai("analyze", bad.toString(), "--cache", dir.resolve("cache").toString());
        assertThat(r.exit()).isEqualTo(ChaiCommand.EXIT_USER_ERROR);
        assertThat(r.err().strip()).doesNotContain("\n").isNotEmpty();
    }
}
