// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chai.app.ui.diff.WordDiff;
import io.chai.app.ui.exam.viewmodel.AspectComparison;
import io.chai.app.ui.exam.viewmodel.ExamAccess;
import io.chai.app.ui.exam.viewmodel.ExamViewModel;
import io.chai.app.ui.exam.viewmodel.TraineeSummaryViewModel;
import io.chai.app.ui.exam.viewmodel.VerdictRow;
import io.chai.app.ui.project.StoreAnswers;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Role;
import io.chai.model.domain.UserId;
import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamFile;
import io.chai.model.exam.PrimitiveVerdict;
import io.chai.model.exam.TraineeSummary;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exam view models without a display, on the demo exam made by {@code chai exam demo} (real clips, a real
 * SQLite store, the canned expert answers of {@link ExamDemo}).
 */
class ExamViewModelTest {
    @TempDir
    static Path dir;
    static Path exam;

    final Specification spec = Specifications.bundled();
    final List<Runnable> uiQueue = new ArrayList<>();

    @BeforeAll
    static void makeExam() {
        exam = ExamFixture.demoExam(dir.resolve("exam"));
    }

    private void runUi() {
        List<Runnable> now = List.copyOf(uiQueue);
        uiQueue.clear();
        now.forEach(Runnable::run);
    }

    private String label(String field, String value) {
        return spec.groupByField(field).orElseThrow().value(value).orElseThrow().label();
    }

    private String definition(String field, String value) {
        return spec.groupByField(field).orElseThrow().value(value).orElseThrow().definition();
    }

    @Test
    void eachAnswerGetsAVerdictWithTheReferenceAndItsDefinitionAndUnansweredOnesStayHidden() {
        ExamDefinition def = ExamFile.read(exam);
        try (ProjectStore store = ProjectStore.open(exam)) {
            ObservableMap<String, Object> answers = FXCollections.observableHashMap();
            String clip = def.items().get(0).clipId();
            ExamViewModel vm = new ExamViewModel(spec, def, store, answers, clip, "tina", uiQueue::add);
            List<VerdictRow> told = new ArrayList<>();
            vm.setOnVerdict(told::add);
            assertThat(vm.verdicts()).isEmpty();
            assertThat(vm.latestProperty().get()).isNull();
            // canned clip 1: shot type, shot size start/end, overlays yes/no and types, steadiness, movement
            assertThat(vm.tallyProperty().get()).isEqualTo("0 right of 0 answered · 7 questions have a reference");

            answers.put("shot_type", "human");
            assertThat(told).isEmpty(); // checked after the change, on the UI queue
            runUi();
            VerdictRow wrong = vm.latestProperty().get();
            assertThat(wrong.verdict()).isEqualTo(PrimitiveVerdict.Verdict.WRONG);
            assertThat(wrong.yours()).isEqualTo(label("shot_type", "human"));
            assertThat(wrong.reference()).isEqualTo(label("shot_type", "scenery"));
            assertThat(wrong.definition()).isEqualTo(label("shot_type", "scenery") + ": "
                    + definition("shot_type", "scenery"));
            assertThat(wrong.yourDefinition()).contains(definition("shot_type", "human"));
            assertThat(wrong.sentence()).isEqualTo("✗ Wrong — Shot type: you said " + label("shot_type", "human")
                    + "; the reference is " + label("shot_type", "scenery") + ".");
            assertThat(told).containsExactly(wrong);
            // only the answered question shows its reference
            assertThat(vm.verdicts()).extracting(VerdictRow::field).containsExactly("shot_type");

            assertThat(wrong.changed()).isFalse();
            assertThat(wrong.scoredText()).isEqualTo("✗ " + label("shot_type", "human"));

            // changed after the verdict: right now, but the first answer is the one scored
            answers.put("shot_type", "scenery");
            runUi();
            VerdictRow changed = vm.latestProperty().get();
            assertThat(changed.verdict()).isEqualTo(PrimitiveVerdict.Verdict.RIGHT);
            assertThat(changed.changed()).isTrue();
            assertThat(changed.scoredVerdict()).isEqualTo(PrimitiveVerdict.Verdict.WRONG);
            assertThat(changed.sentence()).endsWith("you said " + label("shot_type", "scenery") + ". Your first "
                    + "answer, " + label("shot_type", "human") + " (wrong), is the one scored.");
            answers.put("shot_size_start", "wide");
            runUi();
            assertThat(vm.latestProperty().get().field()).isEqualTo("shot_size_start");
            assertThat(vm.latestProperty().get().right()).isTrue();
            // an end left 'Unchanged' is stored like one not answered yet: no verdict, nothing revealed
            answers.put("shot_size_end", "unknown");
            runUi();
            assertThat(vm.latestProperty().get().field()).isEqualTo("shot_size_start");
            assertThat(vm.verdicts()).extracting(VerdictRow::field).doesNotContain("shot_size_end");
            answers.put("steadiness", "very_unsteady");
            runUi();
            assertThat(vm.latestProperty().get().right()).isFalse();
            // scored: shot_type (first answer wrong), shot_size_start right, steadiness wrong
            assertThat(vm.tallyProperty().get()).isEqualTo("1 right of 3 answered · 7 questions have a reference");
            assertThat(told).hasSize(4);

            // answers replaced at once (another clip's answers loaded): the table follows, no verdict is announced
            answers.clear();
            answers.putAll(Map.of("shot_type", "human", "camera_movement", "no"));
            runUi();
            assertThat(told).hasSize(4);
            assertThat(vm.verdicts()).extracting(VerdictRow::field).containsExactly("shot_type", "camera_movement");
            assertThat(vm.tallyProperty().get()).isEqualTo("1 right of 2 answered · 7 questions have a reference");
            vm.close();
        }
    }

    @Test
    void captionsAreComparedOnlyAfterSubmitAndTheLeadSeesTheSummary() {
        ExamDefinition def = ExamFile.read(exam);
        try (ProjectStore store = ProjectStore.open(exam)) {
            String clip = def.items().get(1).clipId(); // the Mandelbrot zoom
            ClipId c = ClipId.of(clip);
            ExamViewModel vm = new ExamViewModel(spec, def, store, FXCollections.observableHashMap(), clip, "tina",
                    uiQueue::add);
            assertThat(vm.comparisons()).singleElement().satisfies(a -> {
                assertThat(a.aspect()).isEqualTo(Aspect.SUBJECT);
                assertThat(a.submitted()).isFalse();
                assertThat(a.reference()).isEmpty();
                assertThat(a.summaryLine()).isEqualTo("Submit Subject in the Captions tab to compare it with the "
                        + "expert's.");
            });
            String pre = "A static image of a blue fractal.";
            int at = pre.indexOf("static");
            store.append(RevisionDraft.ofRecord(c, Aspect.SUBJECT, RevisionKind.RATING, "tina", Rating.of(3)));
            store.append(RevisionDraft.ofRecord(c, Aspect.SUBJECT, RevisionKind.CRITIQUE, "tina",
                    Critique.typed("The image is not static; the view zooms into the fractal.", List.of(
                            CritiqueItem.of(pre, at, at + 6, CritiqueItem.ErrorType.IMPRECISION, "it zooms")))));
            store.append(RevisionDraft.ofRecord(c, Aspect.SUBJECT, RevisionKind.POST_CAPTION, "tina",
                    PostCaption.handWritten("A fractal that the view zooms into.")));
            vm.refresh();
            assertThat(vm.comparisons().get(0).submitted()).isFalse(); // revised, not submitted: still hidden
            store.append(RevisionDraft.of(clip, "subject", RevisionKind.SUBMISSION, "tina", "{\"submitted\": true}"));
            vm.refresh();
            AspectComparison cmp = vm.comparisons().get(0);
            var s = cmp.score().orElseThrow();
            // caption: 7 words, all in the expert's 10 in order -> 14/17
            assertThat(s.captionF1()).isCloseTo(14.0 / 17, within(1e-12));
            // critique: 11 words vs 14; common in order "is not static the view zooms into the fractal" = 9 -> 18/25
            assertThat(s.critiqueF1()).isCloseTo(0.72, within(1e-12));
            // her span "static" covers the expert's "static", not "blue"
            assertThat(cmp.expertItems()).extracting(AspectComparison.ItemCoverage::covered).containsExactly(true, false);
            assertThat(s.score()).isCloseTo((14.0 / 17 + 0.72 + 0.5) / 3, within(1e-12));
            assertThat(cmp.summaryLine()).isEqualTo("Score 0.68 · caption F1 0.82 · critique F1 0.72 · coverage 50% "
                    + "(1 of 2) · rating 3 vs expert 2");
            assertThat(cmp.captionDiff()).contains(new WordDiff.Segment(WordDiff.Op.INSERT, "colourful "));
            assertThat(cmp.critiqueDiff()).anyMatch(g -> g.op() == WordDiff.Op.INSERT && g.text().contains("steadily"));
            assertThat(cmp.reference().orElseThrow().postCaption().text())
                    .isEqualTo("A colourful fractal pattern that the view zooms steadily into.");
            // another trainee sees nothing of tina's work, and no reference
            vm.setTrainee("tom");
            assertThat(vm.comparisons().get(0).submitted()).isFalse();

            // tina's labels of the clip: all right but camera movement (6 scored fields: 4 composition, 2 movement)
            store.append(RevisionDraft.ofRecord(c, null, RevisionKind.PRIMITIVE_LABELS, "tina", PrimitiveLabels.of(
                    Map.of("shot_type", new LabelValue.Choice("scenery"),
                            "shot_size", new LabelValue.StartEnd("wide", "extreme_close_up", false),
                            "has_overlays", new LabelValue.TriState(LabelValue.Answer.NO),
                            "steadiness", new LabelValue.Choice("very_smooth"),
                            "camera_movement", new LabelValue.Choice("no")), UserId.of("tina"), Instant.now())));
            TraineeSummaryViewModel lead = new TraineeSummaryViewModel(spec, def, store);
            TraineeSummary tina = lead.rows().stream().filter(r -> r.trainee().equals("tina")).findFirst()
                    .orElseThrow();
            assertThat(tina.itemsDone()).isEqualTo(1);
            assertThat(tina.primitiveRight()).isEqualTo(5);
            assertThat(tina.primitiveScored()).isEqualTo(6);
            List<String> cells = TraineeSummaryViewModel.cells(tina);
            assertThat(cells.subList(0, 10)).containsExactly("tina", "1 / 3", "83% (5/6)", "100%", "50%", "0.82",
                    "0.72", "50%", "1.00", "0.68 (1)");
            assertThat(TraineeSummaryViewModel.headers()).hasSize(cells.size());
            assertThat(lead.groupAccuracy(tina)).isEqualTo("Shot type 100% · Shot size 100% · Overlays 100% · "
                    + "Camera steadiness 100% · Camera movement 0%");
            assertThat(TraineeSummaryViewModel.formAccuracy(tina)).isEqualTo("Composition 100% · Movement 50%");
            assertThat(lead.statusProperty().get()).contains("expert expert").contains("3 clips");
        }
    }

    /**
     * The first answer shown with its verdict is committed at once (the window saves on each newly shown verdict)
     * and stays the scored one: a later change gets its own verdict but changes neither the lead's summary nor what
     * a new session says counts.
     */
    @Test
    void theFirstAnswerShownIsSavedAtOnceAndStaysTheScoredOne() {
        ExamDefinition def = ExamFile.read(exam);
        try (ProjectStore store = ProjectStore.open(exam)) {
            String clip = def.items().get(0).clipId(); // reference: shot type scenery
            ObservableMap<String, Object> answers = FXCollections.observableHashMap();
            StoreAnswers saved = new StoreAnswers(store, spec, clip, "tess", java.time.Clock.systemUTC());
            ExamViewModel vm = new ExamViewModel(spec, def, store, answers, clip, "tess", uiQueue::add);
            List<Map<String, Object>> commits = new ArrayList<>();
            vm.setOnReveal(() -> { // what MainWindow does: save the checklist now
                saved.save(Map.copyOf(answers));
                commits.add(Map.copyOf(answers));
            });
            answers.put("shot_type", "human");
            runUi();
            assertThat(commits).containsExactly(Map.of("shot_type", "human"));
            // changed before any autosave: no new verdict to commit, and the first one is already stored
            answers.put("shot_type", "scenery");
            runUi();
            assertThat(commits).hasSize(1);
            assertThat(vm.latestProperty().get().right()).isTrue();
            assertThat(vm.tallyProperty().get()).startsWith("0 right of 1 answered");
            saved.save(Map.copyOf(answers)); // the autosave, later
            assertThat(saved.load()).containsEntry("shot_type", "scenery");

            // the lead's summary (and chai exam report, the same ExamScorer) count the first answer
            TraineeSummary tess = new TraineeSummaryViewModel(spec, def, store).rows().stream()
                    .filter(r -> r.trainee().equals("tess")).findFirst().orElseThrow();
            assertThat(tess.primitiveScored()).isEqualTo(7);
            assertThat(tess.primitiveRight()).isZero();
            vm.close();

            // a new session on the saved (newest) answers: the row says the first answer counts
            ObservableMap<String, Object> reopened = FXCollections.observableHashMap();
            reopened.putAll(saved.load());
            ExamViewModel next = new ExamViewModel(spec, def, store, reopened, clip, "tess", uiQueue::add);
            next.setOnReveal(() -> commits.add(Map.of()));
            assertThat(next.verdicts()).singleElement().satisfies(r -> {
                assertThat(r.yours()).isEqualTo(label("shot_type", "scenery"));
                assertThat(r.right()).isTrue();
                assertThat(r.changed()).isTrue();
                assertThat(r.scoredText()).isEqualTo("✗ " + label("shot_type", "human"));
            });
            assertThat(next.tallyProperty().get()).startsWith("0 right of 1 answered");
            assertThat(commits).hasSize(1); // answers already saved show no new verdict
            next.close();
        }
    }

    @Test
    void answersThatAreNotTheTraineesOwnNeverShowTheReference() {
        ExamDefinition def = ExamFile.read(exam);
        try (ProjectStore store = ProjectStore.open(exam)) {
            String clip = def.items().get(2).clipId(); // the cellular automaton
            // the checklist holds answers loaded from someone else's revision (another trainee's in a shared copy)
            ObservableMap<String, Object> answers = FXCollections.observableHashMap();
            answers.putAll(Map.of("shot_type", "human", "steadiness", "static"));
            ExamViewModel vm = new ExamViewModel(spec, def, store, answers, clip, "tina", uiQueue::add);
            List<VerdictRow> told = new ArrayList<>();
            vm.setOnVerdict(told::add);
            assertThat(vm.verdicts()).isEmpty();
            assertThat(vm.tallyProperty().get()).startsWith("0 right of 0 answered");

            // tina answers one question herself: only that one shows its reference
            answers.put("camera_movement", "minor");
            runUi();
            assertThat(vm.verdicts()).extracting(VerdictRow::field).containsExactly("camera_movement");
            assertThat(told).extracting(VerdictRow::field).containsExactly("camera_movement");

            // a user switch: tina's live answer is not tom's
            vm.setTrainee("tom");
            assertThat(vm.verdicts()).isEmpty();
            assertThat(vm.latestProperty().get()).isNull();
            answers.put("has_overlays", Boolean.TRUE);
            runUi();
            assertThat(vm.verdicts()).extracting(VerdictRow::field).containsExactly("has_overlays");

            // another clip's answers load, then the clip is shown: nothing of the loaded answers is tom's
            answers.clear();
            answers.putAll(Map.of("shot_type", "scenery", "camera_movement", "no"));
            vm.showClip(clip);
            runUi();
            assertThat(vm.verdicts()).isEmpty();
            assertThat(told).hasSize(2);

            // what tom saved himself is his: the same answers loaded show their verdicts again
            store.append(RevisionDraft.ofRecord(ClipId.of(clip), null, RevisionKind.PRIMITIVE_LABELS, "tom",
                    PrimitiveLabels.of(Map.of("shot_type", new LabelValue.Choice("scenery"),
                            "camera_movement", new LabelValue.Choice("minor")), UserId.of("tom"), Instant.now())));
            vm.refresh();
            // shot type as saved; camera movement differs from his saved answer (loaded from someone else)
            assertThat(vm.verdicts()).extracting(VerdictRow::field).containsExactly("shot_type");
            vm.setTrainee("tina");
            assertThat(vm.verdicts()).isEmpty();
            vm.close();
        }
    }

    @Test
    void theExpertAndRecordedAdminsLeadAnExamEveryoneElseTakesIt() {
        ExamDefinition def = ExamFile.read(exam);
        assertThat(ExamAccess.lead(def, Map.of(), "expert")).isTrue();
        // no recorded roles (everyone holds every role elsewhere): only the expert leads
        assertThat(ExamAccess.lead(def, Map.of(), "lead")).isFalse();
        assertThat(ExamAccess.lead(def, Map.of(), "tina")).isFalse();
        Map<String, Set<Role>> team = Map.of("lead", Set.of(Role.ADMIN, Role.REVIEWER), "tina", Set.of(Role.ANNOTATOR),
                "rita", Set.of(Role.REVIEWER));
        assertThat(ExamAccess.lead(def, team, "lead")).isTrue();
        assertThat(ExamAccess.lead(def, team, "tina")).isFalse();
        assertThat(ExamAccess.lead(def, team, "rita")).isFalse();
        assertThat(ExamAccess.lead(def, team, "expert")).isTrue();
        assertThat(ExamAccess.lead(def, team, null)).isFalse();
    }

    @Test
    void aClipOutsideTheExamSaysSo() {
        ExamDefinition def = ExamFile.read(exam);
        try (ProjectStore store = ProjectStore.open(exam)) {
            ExamViewModel vm = new ExamViewModel(spec, def, store, FXCollections.observableHashMap(), "f".repeat(64),
                    "tina", uiQueue::add);
            assertThat(vm.statusProperty().get()).isEqualTo("This clip is not part of the exam \"CHAI demo exam\".");
            assertThat(vm.comparisons()).isEmpty();
            PrimitiveGroup g = spec.groupByField("shot_type").orElseThrow();
            assertThat(g).isNotNull();
        }
    }
}
