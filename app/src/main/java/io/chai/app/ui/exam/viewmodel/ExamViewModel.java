// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.app.ui.diff.WordDiff;
import io.chai.model.domain.Aspect;
import io.chai.model.exam.CaptionScore;
import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamItem;
import io.chai.model.exam.PrimitiveScoring;
import io.chai.model.exam.PrimitiveVerdict;
import io.chai.model.exam.ReferenceCaption;
import io.chai.model.exam.TraineeWork;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The trainee's side of an exam for one clip (no scene-graph types: tested without a display).
 *
 * <p>Primitives: every time the trainee answers a question in the checklist, its verdict (right / wrong, with the
 * reference answer and the definition of the reference value) becomes {@link #latestProperty() latest} and joins
 * {@link #verdicts()}; questions not answered yet never show their reference. Only the trainee's own answers
 * count as answered: those they gave in the checklist since the clip (or the user) was shown, and those their own
 * newest saved labels hold. Answers loaded from someone else's revision (another trainee's, in a shared or merged
 * folder, or the previous user's after a user switch) show no verdict and so no reference. The first answer whose
 * verdict was shown is the one scored ({@link PrimitiveScoring#firstAnswers}): a later change gets its own verdict,
 * for learning, and each row says which answer counts; each newly shown verdict asks the window to save at once
 * ({@link #setOnReveal}), so that the store holds that first answer. An end of a start/end pair left
 * <em>Unchanged</em> gets no verdict (stored, it is indistinguishable from an end not answered yet). Captions:
 * each aspect with a reference shows only "submit to compare" until the trainee has submitted it; then their
 * rating, critique and post-caption against the expert's with word diffs and the score ({@link CaptionScore}).
 */
public final class ExamViewModel {
    private final Specification spec;
    private final ExamDefinition exam;
    private final ProjectStore store;
    private final ObservableMap<String, Object> answers;
    private final ObservableList<VerdictRow> verdicts = FXCollections.observableArrayList();
    private final ObservableList<AspectComparison> comparisons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<VerdictRow> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tally = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final MapChangeListener<String, Object> onAnswer = this::changed;
    private final Executor ui;
    private final java.util.Set<String> pending = new java.util.LinkedHashSet<>();
    private boolean pendingRemoval;
    /** Fields the trainee changed in the checklist since the clip or the trainee was last shown. */
    private final java.util.Set<String> given = new java.util.HashSet<>();
    /** The trainee's own newest saved labels of the clip (normalized); empty when they saved none. */
    private Map<String, Object> saved = Map.of();
    private boolean scheduled;
    private Consumer<VerdictRow> onVerdict = v -> { };
    private Runnable onReveal = () -> { };
    /** The trainee's first answers in their saved labels (normalized; ends only when given explicitly). */
    private Map<String, Object> savedFirst = Map.of();
    /** First answers whose verdict was shown since the clip or the trainee was shown (normalized). */
    private final Map<String, Object> shownFirst = new java.util.HashMap<>();
    private boolean newlyShown;
    private String trainee;
    private String clipId;
    private Optional<ExamItem> item = Optional.empty();

    /**
     * @param answers the checklist's live answers (checklist form) of the clip shown
     * @param trainee who answers (the workstation user)
     * @param ui      runs the check of a batch of answer changes after the change (the UI thread's queue): a
     *                batch of exactly one added or changed answer is the trainee answering and gets a verdict;
     *                anything larger (answers loaded for another clip, a clear) only updates the table
     */
    public ExamViewModel(Specification spec, ExamDefinition exam, ProjectStore store,
            ObservableMap<String, Object> answers, String clipId, String trainee, Executor ui) {
        this.ui = Objects.requireNonNull(ui);
        this.spec = Objects.requireNonNull(spec);
        this.exam = Objects.requireNonNull(exam);
        this.store = Objects.requireNonNull(store);
        this.answers = Objects.requireNonNull(answers);
        this.trainee = Objects.requireNonNull(trainee);
        answers.addListener(onAnswer);
        showClip(clipId);
    }

    public ExamDefinition exam() {
        return exam;
    }

    /** Called with each new verdict as the trainee answers (e.g. to show a notification). */
    public void setOnVerdict(Consumer<VerdictRow> action) {
        onVerdict = Objects.requireNonNull(action);
    }

    /**
     * Called after a verdict is shown for a question that had none (a first answer, which is what the scores
     * count): the window saves the answers at once, so a change before the autosave cannot replace it.
     */
    public void setOnReveal(Runnable action) {
        onReveal = Objects.requireNonNull(action);
    }

    /** Shows the exam for another clip (after the window switched clips); the answers map must be that clip's. */
    public void showClip(String id) {
        clipId = Objects.requireNonNull(id);
        item = exam.item(id);
        forgetGiven();
        refresh();
    }

    /** Another trainee works now. */
    public void setTrainee(String user) {
        trainee = Objects.requireNonNull(user);
        forgetGiven();
        refresh();
    }

    /**
     * A new clip or trainee: the answers now in the checklist are not (yet) this trainee's. Answer changes not yet
     * checked (the loading of the new clip's answers) are dropped, not taken as the trainee answering.
     */
    private void forgetGiven() {
        given.clear();
        pending.clear();
        pendingRemoval = false;
        latest.set(null);
        shownFirst.clear();
        newlyShown = false;
    }

    public String trainee() {
        return trainee;
    }

    /** Recomputes the verdicts from the current answers and the comparisons from the store. */
    public void refresh() {
        TraineeWork work = item.isEmpty() ? null : TraineeWork.read(clipId, store.history(clipId, null),
                exam.expert().value(), spec.sentinel()).get(trainee);
        saved = work == null || trainee.equals(exam.expert().value()) ? Map.of()
                : work.labels().map(l -> PrimitiveScoring.normalize(spec, l.toStoredMap())).orElse(Map.of());
        savedFirst = work == null || trainee.equals(exam.expert().value()) ? Map.of()
                : PrimitiveScoring.firstGiven(spec, work.labelHistory());
        updateRows();
        comparisons.setAll(buildComparisons(work));
        if (item.isEmpty()) {
            status.set("This clip is not part of the exam \"" + exam.name() + "\".");
        } else {
            ExamItem i = item.get();
            status.set("Exam \"" + exam.name() + "\" · " + (i.labels().isPresent() ? "primitive questions have "
                    + "reference answers" : "no reference labels on this clip") + " · " + i.captions().size()
                    + " aspect" + (i.captions().size() == 1 ? "" : "s") + " with a reference caption");
        }
    }

    private void changed(MapChangeListener.Change<? extends String, ? extends Object> change) {
        pending.add(change.getKey());
        pendingRemoval |= !change.wasAdded();
        if (!scheduled) {
            scheduled = true;
            ui.execute(this::flush);
        }
    }

    /** Handles the answer changes since the last flush (see the constructor). */
    private void flush() {
        scheduled = false;
        List<String> keys = List.copyOf(pending);
        boolean removal = pendingRemoval;
        pending.clear();
        pendingRemoval = false;
        given.addAll(keys); // changes after the clip was shown are the trainee's (answers, undo, rules, clear)
        if (keys.size() == 1 && !removal) {
            answered(keys.get(0));
        } else {
            updateRows();
        }
    }

    /** Recomputes the table and the tally; when a verdict shows for the first time, tells the window to save. */
    private void updateRows() {
        verdicts.setAll(rows());
        updateTally();
        if (newlyShown) {
            newlyShown = false;
            onReveal.run();
        }
    }

    private void answered(String field) {
        if (item.isEmpty() || item.get().labels().isEmpty()) {
            return;
        }
        updateRows();
        Optional<VerdictRow> row = verdicts.stream().filter(r -> r.field().equals(field)).findFirst();
        if (row.isEmpty() && !isEnd(field)) {
            // a start/end pair's start also settles an 'unchanged' end: show the pair's other half
            Optional<PrimitiveGroup> g = spec.groupByField(field);
            row = g.flatMap(gr -> verdicts.stream().filter(r -> gr.fields().contains(r.field())).findFirst());
        }
        row.ifPresent(r -> {
            latest.set(r);
            onVerdict.accept(r);
        });
    }

    private List<VerdictRow> rows() {
        List<VerdictRow> out = new ArrayList<>();
        if (item.isEmpty() || item.get().labels().isEmpty()) {
            return out;
        }
        Map<String, Object> reference = item.get().labels().get().toStoredMap();
        Map<String, Object> mine = PrimitiveScoring.normalize(spec, answers);
        for (PrimitiveVerdict v : PrimitiveScoring.score(spec, mine, reference)) {
            if (v.verdict() == PrimitiveVerdict.Verdict.UNANSWERED || !ownAnswer(v.field(), mine)
                    || isEnd(v.field()) && !explicit(answers.get(v.field()))
                    || v.trainee() instanceof java.util.Collection<?> c && c.isEmpty()) {
                continue; // never reveal the reference of a question the trainee has not answered yet
            }
            // the first answer shown is the scored one: from the saved labels, else the one shown now
            Object first = savedFirst.get(v.field());
            if (first == null) {
                first = shownFirst.get(v.field());
            }
            if (first == null) {
                first = v.trainee();
                shownFirst.put(v.field(), first);
                newlyShown = true;
            }
            PrimitiveVerdict scored = PrimitiveScoring.verdict(spec, v.field(), Map.of(v.field(), first), reference)
                    .orElse(v);
            PrimitiveGroup g = spec.groupByField(v.field()).orElseThrow();
            out.add(new VerdictRow(v.field(), ExamFormat.question(g, v.field()), ExamFormat.answer(g, v.trainee()),
                    ExamFormat.answer(g, v.reference()), ExamFormat.definitions(g, v.reference()),
                    v.right() ? "" : ExamFormat.definitions(g, v.trainee()), v.verdict(),
                    ExamFormat.answer(g, first), scored.verdict()));
        }
        return out;
    }

    /** Whether {@code field} is the end of a start/end pair. */
    private boolean isEnd(String field) {
        return spec.groupByField(field).filter(g -> g.kind() == io.chai.model.spec.PrimitiveKind.START_END
                && g.endField().equals(field)).isPresent();
    }

    /** Whether a checklist answer is a value (not unset, not unknown: an end left 'Unchanged'). */
    private static boolean explicit(Object answer) {
        return answer != null && !io.chai.model.spec.PrimitiveValue.UNKNOWN.equals(answer.toString());
    }

    /**
     * Whether the answer to {@code field} is the trainee's: given in the checklist since the clip was shown, or
     * the same as in their own newest saved labels.
     */
    private boolean ownAnswer(String field, Map<String, Object> mine) {
        return given.contains(field) || saved.containsKey(field) && saved.get(field).equals(mine.get(field));
    }

    private void updateTally() {
        if (item.isEmpty() || item.get().labels().isEmpty()) {
            tally.set("");
            return;
        }
        int scored = PrimitiveScoring.score(spec, Map.of(), item.get().labels().get().toStoredMap()).size();
        long right = verdicts.stream().filter(VerdictRow::scoredRight).count(); // first answers count
        tally.set(right + " right of " + verdicts.size() + " answered · " + scored + " questions have a reference");
    }

    private List<AspectComparison> buildComparisons(TraineeWork work) {
        List<AspectComparison> out = new ArrayList<>();
        if (item.isEmpty()) {
            return out;
        }
        ExamItem i = item.get();
        for (Aspect a : Aspect.values()) {
            Optional<ReferenceCaption> ref = i.caption(a);
            if (ref.isEmpty()) {
                continue;
            }
            TraineeWork.Submitted s = work == null || trainee.equals(exam.expert().value()) ? null
                    : work.submitted().get(a);
            if (s == null) {
                out.add(AspectComparison.hidden(a));
                continue;
            }
            CaptionScore score = CaptionScore.of(a, s.preCaption(), s.rating(), s.critique(), s.caption(), ref.get());
            List<AspectComparison.ItemCoverage> items = new ArrayList<>();
            List<Boolean> covered = score.coveredItems();
            for (int k = 0; k < ref.get().critique().items().size(); k++) {
                items.add(new AspectComparison.ItemCoverage(ref.get().critique().items().get(k),
                        k < covered.size() && covered.get(k)));
            }
            out.add(new AspectComparison(a, Optional.of(score), ref,
                    WordDiff.diff(s.critique().finalText(), ref.get().critique().finalText()),
                    WordDiff.diff(s.caption().text(), ref.get().postCaption().text()), items));
        }
        return out;
    }

    /** The answered questions with their verdicts, in form order. */
    public ObservableList<VerdictRow> verdicts() {
        return verdicts;
    }

    /** The verdict on the question answered last (null before the first answer on this clip). */
    public ReadOnlyObjectProperty<VerdictRow> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** "3 right of 4 answered · 7 questions have a reference". */
    public ReadOnlyStringProperty tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** What the exam holds for this clip. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** One entry per aspect of this clip that has a reference caption. */
    public ObservableList<AspectComparison> comparisons() {
        return comparisons;
    }

    /** Stops following the answers. */
    public void close() {
        answers.removeListener(onAnswer);
    }
}
