// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chai workstation} as a separate process from the plain {@code io.chai.app.Main} class path (the way
 * {@code ./chai} runs it): it must start JavaFX without an {@code Application} main class.
 */
class WorkstationCommandTest {
    private record Result(int exit, String stderr) {
    }

    private static Result chai(Path dir, List<String> jvmArgs, boolean keepDisplay, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.chai.app.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        if (!keepDisplay) {
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
        }
        pb.environment().put("CHAI_CONFIG_DIR", dir.resolve("config").toString());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chai workstation did not finish within 240 s");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayItFailsWithOneActionableLine(@TempDir Path dir) throws Exception {
        Result r = chai(dir, List.of(), false, "workstation", "--demo");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr().strip()).startsWith("chai: no display").contains("xvfb-run").doesNotContain("\n");
    }

    @Test
    void aBadProjectPathIsOneLine(@TempDir Path dir) throws Exception {
        Result missing = chai(dir, List.of(), false, "workstation", dir.resolve("gone/project.chai").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr().strip()).startsWith("chai: ").endsWith("does not exist").doesNotContain("\n");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a project");
        Result other = chai(dir, List.of(), false, "workstation", notes.toString());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.stderr().strip()).contains("is not a CHAI project").doesNotContain("\n");
    }

    @Test
    void theDemoOpensHeadlessAndWritesAScreenshotOfEachScreen(@TempDir Path dir) throws Exception {
        Path shots = dir.resolve("shots");
        Result r = chai(dir, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true"), true,
                "workstation", "--demo", "--config-dir", dir.resolve("cfg").toString(), "--screenshots", shots.toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        for (String name : List.of("workstation-light.png", "workstation-dark.png", "cheat-sheet.png",
                "tasks-and-notifications.png", "captions.png", "review.png", "rejection.png", "library.png",
                "start.png")) {
            File f = shots.resolve(name).toFile();
            assertThat(f).as(name).exists();
            BufferedImage img = ImageIO.read(f);
            assertThat(img.getWidth()).as(name).isGreaterThan(500);
            // a real rendering has many colours, not one flat fill
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 7) {
                for (int x = 0; x < img.getWidth(); x += 7) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertThat(colours.size()).as(name).isGreaterThan(20);
        }
        BufferedImage light = ImageIO.read(shots.resolve("workstation-light.png").toFile());
        BufferedImage dark = ImageIO.read(shots.resolve("workstation-dark.png").toFile());
        assertThat(luminance(dark)).isLessThan(luminance(light) - 40);
        // the screenshot session ran on its own demo project: answers autosaved as labels, the caption flow stored
        Path demo = dir.resolve("cfg/screenshot-session/demo-project");
        assertThat(demo.resolve("media")).isDirectoryContaining("glob:**/01-test-pattern.mp4");
        try (ProjectStore store = ProjectStore.open(demo)) {
            assertThat(store.clipCount()).isEqualTo(3);
            String clip = store.clips(null, null, null, null, 0, 1).get(0).clipId();
            assertThat(store.current(clip, "", RevisionKind.PRIMITIVE_LABELS).orElseThrow().payload())
                    .contains("very_unsteady");
            assertThat(store.state(clip, "subject")).isEqualTo(WorkflowState.REJECTED);
            assertThat(store.current(clip, "subject", RevisionKind.PRE_CAPTION).orElseThrow().payload())
                    .contains("canned");
        }
    }

    private static double luminance(BufferedImage img) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 5) {
            for (int x = img.getWidth() / 2; x < img.getWidth(); x += 5) {   // the checklist half
                int c = img.getRGB(x, y);
                sum += 0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255);
                n++;
            }
        }
        return sum / n;
    }
}
