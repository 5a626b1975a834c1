// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.tasks;

import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Every background task with its progress, message, state and a cancel button. */
public final class TaskPanel extends VBox {
    private final TaskCenter center;
    private final VBox rows = new VBox(4);

    public TaskPanel(TaskCenter center) {
        this.center = center;
        setId("task-panel");
        getStyleClass().add("task-panel");
        Label title = new Label("Tasks");
        title.getStyleClass().add("chai-subtitle");
        Button clear = new Button("Clear finished");
        clear.setOnAction(e -> center.clearFinished());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, clear);
        ScrollPane sp = new ScrollPane(rows);
        sp.setFitToWidth(true);
        sp.setPrefViewportHeight(120);
        getChildren().addAll(header, sp);
        center.tasks().addListener((ListChangeListener<Task<?>>) c -> rebuild());
        rebuild();
    }

    static String stateText(Worker.State s) {
        return switch (s) {
            case READY, SCHEDULED -> "waiting";
            case RUNNING -> "running";
            case SUCCEEDED -> "done";
            case CANCELLED -> "cancelled";
            case FAILED -> "failed (see notification)";
        };
    }

    private void rebuild() {
        rows.getChildren().clear();
        if (center.tasks().isEmpty()) {
            Label none = new Label("No background tasks.");
            none.getStyleClass().add("chai-muted");
            rows.getChildren().add(none);
        }
        for (Task<?> t : center.tasks()) {
            Label name = new Label();
            name.textProperty().bind(t.titleProperty());
            name.setMinWidth(200);
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(t.progressProperty());
            bar.setPrefWidth(160);
            bar.setAccessibleText("Progress");
            Label msg = new Label();
            msg.textProperty().bind(t.messageProperty());
            Label state = new Label();
            state.textProperty().bind(t.stateProperty().map(TaskPanel::stateText));
            state.getStyleClass().add("chai-muted");
            Button cancel = new Button("Cancel");
            cancel.setAccessibleText("Cancel task");
            cancel.getStyleClass().add("task-cancel");
            cancel.disableProperty().bind(t.runningProperty().not()
                    .and(t.stateProperty().isNotEqualTo(Worker.State.SCHEDULED)));
            cancel.setOnAction(e -> t.cancel());
            HBox row = new HBox(name, bar, msg, state, cancel);
            row.getStyleClass().add("task-row");
            rows.getChildren().add(row);
        }
    }
}
