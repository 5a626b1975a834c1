// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.media.FfmpegCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The project commands end to end on generated clips and a real project folder. */
@Timeout(180)
class ProjectCommandsTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result chai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void initImportListStatusHistoryRelink() throws Exception {
        Path media = Files.createDirectories(dir.resolve("shoot"));
        FfmpegCli ffmpeg = FfmpegCli.locate();
        ffmpeg.run(120, "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-t", "2", "-c:v", "mpeg4",
                media.resolve("a.mp4").toString());
        Files.createDirectories(media.resolve("day2"));
        ffmpeg.run(120, "-f", "lavfi", "-i", "testsrc=size=128x96:rate=24", "-t", "1", "-c:v", "mpeg4",
                media.resolve("day2/b.mov").toString());
        Files.copy(media.resolve("a.mp4"), media.resolve("day2/a-copy.mp4"));
        Files.writeString(media.resolve("broken.mp4"), "not a video at all");
        Path project = dir.resolve("proj");

        Result init = chai("init", project.toString(), "--name", "Harbour");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("created project 'Harbour'", "specification chai-spec");
        assertThat(chai("init", project.toString(), "--name", "again").err()).contains("already exists");

        Result imp = chai("import", media.toString(), "--project", project.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("skipped " + media.resolve("broken.mp4") + ": not readable media")
                .contains("imported 2 clips, 1 duplicate, 1 skipped");
        assertThat(imp.err()).contains("importing: 4/4 files");

        Path csv = media.resolve("captions.csv");
        Files.writeString(csv, "path,external_id,caption_subject,caption_source\n"
                + "a.mp4,shot-7,\"A colour test pattern, moving.\",Legacy set\n"
                + "nothing.mp4,,,\n");
        Result manifest = chai("import", csv.toString(), "--project", project.toString(), "--author", "lead");
        assertThat(manifest.exit()).as(manifest.err()).isZero();
        assertThat(manifest.out()).contains("skipped captions.csv row 3 (" + media.resolve("nothing.mp4")
                + "): file not found", "1 pre-captions");

        Result list = chai("list", "--project", project.toString(), "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode clips = new ObjectMapper().readTree(list.out());
        assertThat(clips.isArray()).isTrue();
        assertThat(clips).hasSize(2);
        JsonNode a = clips.get(0).get("external_id").isNull() ? clips.get(1) : clips.get(0);
        JsonNode b = a == clips.get(0) ? clips.get(1) : clips.get(0);
        assertThat(a.get("external_id").asText()).isEqualTo("shot-7");
        assertThat(a.get("media").get("frame_count").asInt()).isEqualTo(50);
        assertThat(a.get("media").get("fps").asText()).isEqualTo("25/1");
        assertThat(a.get("states").get("subject").asText()).isEqualTo("precaptioned");
        assertThat(b.get("media").get("fps").asText()).isEqualTo("24/1");
        assertThat(Files.list(project.resolve("cache/frame-index"))).isNotEmpty();

        Result filtered = chai("list", "--project", project.toString(), "--state", "precaptioned", "--aspect",
                "subject");
        assertThat(filtered.out().lines()).singleElement().asString().contains("subject=precaptioned");

        Result status = chai("status", "--project", project.toString(), "--by", "aspect");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("2 clips, 1 revisions").containsPattern("subject\\s+1\\s+1");
        assertThat(chai("status", "--project", project.toString(), "--by", "annotator").out())
                .contains("revisions by author:", "lead");

        Result history = chai("history", "shot-7", "--project", project.toString());
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains("(1 revisions)", "subject", "pre_caption", "lead", "Legacy set");
        Result historyJson = chai("history", a.get("clip_id").asText().substring(0, 10), "--project",
                project.toString(), "--json", "--aspect", "subject");
        assertThat(new ObjectMapper().readTree(historyJson.out()).get(0).get("payload").get("pre_caption").asText())
                .isEqualTo("A colour test pattern, moving.");

        Path moved = dir.resolve("archive/shoot");
        Files.createDirectories(moved.getParent());
        Files.move(media, moved);
        Result relink = chai("relink", moved.toString(), "--project", project.toString());
        assertThat(relink.exit()).as(relink.err()).isZero();
        assertThat(relink.out()).contains("2 of 2 missing clips relinked, 0 still missing");
        assertThat(new ObjectMapper().readTree(chai("list", "--project", project.toString(), "--json").out()).get(0)
                .get("path").asText()).startsWith(moved.toString());
    }

    @Test
    void userErrorsAreOneLineWithExitOne() {
        Result missing = chai("status", "--project", dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("chai: no CHAI project").doesNotContain("\n");
        Path project = dir.resolve("p");
        assertThat(chai("init", project.toString(), "--name", "p").exit()).isZero();
        Result badState = chai("list", "--project", project.toString(), "--state", "finished");
        assertThat(badState.exit()).isEqualTo(1);
        assertThat(badState.err()).contains("unknown state 'finished'");
        assertThat(chai("status", "--project", project.toString(), "--by", "colour").err())
                .contains("unknown grouping 'colour'");
        assertThat(chai("history", "abcdef12", "--project", project.toString()).err()).contains("no clip matches");
        assertThat(chai("import", "--project", project.toString()).err()).contains("give at least one PATH");
        assertThat(chai("import", "--resume", "--project", project.toString()).err())
                .contains("no interrupted import");
    }
}
