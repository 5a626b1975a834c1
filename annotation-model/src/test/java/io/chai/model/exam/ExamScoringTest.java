// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exam scoring domain on real SQLite stores: references taken from a source project (the expert's newest
 * labels, the expert's approved caption), the exam file round trip, and two trainees' revisions scored against the
 * references with every expected number worked out by hand in the comments.
 */
class ExamScoringTest {
    static final String CLIP1 = "1".repeat(64);
    static final String CLIP2 = "2".repeat(64);
    static final Instant T = Instant.parse("2026-11-29T10:00:00Z");
    static final String PRE = "A man in a red coat walks along a pier at night.";

    final Specification spec = Specifications.bundled();

    static PrimitiveLabels labels(String author, Map<String, LabelValue> values) {
        return PrimitiveLabels.of(values, UserId.of(author), T);
    }

    /** Expert labels: 7 scored fields (5 cam_setup, 2 cam_motion), one unknown pair and one text not scored. */
    static PrimitiveLabels expertLabels() {
        return labels("expert", Map.of(
                "shot_type", new LabelValue.Choice("human"),
                "shot_size", new LabelValue.StartEnd("medium", "close_up", false),
                "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                "overlay_types", LabelValue.MultiChoice.of(List.of("subtitle", "title")),
                "steadiness", new LabelValue.Choice("smooth"),
                "camera_movement", new LabelValue.Choice("no"),
                "overall_height", LabelValue.StartEnd.unchanged("unknown"),
                "shot_size_description", new LabelValue.FreeText("a man and his coat")));
    }

    static CritiqueItem item(String in, String quote, CritiqueItem.ErrorType type) {
        int at = in.indexOf(quote);
        return CritiqueItem.of(in, at, at + quote.length(), type, "");
    }

    static void addClips(ProjectStore store) {
        MediaInfo m = new MediaInfo(3, 25, 1, 480, 270, 75, "mpeg4");
        store.addClips(List.of(new NewClip(CLIP1, "media/one.mp4", 10, 0, null, m, List.of()),
                new NewClip(CLIP2, "media/two.mp4", 20, 0, null, m, List.of())));
    }

    /** A source project: the expert labelled clip 1 (then alice, newer) and captioned clip 2's subject, approved. */
    static void sourceProject(ProjectStore src) {
        addClips(src);
        ClipId c2 = ClipId.of(CLIP2);
        src.append(RevisionDraft.ofRecord(ClipId.of(CLIP1), null, RevisionKind.PRIMITIVE_LABELS, "expert",
                labels("expert", Map.of("shot_type", new LabelValue.Choice("scenery")))));
        src.append(RevisionDraft.ofRecord(ClipId.of(CLIP1), null, RevisionKind.PRIMITIVE_LABELS, "expert",
                expertLabels()));
        src.append(RevisionDraft.ofRecord(ClipId.of(CLIP1), null, RevisionKind.PRIMITIVE_LABELS, "alice",
                labels("alice", Map.of("shot_type", new LabelValue.Choice("complex")))));
        String critique = "The coat is blue, not red; it is daytime.";
        src.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.PRE_CAPTION, "expert",
                PreCaption.imported(PRE, "test set", T)));
        src.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.RATING, "expert", Rating.of(2)));
        src.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.CRITIQUE, "expert",
                Critique.typed(critique, List.of(item(PRE, "red", CritiqueItem.ErrorType.IMPRECISION),
                        item(PRE, "at night", CritiqueItem.ErrorType.HALLUCINATION)))));
        src.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.POST_CAPTION, "expert",
                PostCaption.handWritten("A man in a blue coat walks along a pier in daylight.")));
        src.append(RevisionDraft.of(CLIP2, "subject", RevisionKind.SUBMISSION, "expert", "{\"submitted\": true}"));
        src.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.REVIEW, "lead",
                new Review(UserId.of("lead"), Review.Decision.APPROVE, Optional.empty(), T, Optional.empty())));
        // the scene of clip 2 is only submitted, not approved: no reference
        src.append(RevisionDraft.ofRecord(c2, Aspect.SCENE, RevisionKind.PRE_CAPTION, "expert",
                PreCaption.imported("A pier.", "test set", T)));
        src.append(RevisionDraft.ofRecord(c2, Aspect.SCENE, RevisionKind.RATING, "expert", Rating.of(5)));
        src.append(RevisionDraft.of(CLIP2, "scene", RevisionKind.SUBMISSION, "expert", "{\"submitted\": true}"));
    }

    ExamDefinition exam(Path sourceDir) {
        try (ProjectStore src = ProjectStore.create(sourceDir, "source", spec.id(), spec.version().toString())) {
            sourceProject(src);
            ExamReferences refs = new ExamReferences(src, spec.sentinel(), UserId.of("expert"));
            List<ExamItem> items = src.clips(null, null, null, null, 0, 10).stream()
                    .map(refs::collect).flatMap(Optional::stream).toList();
            return ExamDefinition.of("exam", UserId.of("expert"), "source", T, items);
        }
    }

    @Test
    void referencesAreTheExpertsNewestLabelsAndApprovedCaptions(@TempDir Path dir) {
        ExamDefinition exam = exam(dir.resolve("src"));
        assertThat(exam.items()).hasSize(2);
        ExamItem one = exam.item(CLIP1).orElseThrow();
        assertThat(one.labels()).contains(expertLabels());
        assertThat(one.captions()).isEmpty();
        assertThat(one.displayName()).isEqualTo("one.mp4");
        ExamItem two = exam.item(CLIP2).orElseThrow();
        assertThat(two.labels()).isEmpty();
        assertThat(two.captions()).containsOnlyKeys(Aspect.SUBJECT);
        ReferenceCaption ref = two.caption(Aspect.SUBJECT).orElseThrow();
        assertThat(ref.rating()).isEqualTo(Rating.of(2));
        assertThat(ref.critique().items()).hasSize(2);
        assertThat(ref.postCaption().text()).isEqualTo("A man in a blue coat walks along a pier in daylight.");
        assertThat(ref.preCaption().text()).isEqualTo(PRE);
    }

    @Test
    void examFileRoundTripsAndRefusesBadFiles(@TempDir Path dir) throws Exception {
        ExamDefinition exam = exam(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("exam"));
        assertThat(ExamFile.find(out)).isEmpty();
        ExamFile.write(out, exam);
        assertThat(ExamFile.isExam(out)).isTrue();
        assertThat(ExamFile.read(out)).isEqualTo(exam);
        Files.writeString(out.resolve(ExamFile.FILE), Files.readString(out.resolve(ExamFile.FILE))
                .replace("\"chai-exam\"", "\"something-else\""));
        assertThatThrownBy(() -> ExamFile.read(out)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("exam.json is unreadable: not a CHAI exam (format is 'something-else'")
                .message().doesNotContain("\n");
        Files.writeString(out.resolve(ExamFile.FILE), "{");
        assertThatThrownBy(() -> ExamFile.read(out)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("exam.json is unreadable");
    }

    @Test
    void scoresTwoTraineesAgainstTheReferences(@TempDir Path dir) {
        ExamDefinition exam = exam(dir.resolve("src"));
        try (ProjectStore store = ProjectStore.create(dir.resolve("exam"), "exam", spec.id(),
                spec.version().toString())) {
            addClips(store);
            assertThat(ExamReferences.seedPreCaptions(store, exam)).isEqualTo(1);
            ClipId c1 = ClipId.of(CLIP1);
            ClipId c2 = ClipId.of(CLIP2);
            // tina: her first answers (these count), then a save with overlay types corrected (does not count)
            store.append(RevisionDraft.ofRecord(c1, null, RevisionKind.PRIMITIVE_LABELS, "tina", labels("tina",
                    Map.of("shot_type", new LabelValue.Choice("human"),                   // right
                            "shot_size", LabelValue.StartEnd.unchanged("medium"),           // start right, end wrong
                            "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES), // right
                            "overlay_types", LabelValue.MultiChoice.of(List.of("subtitle")), // wrong (not the set)
                            "steadiness", new LabelValue.Choice("smooth"),                  // right
                            "camera_pov", new LabelValue.Choice("objective")))));           // no reference
            // camera_movement unanswered
            store.append(RevisionDraft.ofRecord(c1, null, RevisionKind.PRIMITIVE_LABELS, "tina", labels("tina",
                    Map.of("shot_type", new LabelValue.Choice("human"),
                            "shot_size", LabelValue.StartEnd.unchanged("medium"),
                            "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                            "overlay_types", LabelValue.MultiChoice.of(List.of("subtitle", "title")), // too late
                            "steadiness", new LabelValue.Choice("smooth"),
                            "camera_pov", new LabelValue.Choice("objective")))));
            String tinaCritique = "The coat is blue.";
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.RATING, "tina", Rating.of(3)));
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.CRITIQUE, "tina",
                    Critique.typed(tinaCritique, List.of(item(PRE, "red coat", CritiqueItem.ErrorType.IMPRECISION)))));
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.POST_CAPTION, "tina",
                    PostCaption.handWritten("A man in a blue coat walks on a pier at night.")));
            store.append(RevisionDraft.of(CLIP2, "subject", RevisionKind.SUBMISSION, "tina", "{\"submitted\": true}"));
            // tom: one wrong label; rates the subject 5 (critique = sentinel, caption = pre-caption) and submits
            store.append(RevisionDraft.ofRecord(c1, null, RevisionKind.PRIMITIVE_LABELS, "tom", labels("tom",
                    Map.of("shot_type", new LabelValue.Choice("non_human")))));
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.RATING, "tom", Rating.of(5)));
            store.append(RevisionDraft.of(CLIP2, "subject", RevisionKind.SUBMISSION, "tom", "{\"submitted\": true}"));
            // a reviewer's decision is not a trainee's work
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.REVIEW, "lead",
                    new Review(UserId.of("lead"), Review.Decision.APPROVE, Optional.empty(), T, Optional.empty())));

            List<TraineeSummary> all = new ExamScorer(spec, exam).score(List.of(store));
            assertThat(all).extracting(TraineeSummary::trainee).containsExactly("tina", "tom");
            TraineeSummary tina = all.get(0);
            // 7 scored fields, right: shot_type, shot_size_start, has_overlays, steadiness = 4
            assertThat(tina.primitiveScored()).isEqualTo(7);
            assertThat(tina.primitiveRight()).isEqualTo(4);
            assertThat(tina.primitiveAccuracy()).isCloseTo(4.0 / 7, within(1e-12));
            // cam_setup: 3 of 5 (shot_type, shot_size_start, has_overlays); cam_motion: 1 of 2 (steadiness)
            assertThat(tina.accuracyByForm()).containsEntry("cam_setup", 0.6).containsEntry("cam_motion", 0.5);
            assertThat(tina.accuracyByGroup()).containsEntry("shot_size", 0.5).containsEntry("overlay_types", 0.0)
                    .containsEntry("camera_movement", 0.0).doesNotContainKey("camera_pov")
                    .doesNotContainKey("overall_height").doesNotContainKey("shot_size_description");
            ItemResult one = tina.items().get(0);
            assertThat(one.primitives()).filteredOn(v -> v.field().equals("shot_size_end")).singleElement()
                    .satisfies(v -> {
                        assertThat(v.verdict()).isEqualTo(PrimitiveVerdict.Verdict.WRONG);
                        assertThat(v.trainee()).isEqualTo("medium");
                        assertThat(v.reference()).isEqualTo("close_up");
                    });
            assertThat(one.primitives()).filteredOn(v -> v.field().equals("camera_movement")).singleElement()
                    .extracting(PrimitiveVerdict::verdict).isEqualTo(PrimitiveVerdict.Verdict.UNANSWERED);
            // caption: reference 12 words, tina 12 words, LCS "a man in a blue coat walks a pier" = 9 -> 18/24
            CaptionScore cs = tina.items().get(1).captions().get(Aspect.SUBJECT);
            assertThat(cs.captionF1()).isEqualTo(0.75);
            // critique: "the coat is blue" (4) against 9 words, all 4 in order -> 8/13
            assertThat(cs.critiqueF1()).isCloseTo(8.0 / 13, within(1e-12));
            // her span "red coat" overlaps the expert's "red", not "at night"
            assertThat(cs.coveredItems()).containsExactly(true, false);
            assertThat(cs.coverage()).isEqualTo(0.5);
            // (39/52 + 32/52 + 26/52) / 3 = 97/156
            assertThat(cs.score()).isCloseTo(97.0 / 156, within(1e-12));
            assertThat(cs.ratingDifference()).isEqualTo(1);
            assertThat(tina.itemsDone()).isEqualTo(2);
            assertThat(tina.itemsStarted()).isEqualTo(2);
            assertThat(tina.itemsTotal()).isEqualTo(2);
            assertThat(tina.captionsSubmitted()).isEqualTo(1);
            assertThat(tina.meanScore()).isCloseTo(97.0 / 156, within(1e-12));
            assertThat(tina.meanAbsRatingDiff()).isEqualTo(1.0);
            // time: first to last of her revisions on each clip, summed
            assertThat(tina.timeSpent()).isEqualTo(span(store, CLIP1, "tina").plus(span(store, CLIP2, "tina")));

            TraineeSummary tom = all.get(1);
            assertThat(tom.primitiveRight()).isZero();
            assertThat(tom.primitiveScored()).isEqualTo(7);
            assertThat(tom.accuracyByForm()).containsEntry("cam_setup", 0.0).containsEntry("cam_motion", 0.0);
            CaptionScore ts = tom.items().get(1).captions().get(Aspect.SUBJECT);
            // his caption is the pre-caption: LCS with the reference "a man in a coat walks along a pier" = 9 -> 0.75
            assertThat(ts.captionF1()).isEqualTo(0.75);
            // the sentinel (15 words) against the expert's 9: LCS "the is it" = 3 -> 6/24
            assertThat(ts.critiqueF1()).isEqualTo(0.25);
            assertThat(ts.coverage()).isEqualTo(0.0);
            assertThat(ts.score()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(ts.ratingDifference()).isEqualTo(3);
            assertThat(tom.itemsDone()).isEqualTo(2);
        }
    }

    @Test
    void aRegeneratedPreCaptionLeavesCoverageOutAndUnfinishedItemsAreNotDone(@TempDir Path dir) {
        ExamDefinition exam = exam(dir.resolve("src"));
        try (ProjectStore store = ProjectStore.create(dir.resolve("exam"), "exam", spec.id(),
                spec.version().toString())) {
            addClips(store);
            ExamReferences.seedPreCaptions(store, exam);
            ClipId c2 = ClipId.of(CLIP2);
            String mine = "A man walks.";
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.PRE_CAPTION, "una",
                    PreCaption.imported(mine, "regenerated", T)));
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.RATING, "una", Rating.of(4)));
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.CRITIQUE, "una",
                    Critique.typed("The coat is blue, not red; it is daytime.", List.of(
                            item(mine, "man", CritiqueItem.ErrorType.OMISSION)))));
            store.append(RevisionDraft.ofRecord(c2, Aspect.SUBJECT, RevisionKind.POST_CAPTION, "una",
                    PostCaption.handWritten("A man in a blue coat walks along a pier in daylight.")));
            // not submitted yet: nothing scored
            TraineeSummary before = new ExamScorer(spec, exam).score(List.of(store)).get(0);
            assertThat(before.captionsSubmitted()).isZero();
            assertThat(before.meanScore()).isNull();
            assertThat(before.itemsDone()).isZero();
            store.append(RevisionDraft.of(CLIP2, "subject", RevisionKind.SUBMISSION, "una", "{\"submitted\": true}"));
            TraineeSummary una = new ExamScorer(spec, exam).score(List.of(store)).get(0);
            CaptionScore s = una.items().get(0).captions().get(Aspect.SUBJECT);
            assertThat(s.samePreCaption()).isFalse();
            assertThat(s.coverage()).isNaN();
            assertThat(s.captionF1()).isEqualTo(1.0);
            assertThat(s.critiqueF1()).isEqualTo(1.0);
            assertThat(s.score()).isEqualTo(1.0);
            assertThat(una.meanCoverage()).isNull();
            // clip 1 has reference labels she never saved: started 1 (clip 2), done 1
            assertThat(una.itemsStarted()).isEqualTo(1);
            assertThat(una.itemsDone()).isEqualTo(1);
            assertThat(una.primitiveAccuracy()).isNull();
        }
    }

    /**
     * Each question's first committed answer is scored (its verdict showed the reference): later changes do not
     * count; "unsure", an empty multi-select and an end left unchanged are no answer yet; an end never given
     * explicitly is scored as unchanged (= the scored start).
     */
    @Test
    void theFirstCommittedAnswerOfEachQuestionIsScored(@TempDir Path dir) {
        ExamDefinition exam = exam(dir.resolve("src"));
        try (ProjectStore store = ProjectStore.create(dir.resolve("exam"), "exam", spec.id(),
                spec.version().toString())) {
            addClips(store);
            ClipId c1 = ClipId.of(CLIP1);
            // reference: human, medium -> close_up, overlays yes {subtitle, title}, smooth, camera movement no
            List<PrimitiveLabels> tina = List.of(
                    labels("tina", Map.of("shot_type", new LabelValue.Choice("non_human"),   // wrong, counts
                            "shot_size", LabelValue.StartEnd.unchanged("medium"),            // start right; end open
                            "has_overlays", new LabelValue.TriState(LabelValue.Answer.UNSURE), // no answer yet
                            "overlay_types", LabelValue.MultiChoice.of(List.of()))),          // no answer yet
                    labels("tina", Map.of("shot_type", new LabelValue.Choice("human"),       // too late
                            "shot_size", new LabelValue.StartEnd("wide", "close_up", false), // end right, counts
                            "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),  // right, counts
                            "overlay_types", LabelValue.MultiChoice.of(List.of("title", "subtitle")), // counts
                            "steadiness", new LabelValue.Choice("very_unsteady"))),          // wrong, counts
                    labels("tina", Map.of("steadiness", new LabelValue.Choice("smooth"),     // too late
                            "camera_movement", new LabelValue.Choice("no"))));               // right, counts
            // tom: start only, never an explicit end: end = his first start
            List<PrimitiveLabels> tom = List.of(
                    labels("tom", Map.of("shot_size", LabelValue.StartEnd.unchanged("close_up"))),
                    labels("tom", Map.of("shot_size", LabelValue.StartEnd.unchanged("medium"))));
            for (PrimitiveLabels l : tina) {
                store.append(RevisionDraft.ofRecord(c1, null, RevisionKind.PRIMITIVE_LABELS, "tina", l));
            }
            for (PrimitiveLabels l : tom) {
                store.append(RevisionDraft.ofRecord(c1, null, RevisionKind.PRIMITIVE_LABELS, "tom", l));
            }

            assertThat(PrimitiveScoring.firstGiven(spec, tina)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "shot_type", "non_human", "shot_size_start", "medium", "shot_size_end", "close_up",
                    "has_overlays", true, "overlay_types", new java.util.TreeSet<>(List.of("subtitle", "title")),
                    "steadiness", "very_unsteady", "camera_movement", "no"));
            assertThat(PrimitiveScoring.firstGiven(spec, tom)).containsExactlyEntriesOf(
                    Map.of("shot_size_start", "close_up"));
            assertThat(PrimitiveScoring.firstAnswers(spec, tom)).containsEntry("shot_size_end", "close_up");

            List<TraineeSummary> all = new ExamScorer(spec, exam).score(List.of(store));
            TraineeSummary t = ExamScorer.of(all, "tina").orElseThrow();
            // 7 scored; right: shot_size start and end, has_overlays, overlay_types, camera_movement = 5
            assertThat(t.primitiveScored()).isEqualTo(7);
            assertThat(t.primitiveRight()).isEqualTo(5);
            Map<String, PrimitiveVerdict.Verdict> byField = new java.util.TreeMap<>();
            t.items().get(0).primitives().forEach(v -> byField.put(v.field(), v.verdict()));
            assertThat(byField).containsEntry("shot_type", PrimitiveVerdict.Verdict.WRONG)
                    .containsEntry("steadiness", PrimitiveVerdict.Verdict.WRONG)
                    .containsEntry("shot_size_end", PrimitiveVerdict.Verdict.RIGHT);
            // the newest labels alone would score 7 of 7: the difference is the first answers
            assertThat(PrimitiveScoring.score(spec, Optional.of(PrimitiveLabels.of(Map.of(
                    "shot_type", new LabelValue.Choice("human"),
                    "shot_size", new LabelValue.StartEnd("medium", "close_up", false),
                    "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                    "overlay_types", LabelValue.MultiChoice.of(List.of("title", "subtitle")),
                    "steadiness", new LabelValue.Choice("smooth"),
                    "camera_movement", new LabelValue.Choice("no")), UserId.of("x"), T)), expertLabels()))
                    .allMatch(PrimitiveVerdict::right);
            TraineeSummary m = ExamScorer.of(all, "tom").orElseThrow();
            // close_up -> close_up: start wrong (medium), end right (close_up)
            assertThat(m.primitiveRight()).isEqualTo(1);
            assertThat(m.accuracyByGroup()).containsEntry("shot_size", 0.5);
        }
    }

    @Test
    void checklistAnswersAreNormalizedLikeStoredLabels() {
        Map<String, Object> checklist = new java.util.HashMap<>(Map.of("shot_size_start", "medium",
                "shot_size_end", "unknown", "has_overlays", "unknown", "overlay_types",
                new java.util.LinkedHashSet<>(List.of("title", "subtitle")), "shot_size_description", "x"));
        Map<String, Object> n = PrimitiveScoring.normalize(spec, checklist);
        assertThat(n).containsEntry("shot_size_end", "medium").doesNotContainKey("has_overlays")
                .doesNotContainKey("shot_size_description");
        Map<String, Object> ref = expertLabels().toStoredMap();
        assertThat(PrimitiveScoring.verdict(spec, "overlay_types", checklist, ref)).get()
                .extracting(PrimitiveVerdict::verdict).isEqualTo(PrimitiveVerdict.Verdict.RIGHT);
        assertThat(PrimitiveScoring.verdict(spec, "shot_size_end", checklist, ref)).get()
                .extracting(PrimitiveVerdict::verdict).isEqualTo(PrimitiveVerdict.Verdict.WRONG);
        assertThat(PrimitiveScoring.verdict(spec, "overall_height_start", checklist, ref)).isEmpty();
        assertThat(PrimitiveScoring.verdict(spec, "shot_size_description", checklist, ref)).isEmpty();
    }

    @Test
    void wordF1AndCoverageEdgeCases() {
        assertThat(TextScores.wordF1("", "")).isEqualTo(1.0);
        assertThat(TextScores.wordF1("A cat.", "")).isEqualTo(0.0);
        // punctuation and case do not count: "a red car" vs "A red car!"
        assertThat(TextScores.wordF1("a red car", "A red, car!")).isEqualTo(1.0);
        // LCS of [a b c d] and [b x d] is 2 -> 4/7
        assertThat(TextScores.wordF1("a b c d", "b x d")).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(TextScores.coverage(List.of(), List.of())).isNaN();
    }

    private static Duration span(ProjectStore store, String clip, String author) {
        List<Revision> mine = store.history(clip, null).stream().filter(r -> r.author().equals(author)).toList();
        long first = mine.stream().mapToLong(r -> r.hlc().wallMillis()).min().orElseThrow();
        long last = mine.stream().mapToLong(r -> r.hlc().wallMillis()).max().orElseThrow();
        return Duration.ofMillis(last - first);
    }
}
