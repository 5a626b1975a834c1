// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.media.FfmpegCli;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chai precaption} through the real command line: real clips, project, settings and loopback server. */
class PrecaptionCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result chai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Two one-second clips with distinct content, made with the ffmpeg command line. */
    private Path clips() throws Exception {
        Path media = Files.createDirectories(dir.resolve("shoot"));
        String[] sources = {"testsrc2", "smptebars"};
        for (int i = 0; i < sources.length; i++) {
            FfmpegCli.locate().run(120, "-y", "-f", "lavfi", "-i", sources[i] + "=size=160x120:rate=10", "-t", "1",
                    "-c:v", "mpeg4", "-q:v", "5", "-pix_fmt", "yuv420p", media.resolve("shot" + i + ".mp4").toString());
        }
        return media;
    }

    private Path project() throws Exception {
        Path project = dir.resolve("p");
        assertThat(chai("init", project.toString(), "--name", "batch").exit()).isZero();
        Result imp = chai("import", clips().toString(), "--project", project.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        return project;
    }

    private void addServer(String name, String url) {
        Result r = chai("models", "--config-dir", dir.resolve("config").toString(), "add", name, "--url", url,
                "--model", LoopbackModelServer.DEFAULT_MODEL, "--dialect", "openai");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void precaptionsTheProjectWithProgressAndASummaryThenHasNothingLeftToDo() throws Exception {
        Path project = project();
        try (LoopbackModelServer server = LoopbackModelServer.start()) {
            addServer("loop", server.baseUrl().toString());
            server.enqueue(new Behavior.Status(500, "warming up"));
            Result r = chai("precaption", "--project", project.toString(), "--config-dir",
                    dir.resolve("config").toString(), "--server", "loop", "--aspect", "subject,scene", "--aspect",
                    "motion", "--concurrency", "2", "--best-of", "1", "--author", "night-run");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.err()).contains("/min", "ETA", "6/6");
            List<String> lines = r.out().lines().toList();
            assertThat(lines).filteredOn(l -> l.startsWith("skipped ")).hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains(" motion: Motion depends on subject"));
            assertThat(lines.get(lines.size() - 1))
                    .startsWith("pre-captioned 4 aspects (6 newly queued), 2 skipped, 0 failed in ");
            try (ProjectStore store = ProjectStore.open(project)) {
                List<Revision> pre = store.revisionsAfter(0, 100).stream()
                        .filter(x -> x.kind() == RevisionKind.PRE_CAPTION).toList();
                assertThat(pre).hasSize(4).allSatisfy(x -> assertThat(x.author()).isEqualTo("night-run"));
            }

            Result again = chai("precaption", "--project", project.toString(), "--config-dir",
                    dir.resolve("config").toString(), "--aspect", "subject,scene");
            assertThat(again.exit()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("pre-captioned 0 aspects (0 newly queued)");
        }
    }

    @Test
    void anUnreachableServerStopsBeforeStartingAndBadOptionsAreOneLine() throws Exception {
        Path project = project();
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        addServer("down", "http://127.0.0.1:" + freePort);
        String config = dir.resolve("config").toString();
        Result r = chai("precaption", "--project", project.toString(), "--config-dir", config, "--server", "down",
                "--all");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("chai: model server 'down' is not usable, nothing was started: ")
                .doesNotContain("\n");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.revisionCount()).isZero();
        }
        assertThat(chai("precaption", "--project", project.toString(), "--config-dir", config, "--all",
                "--filter", "colour=red").err()).contains("unknown --filter key 'colour'");
        assertThat(chai("precaption", "--project", project.toString(), "--config-dir", config, "--aspect",
                "plot").err()).contains("unknown aspect 'plot'");
        assertThat(chai("precaption", "--project", project.toString(), "--config-dir", config, "--all",
                "--best-of", "40").err()).contains("--best-of must be between 1 and 16");
        assertThat(chai("precaption", "--project", project.toString(), "--config-dir", config).err())
                .contains("nothing queued to resume");
    }
}
