// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.BuildInfo;
import io.chai.app.cli.ChaiCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RuntimeVersionsTest {

    @Test
    void ffmpegVersionIsTheOneOfTheBundledJavacvBuild() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = org.bytedeco.ffmpeg.global.avutil.class
                .getResourceAsStream("/META-INF/maven/org.bytedeco/ffmpeg/pom.properties")) {
            pom.load(in);
        }
        String upstream = pom.getProperty("version").split("-")[0]; // 8.1.2-1.5.14 -> 8.1.2
        assertThat(RuntimeVersions.probeFfmpeg()).isEqualTo(upstream);
    }

    @Test
    void javafxVersionComesFromItsJarsWithoutStartingTheToolkit() {
        String jar = javafx.application.Platform.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        // javafx-graphics-21.0.11-linux.jar -> 21.0.11
        String expected = Path.of(jar).getFileName().toString().replaceAll("^javafx-graphics-([0-9.]+).*$", "$1");
        assertThat(RuntimeVersions.probeJavafx()).startsWith(expected + "+");
    }

    @Test
    void libvlcIsTheInstalledPackageOrNotFound() throws Exception {
        Process q = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "libvlc5").start();
        String dpkg = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String found = RuntimeVersions.probeLibvlc("vlc");
        if (q.waitFor() == 0 && !dpkg.isEmpty()) {
            // 3.0.21-0+deb12u1 -> the library reports "3.0.21 Vetinari"
            assertThat(found).startsWith(dpkg.replaceAll("^(?:\\d+:)?([0-9.]+).*$", "$1") + " ");
        } else {
            assertThat(found).isEqualTo(RuntimeVersions.NOT_FOUND);
        }
        assertThat(RuntimeVersions.probeLibvlc("chai-no-such-library")).isEqualTo(RuntimeVersions.NOT_FOUND);
    }

    @Test
    void reportLinesNameEveryPartAndExplainAMissingLibvlc() {
        Properties p = new Properties();
        p.setProperty("version", "1.0.0");
        p.setProperty("buildTime", "2026-01-02T03:04:05Z");
        p.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        VersionReport r = new VersionReport(BuildInfo.of(p),
                new RuntimeVersions("17.0.15 (VM)", "21.0.11+4", "8.1.2", RuntimeVersions.NOT_FOUND),
                UserDirs.resolve(UserDirs.Os.LINUX, Map.of(), "/home/ana"));
        assertThat(r.lines()).containsExactly(
                "chai 1.0.0",
                "built 2026-01-02T03:04:05Z from commit 0123456789ab",
                "Java 17.0.15 (VM)",
                "JavaFX 21.0.11+4",
                "FFmpeg 8.1.2",
                "libVLC not found (optional: playback uses the built-in decoder)",
                "settings /home/ana/.config/chai",
                "logs /home/ana/.local/state/chai/logs");
        // the workstation's --config-dir moves the settings folder the report names; the logs stay
        assertThat(r.withSettings(java.nio.file.Path.of("/work/cfg")).lines()).contains("settings /work/cfg",
                "logs /home/ana/.local/state/chai/logs").doesNotContain("settings /home/ana/.config/chai");
        assertThat(r.withSettings(null)).isSameAs(r);
    }

    @Test
    void chaiVersionPrintsBuildAndRuntimeVersions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("--version");
        assertThat(rc).isZero();
        BuildInfo build = BuildInfo.load();
        assertThat(out.toString().lines()).startsWith("chai " + build.version(),
                "built " + build.buildTime() + " from commit " + build.shortCommit());
        assertThat(out.toString()).contains("FFmpeg " + RuntimeVersions.probeFfmpeg()).contains("JavaFX 21.");
    }
}
