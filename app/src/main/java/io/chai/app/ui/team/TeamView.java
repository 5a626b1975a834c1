// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.team;

import io.chai.app.ui.tasks.TaskCenter;
import io.chai.app.ui.team.viewmodel.TeamStats;
import io.chai.app.ui.team.viewmodel.TeamStats.AnnotatorRow;
import io.chai.app.ui.team.viewmodel.TeamStats.DayCount;
import io.chai.app.ui.team.viewmodel.TeamStats.Step;
import io.chai.app.ui.team.viewmodel.TeamStats.StepTime;
import io.chai.app.ui.team.viewmodel.TeamViewModel;
import io.chai.model.agreement.GroupAgreement;
import io.chai.model.quality.Finding;
import io.chai.model.quality.ItemQuality;
import io.chai.model.quality.QualityFlag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Team and quality view: per person throughput (items first submitted per day), mean time per caption step,
 * approval rate and the critique-quality flags as charts, with sortable tables of the same figures, the flagged
 * items and agreement per primitive group. Figures are computed by {@link TeamViewModel} in a task of the task
 * centre (Refresh).
 */
public final class TeamView extends BorderPane {
    private final TeamViewModel vm;
    private final TaskCenter tasks;
    private final BarChart<String, Number> throughput;
    private final BarChart<String, Number> stepTimes;
    private final StackedBarChart<String, Number> approval;
    private final StackedBarChart<String, Number> flags;
    private final NumberAxis stepAxis = new NumberAxis();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button refresh = new Button("Refresh");
    private Task<TeamStats> running;
    private static final Map<QualityFlag, String> FLAG_HEADERS = Map.of(QualityFlag.NITPICK_ONLY, "Nitpick",
            QualityFlag.GLOBAL_EDIT, "Global edit", QualityFlag.DIRECT_EDIT, "Direct edit",
            QualityFlag.NON_CONSTRUCTIVE, "Non-constr.", QualityFlag.REVIEWER_REJECTED, "Rev. rej.");

    public TeamView(TeamViewModel vm, TaskCenter tasks) {
        this.vm = vm;
        this.tasks = tasks;
        setId("team-view");
        getStyleClass().add("team-view");
        Label title = new Label("Team and quality");
        title.getStyleClass().add("chai-title");
        Label summary = new Label();
        summary.setId("team-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        refresh.setId("team-refresh");
        refresh.setOnAction(e -> refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, title, summary, spacer, busy, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(8, 10, 8, 10));
        setTop(head);

        throughput = new BarChart<>(new CategoryAxis(), axis("items first submitted"));
        throughput.setTitle("Throughput (items per day)");
        stepAxis.setLabel("mean seconds");
        stepTimes = new BarChart<>(new CategoryAxis(), stepAxis);
        stepTimes.setTitle("Time per step");
        approval = new StackedBarChart<>(new CategoryAxis(), axis("review decisions"));
        approval.setTitle("Review decisions (approval rate)");
        approval.setStyle("CHART_COLOR_1: #38a169; CHART_COLOR_2: #e53e3e;");   // approved green, rejected red
        flags = new StackedBarChart<>(new CategoryAxis(), axis("items flagged"));
        flags.setTitle("Quality flags (chai quality)");
        for (var c : List.of(throughput, stepTimes, approval, flags)) {
            c.setAnimated(false);
            c.setPrefHeight(260);
            c.setMinHeight(200);
        }
        GridPane charts = new GridPane();
        charts.setHgap(6);
        charts.setVgap(6);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        charts.add(throughput, 0, 0);
        charts.add(stepTimes, 1, 0);
        charts.add(approval, 0, 1);
        charts.add(flags, 1, 1);

        TableView<AnnotatorRow> people = annotatorTable();
        VBox overview = new VBox(6, charts, people);
        VBox.setVgrow(people, Priority.ALWAYS);
        overview.setPadding(new Insets(6));
        Tab o = new Tab("Overview", overview);
        Tab f = new Tab("Flagged items", flaggedTable());
        Tab a = new Tab("Agreement", agreementTable());
        Tab s = new Tab("Step times", stepTable());
        TabPane tabs = new TabPane(o, s, f, a);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        vm.statsProperty().addListener((obs, was, now) -> fillCharts(now));
        fillCharts(vm.statsProperty().get());
    }

    public TeamViewModel viewModel() {
        return vm;
    }

    /** Recomputes the figures in a background task of the task centre (progress and cancel in the task panel). */
    public Task<TeamStats> refresh() {
        if (running != null && running.isRunning()) {
            return running;
        }
        Task<TeamStats> t = new Task<>() {
            @Override
            protected TeamStats call() {
                updateTitle("Team and quality figures");
                updateMessage("reading the revision log");
                return vm.compute(this::isCancelled);
            }
        };
        t.setOnSucceeded(e -> vm.show(t.getValue()));
        busy.visibleProperty().bind(t.runningProperty());
        refresh.disableProperty().bind(t.runningProperty());
        running = t;
        tasks.submit(t);
        return t;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setMinorTickVisible(false);
        return a;
    }

    private void fillCharts(TeamStats s) {
        throughput.getData().clear();
        for (Map.Entry<String, List<DayCount>> e : vm.throughputSeries().entrySet()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(e.getKey());
            e.getValue().forEach(d -> series.getData().add(new XYChart.Data<>(d.day().toString(), d.items())));
            throughput.getData().add(series);
        }
        // days present in any series, in order, so bars line up
        TreeSet<String> days = s.throughput().stream().map(d -> d.day().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        ((CategoryAxis) throughput.getXAxis()).setCategories(javafx.collections.FXCollections.observableArrayList(days));

        stepTimes.getData().clear();
        double max = s.steps().stream().mapToDouble(StepTime::meanSeconds).max().orElse(0);
        boolean minutes = max >= 180;
        stepAxis.setLabel(minutes ? "mean minutes" : "mean seconds");
        Map<String, List<StepTime>> byPerson = s.steps().stream().collect(Collectors.groupingBy(StepTime::annotator,
                java.util.TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<StepTime>> e : byPerson.entrySet()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(e.getKey());
            for (StepTime st : e.getValue()) {
                series.getData().add(new XYChart.Data<>(st.step().label(),
                        minutes ? st.meanSeconds() / 60 : st.meanSeconds()));
            }
            stepTimes.getData().add(series);
        }
        ((CategoryAxis) stepTimes.getXAxis()).setCategories(javafx.collections.FXCollections.observableArrayList(
                java.util.Arrays.stream(Step.values()).map(Step::label).toList()));

        approval.getData().clear();
        XYChart.Series<String, Number> approved = new XYChart.Series<>();
        approved.setName("approved");
        XYChart.Series<String, Number> rejected = new XYChart.Series<>();
        rejected.setName("rejected");
        for (AnnotatorRow r : s.annotators()) {
            String who = r.annotator() + (Double.isNaN(r.approvalRate()) ? " (not reviewed)"
                    : String.format(Locale.ROOT, " (%.0f%%)", 100 * r.approvalRate()));
            approved.getData().add(new XYChart.Data<>(who, r.approved()));
            rejected.getData().add(new XYChart.Data<>(who, r.rejected()));
        }
        approval.getData().add(approved);
        approval.getData().add(rejected);

        flags.getData().clear();
        for (QualityFlag f : QualityFlag.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(f.id());
            for (AnnotatorRow r : s.annotators()) {
                series.getData().add(new XYChart.Data<>(r.annotator(), r.flags().getOrDefault(f.id(), 0)));
            }
            flags.getData().add(series);
        }
    }

    private TableView<AnnotatorRow> annotatorTable() {
        TableView<AnnotatorRow> t = new TableView<>(vm.annotators());
        t.setId("team-annotators");
        t.setPlaceholder(new Label("No submitted, critiqued or reviewed work yet."));
        t.getColumns().add(col("Person", AnnotatorRow::annotator));
        t.getColumns().add(col("Items", AnnotatorRow::submitted));
        t.getColumns().add(col("Days", AnnotatorRow::activeDays));
        t.getColumns().add(col("Items/day", r -> round(r.itemsPerDay())));
        t.getColumns().add(col("Approved", AnnotatorRow::approved));
        t.getColumns().add(col("Rejected", AnnotatorRow::rejected));
        t.getColumns().add(col("Appr. %", r -> Double.isNaN(r.approvalRate()) ? null
                : round(100 * r.approvalRate())));
        for (QualityFlag f : QualityFlag.values()) {
            t.getColumns().add(col(FLAG_HEADERS.get(f), r -> r.flags().getOrDefault(f.id(), 0)));
        }
        t.getColumns().add(col("Rewritten", AnnotatorRow::rewritten));
        t.getColumns().add(col("Precision", r -> opt(r.precision())));
        t.getColumns().add(col("Recall", r -> opt(r.recall())));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(180);
        return t;
    }

    private TableView<StepTime> stepTable() {
        TableView<StepTime> t = new TableView<>(vm.steps());
        t.setId("team-steps");
        t.setPlaceholder(new Label("No step measured yet (a step needs both of its revisions)."));
        t.getColumns().add(col("Person", StepTime::annotator));
        t.getColumns().add(col("Step", st -> st.step().label()));
        t.getColumns().add(col("Measured", StepTime::count));
        t.getColumns().add(col("Mean (s)", st -> round(st.meanSeconds())));
        t.getColumns().add(col("Median (s)", st -> round(st.medianSeconds())));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<ItemQuality> flaggedTable() {
        TableView<ItemQuality> t = new TableView<>(vm.flagged());
        t.setId("team-flagged");
        t.setPlaceholder(new Label("No submitted item is flagged."));
        t.getColumns().add(col("Clip", q -> q.clipId().substring(0, 12)));
        t.getColumns().add(col("Aspect", ItemQuality::aspect));
        t.getColumns().add(col("Annotator", ItemQuality::annotator));
        t.getColumns().add(col("Flags", q -> q.findings().stream().map(x -> x.flag().id())
                .collect(Collectors.joining(", "))));
        t.getColumns().add(col("Why", q -> q.findings().stream().map(Finding::detail)
                .collect(Collectors.joining(" · "))));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private TableView<GroupAgreement> agreementTable() {
        TableView<GroupAgreement> t = new TableView<>(vm.agreement());
        t.setId("team-agreement");
        t.setPlaceholder(new Label("No clip was labelled by two or more people (assign with overlap to measure"
                + " agreement)."));
        t.getColumns().add(col("Group", GroupAgreement::group));
        t.getColumns().add(col("Units", GroupAgreement::units));
        t.getColumns().add(col("Raters", g -> g.raters().size()));
        t.getColumns().add(col("Unsure", GroupAgreement::unsure));
        t.getColumns().add(col("Raw", g -> round3(g.raw())));
        t.getColumns().add(col("Cohen κ", g -> g.cohenKappa().isPresent() ? round3(g.cohenKappa().getAsDouble())
                : null));
        t.getColumns().add(col("Fleiss κ", g -> round3(g.fleissKappa())));
        t.getColumns().add(col("Krippendorff α", g -> round3(g.alpha())));
        t.getColumns().add(col("Metric", GroupAgreement::metric));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private static <S, T> TableColumn<S, T> col(String name, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Double round3(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private static Double opt(OptionalDouble v) {
        return v.isPresent() ? round(v.getAsDouble()) : null;
    }

}
