// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ConfigPaths;
import io.chai.model.domain.Critique;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chai export / quality / agreement / report end to end on a real project store. */
class AnalysisCommandsTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeEach
    void project() throws Exception {
        JsonMapper json = ChaiJson.newMapper();
        try (ProjectStore store = ProjectStore.create(dir, "demo", "chai-spec", "1.0.0")) {
            MediaInfo media = new MediaInfo(2.5, 24000, 1001, 640, 360, 60, "h264");
            store.addClips(List.of(new NewClip(A, "media/a.mp4", 10, 0, null, media, List.of()),
                    new NewClip(B, "media/b.mp4", 10, 0, null, media, List.of())));
            for (String clip : List.of(A, B)) {
                String pre = "A man in a red coat walks left across a snowy street.";
                store.append(RevisionDraft.of(clip, "subject", RevisionKind.PRE_CAPTION, "anna",
                        json.writeValueAsString(PreCaption.imported(pre, "demo", T))));
                store.append(RevisionDraft.of(clip, "subject", RevisionKind.RATING, "anna",
                        json.writeValueAsString(Rating.of(3))));
                store.append(RevisionDraft.of(clip, "subject", RevisionKind.CRITIQUE, "anna",
                        json.writeValueAsString(Critique.typed("The coat is wrong.", List.of()))));
                store.append(RevisionDraft.of(clip, "subject", RevisionKind.POST_CAPTION, "anna",
                        json.writeValueAsString(PostCaption.handWritten(pre.replace("red", "blue")))));
                store.append(RevisionDraft.of(clip, "subject", RevisionKind.SUBMISSION, "anna", "{\"submitted\":true}"));
                Review review = clip.equals(A)
                        ? new Review(UserId.of("rex"), Review.Decision.APPROVE, Optional.empty(), T.plusSeconds(60),
                                Optional.empty())
                        : new Review(UserId.of("rex"), Review.Decision.REJECT, Optional.of("It is blue."),
                                T.plusSeconds(60), Optional.of(new Redo(Rating.of(2), Critique.typed(
                                        "The coat is blue, not red.", List.of()), PostCaption.handWritten(
                                        pre.replace("red", "blue")))));
                store.append(RevisionDraft.of(clip, "subject", RevisionKind.REVIEW, "rex",
                        json.writeValueAsString(review)));
                for (String who : List.of("anna", "bob")) {
                    String move = who.equals("bob") && clip.equals(B) ? "backward" : "forward";
                    store.append(RevisionDraft.of(clip, "", RevisionKind.PRIMITIVE_LABELS, who,
                            json.writeValueAsString(PrimitiveLabels.of(Map.of("camera_forward_backward",
                                    new LabelValue.Choice(move)), UserId.of(who), T))));
                }
            }
        }
    }

    @Test
    void exportsWithSplitAndRefusesBadInput() throws Exception {
        Path o = dir.resolve("out");
        assertThat(run("export", "sft-llamafactory", "--project", dir.toString(), "--out", o.toString(),
                "--split", "0.5,0.5,0", "--seed", "3")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("sft-llamafactory:");
        assertThat(o.resolve("manifest.json")).exists();
        assertThat(o.resolve("dataset_info.json")).exists();
        long lines = 0;
        for (String s : List.of("train", "val", "test")) {
            lines += Files.readAllLines(o.resolve("sft_llamafactory." + s + ".jsonl")).size();
        }
        assertThat(lines).isEqualTo(2 * (1 + 2 + 2)); // two clips: caption, 2 critique, 2 yes/no samples

        assertThat(run("export", "bogus", "--project", dir.toString(), "--out", o.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown export format 'bogus'");
        assertThat(run("export", "caption", "--project", dir.toString(), "--out", o.toString(), "--split", "1,1"))
                .isEqualTo(1);
        assertThat(run("export", "caption", "--project", dir.toString(), "--out", o.toString(), "--from", "yesterday"))
                .isEqualTo(1);
        assertThat(run("export", "merged", "--project", dir.toString(), "--out", o.resolve("m").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("--from takes a date").contains("model");
    }

    @Test
    void exportAllWritesEveryFormatButMerged() {
        Path o = dir.resolve("all");
        assertThat(run("export", "all", "--project", dir.toString(), "--out", o.toString(), "--only-approved"))
                .as(err.toString()).isZero();
        assertThat(o.resolve("full/full_records.jsonl")).exists();
        assertThat(o.resolve("dpo-trl/dpo_trl.jsonl")).exists();
        assertThat(o.resolve("merged")).doesNotExist();
        assertThat(o.resolve("generation-prompt")).doesNotExist();
        assertThat(o.resolve("dpo-swift/dpo_swift.jsonl")).exists();
    }

    @Test
    void mergedCaptionsComeFromTheConfiguredModel() throws Exception {
        JsonMapper json = ChaiJson.newMapper();
        try (ProjectStore store = ProjectStore.open(dir)) {
            for (String aspect : List.of("scene", "motion", "spatial", "camera")) {
                store.append(RevisionDraft.of(A, aspect, RevisionKind.PRE_CAPTION, "anna",
                        json.writeValueAsString(PreCaption.imported("The " + aspect + " caption.", "demo", T))));
                store.append(RevisionDraft.of(A, aspect, RevisionKind.RATING, "anna",
                        json.writeValueAsString(Rating.PERFECT)));
                store.append(RevisionDraft.of(A, aspect, RevisionKind.SUBMISSION, "anna", "{\"submitted\":true}"));
                store.append(RevisionDraft.of(A, aspect, RevisionKind.REVIEW, "rex", json.writeValueAsString(
                        new Review(UserId.of("rex"), Review.Decision.APPROVE, Optional.empty(), T.plusSeconds(90),
                                Optional.empty()))));
            }
        }
        String before = System.getProperty(ConfigPaths.OVERRIDE_PROPERTY);
        System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, dir.resolve("config").toString());
        try (LoopbackModelServer server = LoopbackModelServer.start()) {
            assertThat(run("models", "add", "loop", "--url", server.baseUrl().toString(), "--model",
                    LoopbackModelServer.DEFAULT_MODEL, "--dialect", "vllm")).as(err.toString()).isZero();
            Path o = dir.resolve("merged");
            assertThat(run("export", "merged", "--project", dir.toString(), "--out", o.toString(), "--model", "loop"))
                    .as(err.toString()).isZero();
            List<String> lines = Files.readAllLines(o.resolve("merged_captions.jsonl"));
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("\"video_id\":\"" + A + "\"")
                    .contains("\"llm_model\":\"" + LoopbackModelServer.DEFAULT_MODEL + "\"").contains("\"checks\":{");
            assertThat(server.chatRequests()).hasSize(1);
            assertThat(server.violations()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(ConfigPaths.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, before);
            }
        }
    }

    @Test
    void generationPromptsComeFromTheConfiguredModel() throws Exception {
        JsonMapper json = ChaiJson.newMapper();
        try (ProjectStore store = ProjectStore.open(dir)) {
            for (String aspect : List.of("scene", "motion", "spatial", "camera")) {
                store.append(RevisionDraft.of(A, aspect, RevisionKind.PRE_CAPTION, "anna",
                        json.writeValueAsString(PreCaption.imported("The " + aspect + " caption.", "demo", T))));
                store.append(RevisionDraft.of(A, aspect, RevisionKind.RATING, "anna",
                        json.writeValueAsString(Rating.PERFECT)));
                store.append(RevisionDraft.of(A, aspect, RevisionKind.SUBMISSION, "anna", "{\"submitted\":true}"));
                store.append(RevisionDraft.of(A, aspect, RevisionKind.REVIEW, "rex", json.writeValueAsString(
                        new Review(UserId.of("rex"), Review.Decision.APPROVE, Optional.empty(), T.plusSeconds(90),
                                Optional.empty()))));
            }
        }
        String before = System.getProperty(ConfigPaths.OVERRIDE_PROPERTY);
        System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, dir.resolve("config").toString());
        try (LoopbackModelServer server = LoopbackModelServer.start()) {
            assertThat(run("models", "add", "loop", "--url", server.baseUrl().toString(), "--model",
                    LoopbackModelServer.DEFAULT_MODEL, "--dialect", "vllm")).as(err.toString()).isZero();
            Path o = dir.resolve("generation");
            assertThat(run("export", "generation-prompt", "--project", dir.toString(), "--out", o.toString(), "--model", "loop"))
                    .as(err.toString()).isZero();
            List<String> lines = Files.readAllLines(o.resolve("generation_prompts.jsonl"));
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("\"video_id\":\"" + A + "\"")
                    .contains("\"llm_model\":\"" + LoopbackModelServer.DEFAULT_MODEL + "\"").contains("\"checks\":{\"passed\":").contains("\"max_words\":400")
                    .contains("\"generation_prompt\":");
            assertThat(server.chatRequests()).hasSize(1);
            assertThat(server.chatRequests().get(0).body().toString()).contains("video-generation model")
                    .contains("at most 400 words").contains("The camera caption.");
            assertThat(server.violations()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(ConfigPaths.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, before);
            }
        }
    }

    @Test
    void theModelJudgeFlagsCritiquesTheRulesPass() throws Exception {
        JsonMapper json = ChaiJson.newMapper();
        try (ProjectStore store = ProjectStore.open(dir)) { // a critique with a fix cue: the rules let it pass
            store.append(RevisionDraft.of(A, "scene", RevisionKind.PRE_CAPTION, "anna",
                    json.writeValueAsString(PreCaption.imported("A snowy street at night.", "demo", T))));
            store.append(RevisionDraft.of(A, "scene", RevisionKind.RATING, "anna", json.writeValueAsString(
                    Rating.of(3))));
            store.append(RevisionDraft.of(A, "scene", RevisionKind.CRITIQUE, "anna", json.writeValueAsString(
                    Critique.typed("The street is wet, not snowy.", List.of()))));
            store.append(RevisionDraft.of(A, "scene", RevisionKind.POST_CAPTION, "anna", json.writeValueAsString(
                    PostCaption.handWritten("A wet street at night."))));
            store.append(RevisionDraft.of(A, "scene", RevisionKind.SUBMISSION, "anna", "{\"submitted\":true}"));
        }
        String before = System.getProperty(ConfigPaths.OVERRIDE_PROPERTY);
        System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, dir.resolve("config").toString());
        try (LoopbackModelServer server = LoopbackModelServer.start()) {
            assertThat(run("models", "add", "loop", "--url", server.baseUrl().toString(), "--model",
                    LoopbackModelServer.DEFAULT_MODEL, "--dialect", "vllm")).as(err.toString()).isZero();
            out.getBuffer().setLength(0);
            assertThat(run("quality", "--project", dir.toString(), "--by", "item")).isZero();
            long ruleOnly = out.toString().lines().filter(l -> l.contains("non_constructive")).count();
            server.setDefaultBehavior(new Behavior.Answer("NOT_CONSTRUCTIVE\nIt names no correction.", "stop"));
            out.getBuffer().setLength(0);
            assertThat(run("quality", "--project", dir.toString(), "--by", "item", "--judge", "loop"))
                    .as(err.toString()).isZero();
            int asked = server.chatRequests().size();
            assertThat(asked).isEqualTo(1);
            assertThat(server.chatRequests().get(0).body().toString()).contains("CONSTRUCTIVE")
                    .contains("The street is wet, not snowy.").contains("A snowy street at night.");
            List<String> judged = out.toString().lines().filter(l -> l.contains("model judge (")).toList();
            assertThat(judged).hasSize(asked).allMatch(l -> l.contains("non_constructive")
                    && l.contains("It names no correction."));
            assertThat(out.toString().lines().filter(l -> l.contains("non_constructive")).count())
                    .isEqualTo(ruleOnly + asked);

            server.setDefaultBehavior(new Behavior.Answer("CONSTRUCTIVE\nEvery point gives the fix.", "stop"));
            out.getBuffer().setLength(0);
            assertThat(run("quality", "--project", dir.toString(), "--by", "item", "--judge", "loop")).isZero();
            assertThat(out.toString()).doesNotContain("model judge");

            server.setDefaultBehavior(new Behavior.Answer("Maybe.", "stop"));
            assertThat(run("quality", "--project", dir.toString(), "--judge", "loop")).isEqualTo(1);
            assertThat(err.toString()).contains("instead of CONSTRUCTIVE or NOT_CONSTRUCTIVE");
            assertThat(server.violations()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(ConfigPaths.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, before);
            }
        }
    }

    @Test
    void qualityAgreementAndReport() throws Exception {
        assertThat(run("quality", "--project", dir.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("anna").contains("non_constructive");
        out.getBuffer().setLength(0);
        assertThat(run("quality", "--project", dir.toString(), "--by", "item")).isZero();
        assertThat(out.toString()).contains("reviewer_rejected").contains("non_constructive")
                .contains("critique_vs_review");
        out.getBuffer().setLength(0);
        assertThat(run("agreement", "--project", dir.toString(), "--confusion")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("camera_forward_backward").contains("forward: forward=1 backward=1");
        Path html = dir.resolve("report");
        assertThat(run("report", "--project", dir.toString(), "--html", html.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(html.resolve("index.html"))).contains("demo").contains("<svg")
                .contains("camera_forward_backward");
    }
}
