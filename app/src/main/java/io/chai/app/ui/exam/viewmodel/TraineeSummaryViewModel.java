// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamScorer;
import io.chai.model.exam.TraineeSummary;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lead's summary of an exam: one row per trainee found in the project's revision log (items done, primitive
 * accuracy overall and per form, caption and critique scores, time spent), scored by {@link ExamScorer}.
 */
public final class TraineeSummaryViewModel {
    /** The specification's forms shown as columns, in order: id and short title. */
    public static final List<String[]> FORMS = List.of(new String[] {"cam_setup", "Composition"},
            new String[] {"cam_motion", "Movement"});

    private final Specification spec;
    private final ExamScorer scorer;
    private final ExamDefinition exam;
    private final ProjectStore store;
    private final ObservableList<TraineeSummary> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public TraineeSummaryViewModel(Specification spec, ExamDefinition exam, ProjectStore store) {
        this.spec = Objects.requireNonNull(spec);
        this.scorer = new ExamScorer(spec, Objects.requireNonNull(exam));
        this.exam = exam;
        this.store = Objects.requireNonNull(store);
        refresh();
    }

    /** Scores every trainee again from the store. */
    public void refresh() {
        rows.setAll(scorer.score(List.of(store)));
        status.set("Exam \"" + exam.name() + "\" · expert " + exam.expert().value() + " · " + exam.items().size()
                + " clips · " + rows.size() + " trainee" + (rows.size() == 1 ? "" : "s") + " · scored "
                + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(Instant.now()));
    }

    public ObservableList<TraineeSummary> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A row's cells as shown: trainee, done, accuracy, one per {@link #FORMS}, caption F1, critique F1, coverage, |Δ rating|, score, time. */
    public static List<String> cells(TraineeSummary s) {
        List<String> out = new java.util.ArrayList<>();
        out.add(s.trainee());
        out.add(s.itemsDone() + " / " + s.itemsTotal());
        out.add(ExamFormat.percent(s.primitiveAccuracy()) + (s.primitiveScored() == 0 ? ""
                : " (" + s.primitiveRight() + "/" + s.primitiveScored() + ")"));
        for (String[] f : FORMS) {
            out.add(ExamFormat.percent(s.accuracyByForm().get(f[0])));
        }
        out.add(ExamFormat.score(s.meanCaptionF1()));
        out.add(ExamFormat.score(s.meanCritiqueF1()));
        out.add(ExamFormat.percent(s.meanCoverage()));
        out.add(ExamFormat.score(s.meanAbsRatingDiff()));
        out.add(ExamFormat.score(s.meanScore()) + (s.captionsSubmitted() == 0 ? ""
                : " (" + s.captionsSubmitted() + ")"));
        out.add(ExamFormat.duration(s.timeSpent()));
        return out;
    }

    /** Accuracy per form: "Composition 80% · Movement 0%". */
    public static String formAccuracy(TraineeSummary s) {
        List<String> parts = new java.util.ArrayList<>();
        for (String[] f : FORMS) {
            parts.add(f[1] + " " + ExamFormat.percent(s.accuracyByForm().get(f[0])));
        }
        return String.join(" · ", parts);
    }

    /** Accuracy per primitive question in specification order: "Shot type 100% · Shot size 50%". */
    public String groupAccuracy(TraineeSummary s) {
        List<String> parts = new java.util.ArrayList<>();
        for (var g : spec.groups()) {
            Double v = s.accuracyByGroup().get(g.id());
            if (v != null) {
                parts.add(g.name() + " " + ExamFormat.percent(v));
            }
        }
        return parts.isEmpty() ? "no scored answers" : String.join(" · ", parts);
    }

    /** Column titles matching {@link #cells}. */
    public static List<String> headers() {
        List<String> out = new java.util.ArrayList<>(List.of("Trainee", "Done", "Primitives"));
        FORMS.forEach(f -> out.add(f[1]));
        out.addAll(List.of("Caption F1", "Critique F1", "Coverage", "|Δ rating|", "Score", "Time"));
        return out;
    }
}
