// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.app.ui.exam.viewmodel.TraineeSummaryViewModel;
import io.chai.model.exam.TraineeSummary;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lead's Trainees tab of an exam project: one row per trainee (items done, primitive accuracy overall and per
 * form, caption and critique scores, time spent) and, for the selected trainee, the accuracy per primitive group.
 */
public final class TraineeSummaryView extends VBox {
    private final TableView<TraineeSummary> table = new TableView<>();

    public TraineeSummaryView(TraineeSummaryViewModel vm) {
        super(10);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("chai-muted");
        Button refresh = new Button("Refresh");
        refresh.setId("trainees-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, status, spacer, refresh);

        table.setId("exam-trainees");
        table.setItems(vm.rows());
        List<String> headers = TraineeSummaryViewModel.headers();
        int firstForm = 3;
        for (int i = 0; i < headers.size(); i++) {
            if (i >= firstForm && i < firstForm + TraineeSummaryViewModel.FORMS.size()) {
                continue; // per form: in the line under the table, to keep the scores in view in a narrow pane
            }
            int col = i;
            table.getColumns().add(ExamView.column(headers.get(i),
                    (TraineeSummary s) -> TraineeSummaryViewModel.cells(s).get(col),
                    i == 0 ? 90 : i == 2 ? 95 : Math.max(64, 8 * headers.get(i).length() + 12)));
        }
        table.setPlaceholder(new Label("No trainee has answered yet."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label groups = new Label("Select a trainee to see the accuracy per primitive question.");
        groups.setId("trainee-groups");
        groups.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> groups.setText(s == null
                ? "Select a trainee to see the accuracy per primitive question."
                : s.trainee() + " — " + TraineeSummaryViewModel.formAccuracy(s) + ". Per question: " + vm.groupAccuracy(s) + "."));
        Label formula = new Label("Item score = mean of caption word F1, critique word F1 and coverage of the "
                + "expert's span items (see docs/exam.md). Time = first to last saved change per clip.");
        formula.setWrapText(true);
        formula.getStyleClass().add("chai-muted");
        getChildren().addAll(head, table, groups, formula);
        setPadding(new Insets(12));
        setId("trainee-summary-view");
    }

    public TableView<TraineeSummary> table() {
        return table;
    }
}
