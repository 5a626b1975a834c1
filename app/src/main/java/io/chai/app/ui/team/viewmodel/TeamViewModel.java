// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.team.viewmodel;

import io.chai.app.ui.team.viewmodel.TeamStats.AnnotatorRow;
import io.chai.app.ui.team.viewmodel.TeamStats.DayCount;
import io.chai.app.ui.team.viewmodel.TeamStats.StepTime;
import io.chai.model.agreement.GroupAgreement;
import io.chai.model.quality.ItemQuality;
import io.chai.model.store.ProjectStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Team and quality window as a view model: computes {@link TeamStats} from the project store off the UI thread
 * and exposes them as lists for sortable tables and series for charts, plus a one-line summary. No scene-graph
 * types, so it is tested without a display.
 */
public final class TeamViewModel {
    private final ProjectStore store;
    private final TeamStatsCalculator calculator;
    private final ReadOnlyObjectWrapper<TeamStats> stats = new ReadOnlyObjectWrapper<>(TeamStats.empty());
    private final ObservableList<AnnotatorRow> annotators = FXCollections.observableArrayList();
    private final ObservableList<StepTime> steps = FXCollections.observableArrayList();
    private final ObservableList<ItemQuality> flagged = FXCollections.observableArrayList();
    private final ObservableList<GroupAgreement> agreement = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not computed yet.");
    private AtomicBoolean current = new AtomicBoolean();

    public TeamViewModel(ProjectStore store, TeamStatsCalculator calculator) {
        this.store = Objects.requireNonNull(store);
        this.calculator = Objects.requireNonNull(calculator);
    }

    /** Computes the figures now, on the calling thread (a background thread); polls {@code cancelled}. */
    public TeamStats compute(BooleanSupplier cancelled) {
        return calculator.compute(store, cancelled);
    }

    /**
     * Recomputes on {@code background} and shows the result on {@code ui}; a newer refresh supersedes an older one
     * still running (its result is dropped). {@code failed} hears an error (on {@code ui}).
     */
    public void refresh(Executor background, Executor ui, java.util.function.Consumer<Throwable> failed) {
        current.set(true);   // stops the previous computation at its next page
        AtomicBoolean mine = new AtomicBoolean(false);
        current = mine;
        loading.set(true);
        summary.set("Computing…");
        background.execute(() -> {
            try {
                TeamStats s = compute(mine::get);
                ui.execute(() -> {
                    if (current == mine) {
                        show(s);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (current == mine) {
                        loading.set(false);
                        summary.set("Could not compute: " + e.getMessage());
                        failed.accept(e);
                    }
                });
            }
        });
    }

    /** Shows computed figures (UI thread). */
    public void show(TeamStats s) {
        stats.set(s);
        annotators.setAll(s.annotators());
        steps.setAll(s.steps());
        flagged.setAll(s.flagged().stream().filter(q -> !q.findings().isEmpty()).toList());
        agreement.setAll(s.agreement());
        loading.set(false);
        summary.set(summarize(s));
    }

    static String summarize(TeamStats s) {
        int submitted = s.annotators().stream().mapToInt(AnnotatorRow::submitted).sum();
        int approved = s.annotators().stream().mapToInt(AnnotatorRow::approved).sum();
        int rejected = s.annotators().stream().mapToInt(AnnotatorRow::rejected).sum();
        long flaggedItems = s.flagged().stream().filter(q -> !q.findings().isEmpty()).count();
        return String.format(Locale.ROOT, "%d %s · %d items submitted · %s approved of %d review decisions · "
                + "%d of %d submitted items flagged · %s", s.annotators().size(),
                s.annotators().size() == 1 ? "person" : "people", submitted,
                approved + rejected == 0 ? "none" : String.format(Locale.ROOT, "%.0f%%",
                        100.0 * approved / (approved + rejected)), approved + rejected, flaggedItems,
                s.flagged().size(), s.agreement().isEmpty() ? "no clip labelled twice (no agreement yet)"
                        : "agreement over " + s.agreement().size() + " groups");
    }

    /** Items first submitted per day, by person (one chart series each), days in order. */
    public Map<String, List<DayCount>> throughputSeries() {
        Map<String, List<DayCount>> out = new TreeMap<>();
        for (DayCount d : stats.get().throughput()) {
            out.computeIfAbsent(d.annotator(), k -> new java.util.ArrayList<>()).add(d);
        }
        return out;
    }

    public ReadOnlyObjectProperty<TeamStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ObservableList<AnnotatorRow> annotators() {
        return annotators;
    }

    public ObservableList<StepTime> steps() {
        return steps;
    }

    /** Submitted items with at least one quality finding. */
    public ObservableList<ItemQuality> flagged() {
        return flagged;
    }

    public ObservableList<GroupAgreement> agreement() {
        return agreement;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
