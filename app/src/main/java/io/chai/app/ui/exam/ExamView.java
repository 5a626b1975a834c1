// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.app.ui.diff.DiffView;
import io.chai.app.ui.exam.viewmodel.AspectComparison;
import io.chai.app.ui.exam.viewmodel.ExamViewModel;
import io.chai.app.ui.exam.viewmodel.VerdictRow;
import io.chai.model.domain.CritiqueItem;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/**
 * The trainee's Exam tab: the verdict on the question just answered (with the reference and its definition), the
 * table of answered questions, and per aspect with a reference caption either "submit to compare" or the
 * comparison with the expert (score, word diffs of critique and caption, the expert's span items covered or not).
 */
public final class ExamView extends ScrollPane {
    static final String RIGHT_STYLE = "-fx-background-color: #2e7d32; -fx-text-fill: white; -fx-padding: 8 10;"
            + " -fx-background-radius: 4; -fx-font-weight: bold;";
    static final String WRONG_STYLE = "-fx-background-color: #c62828; -fx-text-fill: white; -fx-padding: 8 10;"
            + " -fx-background-radius: 4; -fx-font-weight: bold;";
    static final String IDLE_STYLE = "-fx-padding: 8 10; -fx-border-color: derive(-fx-base, -20%);"
            + " -fx-border-radius: 4;";

    private final ExamViewModel vm;
    private final Label latest = new Label();
    private final Label latestDefinition = new Label();
    private final TableView<VerdictRow> table = new TableView<>();
    private final VBox aspects = new VBox(12);

    public ExamView(ExamViewModel vm) {
        this.vm = vm;
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.getStyleClass().add("chai-muted");
        status.setId("exam-status");

        latest.setId("exam-latest");
        latest.setWrapText(true);
        latest.setMaxWidth(Double.MAX_VALUE);
        latest.setAccessibleText("Verdict on the last answer");
        latestDefinition.setId("exam-latest-definition");
        latestDefinition.setWrapText(true);
        vm.latestProperty().addListener((o, a, b) -> showLatest(b));
        showLatest(vm.latestProperty().get());

        Label tally = new Label();
        tally.setId("exam-tally");
        tally.textProperty().bind(vm.tallyProperty());

        table.setId("exam-verdicts");
        table.setItems(vm.verdicts());
        table.getColumns().add(column("", VerdictRow::mark, 90));
        table.getColumns().add(column("Question", VerdictRow::question, 150));
        table.getColumns().add(column("Your answer", VerdictRow::yours, 120));
        table.getColumns().add(column("Reference", VerdictRow::reference, 120));
        table.getColumns().add(column("Scored", VerdictRow::scoredText, 110));
        table.getColumns().add(column("Definition of the reference", VerdictRow::definition, 360));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VerdictRow r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(empty || r == null ? "" : r.right() ? "-fx-background-color: rgba(46,125,50,0.18);"
                        : "-fx-background-color: rgba(198,40,40,0.18);");
            }
        });
        table.setPlaceholder(new Label("Answer a question in the Checklist tab: its verdict appears here."));
        table.setPrefHeight(230);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button refresh = new Button("Refresh");
        refresh.setId("exam-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, header("Primitive questions"), spacer, refresh);

        aspects.setId("exam-aspects");
        vm.comparisons().addListener((ListChangeListener<AspectComparison>) c -> showAspects());
        showAspects();

        VBox box = new VBox(10, status, latest, latestDefinition, head, tally, table,
                header("Captions and critiques"), aspects);
        box.setPadding(new Insets(12));
        setContent(box);
        setFitToWidth(true);
        setId("exam-view");
    }

    private void showLatest(VerdictRow r) {
        if (r == null) {
            latest.setText("Answer the checklist: each answer is checked against the expert's at once.");
            latest.setStyle(IDLE_STYLE);
            latestDefinition.setText("");
            return;
        }
        latest.setText(r.sentence());
        latest.setStyle(r.right() ? RIGHT_STYLE : WRONG_STYLE);
        StringBuilder sb = new StringBuilder();
        if (!r.definition().isBlank()) {
            sb.append("Reference — ").append(r.definition());
        }
        if (!r.right() && !r.yourDefinition().isBlank()) {
            sb.append(sb.length() > 0 ? "\n" : "").append("Your answer — ").append(r.yourDefinition());
        }
        latestDefinition.setText(sb.toString());
    }

    private void showAspects() {
        aspects.getChildren().clear();
        if (vm.comparisons().isEmpty()) {
            aspects.getChildren().add(new Label("No aspect of this clip has a reference caption."));
        }
        for (AspectComparison c : vm.comparisons()) {
            VBox pane = new VBox(6);
            pane.setId("exam-aspect-" + c.aspect().key());
            pane.setStyle("-fx-padding: 8; -fx-border-color: derive(-fx-base, -25%); -fx-border-radius: 4;");
            Label title = new Label(c.aspect().displayName());
            title.setStyle("-fx-font-weight: bold;");
            Label line = new Label(c.summaryLine());
            line.setWrapText(true);
            line.setId("exam-score-" + c.aspect().key());
            pane.getChildren().addAll(title, line);
            if (c.submitted()) {
                var s = c.score().orElseThrow();
                var ref = c.reference().orElseThrow();
                pane.getChildren().add(new Label("Your critique → the expert's (rating " + s.traineeRating().score()
                        + " → " + ref.rating().score() + ")"));
                pane.getChildren().add(diff(c.critiqueDiff(), "exam-critique-diff-" + c.aspect().key()));
                pane.getChildren().add(new Label("Your caption → the expert's"));
                pane.getChildren().add(diff(c.captionDiff(), "exam-caption-diff-" + c.aspect().key()));
                if (!c.expertItems().isEmpty()) {
                    pane.getChildren().add(new Label("The expert's span items:"));
                    for (AspectComparison.ItemCoverage ic : c.expertItems()) {
                        CritiqueItem it = ic.item();
                        Label l = new Label((ic.covered() ? "✓ you marked it: " : "✗ you missed: ") + "\""
                                + it.text() + "\" (" + it.type().name().toLowerCase(java.util.Locale.ROOT) + ")"
                                + (it.note().isBlank() ? "" : " — " + it.note()));
                        l.setWrapText(true);
                        pane.getChildren().add(l);
                    }
                }
            }
            aspects.getChildren().add(pane);
        }
    }

    private static DiffView diff(java.util.List<io.chai.app.ui.diff.WordDiff.Segment> segments, String id) {
        DiffView d = new DiffView();
        d.setId(id);
        d.show(segments);
        return d;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return l;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The verdict banner's text (for tests). */
    public String latestText() {
        return latest.getText();
    }
}
