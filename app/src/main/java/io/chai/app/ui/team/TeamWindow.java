// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.team;

import io.chai.app.ui.tasks.TaskCenter;
import io.chai.app.ui.team.viewmodel.TeamViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Team and quality window (View > Team and quality…): a {@link TeamView} in its own stage, styled like the main
 * window; the figures are computed when it first opens and on Refresh.
 */
public final class TeamWindow {
    private final Stage stage = new Stage();
    private final TeamView view;
    private boolean computed;

    public TeamWindow(TeamViewModel vm, TaskCenter tasks, Window owner, String projectName) {
        view = new TeamView(vm, tasks);
        stage.setTitle("Team and quality — " + projectName);
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(view, 1280, 860);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            view.setStyle(owner.getScene().getRoot().getStyle());
        }
        stage.setScene(scene);
    }

    /** Shows the window (computing the figures the first time) and brings it forward. */
    public Stage show() {
        stage.show();
        stage.toFront();
        if (!computed) {
            computed = true;
            view.refresh();
        }
        return stage;
    }

    public TeamView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }
}
