// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.checklist.viewmodel.GroupViewModel;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The tutorial card of the group being answered: its question, each value's definition, what to look for
 * and the common confusions. Follows the checklist's selected group.
 */
public final class TutorialCard extends ScrollPane {
    private final VBox box = new VBox();

    public TutorialCard(ChecklistViewModel checklist) {
        setId("tutorial-card");
        box.getStyleClass().add("tutorial-card");
        setContent(box);
        setFitToWidth(true);
        setAccessibleText("Tutorial for the selected question");
        checklist.selectedProperty().addListener((o, a, g) -> show(g));
        show(checklist.selectedProperty().get());
    }

    private void show(GroupViewModel gvm) {
        box.getChildren().clear();
        if (gvm == null) {
            return;
        }
        PrimitiveGroup g = gvm.group();
        Label title = new Label(g.name());
        title.getStyleClass().add("chai-title");
        title.setId("tutorial-title");
        box.getChildren().addAll(title, wrap(g.question(), "chai-muted"));
        if (g.kind() != PrimitiveKind.BOOLEAN && g.kind() != PrimitiveKind.TEXT) {
            box.getChildren().add(heading("Definitions"));
            for (PrimitiveValue v : g.values()) {
                box.getChildren().add(wrap("• " + v.label() + " — " + v.definition(), null));
            }
        }
        if (!g.tutorial().lookFor().isBlank()) {
            box.getChildren().addAll(heading("What to look for"), wrap(g.tutorial().lookFor(), null));
        }
        if (!g.tutorial().confusions().isBlank()) {
            box.getChildren().addAll(heading("Common confusions"), wrap(g.tutorial().confusions(), null));
        }
        setVvalue(0);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("tutorial-heading");
        return l;
    }

    private static Label wrap(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }
}
