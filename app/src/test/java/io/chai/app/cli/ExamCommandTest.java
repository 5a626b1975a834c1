// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.UserId;
import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamFile;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chai exam demo | create | report} in-process on real files: the demo exam, a trainee, bad input. */
class ExamCommandTest {
    @TempDir
    static Path dir;
    static Path exam;

    record Result(int exit, String out, String err) {
    }

    static Result chai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void demo() {
        exam = dir.resolve("exam");
        Result r = chai("exam", "demo", exam.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("demo exam in " + exam + ": 3 clips, 3 with reference labels, 3 reference "
                + "captions (canned answers by 'expert')");
    }

    @Test
    void theDemoExamHoldsCopiesOfTheClipsAndHidesTheReferencesFromTheStore() throws Exception {
        ExamDefinition def = ExamFile.read(exam);
        assertThat(def.name()).isEqualTo("CHAI demo exam");
        assertThat(def.expert().value()).isEqualTo("expert");
        try (var media = Files.list(exam.resolve("media"))) {
            assertThat(media.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "001-01-test-pattern.mp4", "002-02-mandelbrot-zoom.mp4", "003-03-cellular-automaton.mp4");
        }
        try (ProjectStore store = ProjectStore.open(exam)) {
            assertThat(store.clipCount()).isEqualTo(3);
            for (var item : def.items()) {
                // the store holds the pre-caption the expert critiqued, none of the expert's answers
                assertThat(store.history(item.clipId(), null)).filteredOn(r -> r.author().equals("expert"))
                        .extracting(r -> r.kind()).containsOnly(RevisionKind.PRE_CAPTION);
                assertThat(store.clip(item.clipId())).isPresent();
            }
        }
        // the scratch source project beside it is gone
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).contains("exam")
                    .noneMatch(n -> n.startsWith(".chai-demo-exam-source-"));
        }
        Result again = chai("exam", "demo", exam.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("using the exam already in " + exam);
    }

    @Test
    void reportScoresATraineeAsTableAndJson() throws Exception {
        Result empty = chai("exam", "report", dir.resolve("nothing-here").toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err().strip()).contains("no CHAI project in").doesNotContain("\n");

        Path copy = dir.resolve("copy-of-exam");
        ExamDefinition def = ExamFile.read(exam);
        // a trainee in the exam: clip 1 answered as the expert did except the movement (7 scored: 6 right)
        try (ProjectStore store = ProjectStore.open(exam)) {
            store.append(RevisionDraft.ofRecord(ClipId.of(def.items().get(0).clipId()), null,
                    RevisionKind.PRIMITIVE_LABELS, "tom", PrimitiveLabels.of(Map.of(
                            "shot_type", new LabelValue.Choice("scenery"),
                            "shot_size", LabelValue.StartEnd.unchanged("wide"),
                            "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                            "overlay_types", LabelValue.MultiChoice.of(List.of("title")),
                            "steadiness", new LabelValue.Choice("static"),
                            "camera_movement", new LabelValue.Choice("minor")), UserId.of("tom"), Instant.now())));
        }
        Result table = chai("exam", "report", exam.toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("exam 'CHAI demo exam' · expert expert · 3 clips · 1 trainee");
        assertThat(table.out().lines().filter(l -> l.startsWith("tom ")).findFirst().orElseThrow())
                .matches("tom\\s+0 / 3\\s+86% \\(6/7\\)\\s+100%\\s+50%\\s+–\\s+–\\s+–\\s+–\\s+–\\s+0 s");
        Result json = chai("exam", "report", "--json", exam.toString());
        assertThat(json.exit()).isZero();
        JsonNode root = new JsonMapper().readTree(json.out());
        JsonNode tom = root.path("trainees").get(0);
        assertThat(tom.path("trainee").asText()).isEqualTo("tom");
        assertThat(tom.path("primitives").path("right").asInt()).isEqualTo(6);
        assertThat(tom.path("primitives").path("scored").asInt()).isEqualTo(7);
        assertThat(tom.path("primitives").path("accuracy_by_form").path("cam_motion").asDouble()).isEqualTo(0.5);
        assertThat(tom.path("primitives").path("accuracy_by_group").path("camera_movement").asDouble()).isZero();
        assertThat(tom.path("captions").path("mean_score").isNull()).isTrue();
        assertThat(tom.path("items").get(0).path("done").asBoolean()).isFalse(); // its subject is not submitted

        // reporting a copy of another exam together is refused
        Result other = chai("exam", "demo", copy.toString());
        assertThat(other.exit()).isZero();
        Result mixed = chai("exam", "report", exam.toString(), copy.toString());
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.err()).contains("holds another exam");
    }

    /** Trainee work is practice: export refuses an exam project unless asked explicitly. */
    @Test
    void exportRefusesAnExamProjectUnlessIncluded() {
        Result refused = chai("export", "caption", "--project", exam.toString(), "--out",
                dir.resolve("export-refused").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).contains("is an exam project (exam.json)").contains("--include-exam")
                .doesNotContain("\n");
        assertThat(dir.resolve("export-refused")).doesNotExist();
        Result included = chai("export", "caption", "--project", exam.toString(), "--out",
                dir.resolve("export-included").toString(), "--include-exam");
        assertThat(included.exit()).as(included.err()).isZero();
        assertThat(dir.resolve("export-included")).isDirectory();
    }

    @Test
    void createRefusesBadInputWithOneLine() throws Exception {
        Result noProject = chai("exam", "create", "--from", dir.resolve("missing").toString(), "--expert", "expert",
                "--out", dir.resolve("x1").toString());
        assertThat(noProject.exit()).isEqualTo(1);
        assertThat(noProject.err().strip()).startsWith("chai: no CHAI project in").doesNotContain("\n");
        // the exam itself holds no expert answers in its store: nothing to examine, and no folder left behind
        Result nothing = chai("exam", "create", "--from", exam.toString(), "--expert", "expert", "--out",
                dir.resolve("x2").toString());
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).contains("has labels or approved captions by expert (3 looked at); nothing to examine");
        assertThat(dir.resolve("x2")).doesNotExist();
        Path full = Files.createDirectories(dir.resolve("x3"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        Result notEmpty = chai("exam", "create", "--from", exam.toString(), "--expert", "expert", "--out",
                full.toString());
        assertThat(notEmpty.exit()).isEqualTo(1);
        assertThat(notEmpty.err()).contains("already exists and is not empty");
        assertThat(full.resolve("keep.txt")).hasContent("mine");
        Result badUser = chai("exam", "create", "--from", exam.toString(), "--expert", " expert", "--out",
                dir.resolve("x4").toString());
        assertThat(badUser.exit()).isEqualTo(1);
        assertThat(badUser.err()).contains("--expert:");
        Result open = chai("exam", "demo", dir.resolve("x5").toString(), "--screenshots", dir.toString());
        assertThat(open.exit()).isEqualTo(1);
        assertThat(open.err()).contains("--screenshots needs --open");
        assertThat(dir.resolve("x5")).doesNotExist();
    }
}
