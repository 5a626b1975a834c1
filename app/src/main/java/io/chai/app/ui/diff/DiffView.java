// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.diff;

import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Shows a {@link WordDiff}: deleted words struck through in red, inserted words underlined in green. */
public final class DiffView extends TextFlow {
    public DiffView() {
        getStyleClass().add("diff-view");
        setAccessibleText("Word differences");
    }

    /** Replaces the shown diff. */
    public void show(List<WordDiff.Segment> segments) {
        getChildren().clear();
        if (segments.isEmpty()) {
            Text t = new Text("(nothing to compare yet)");
            t.getStyleClass().add("diff-empty");
            getChildren().add(t);
            return;
        }
        for (WordDiff.Segment s : segments) {
            Text t = new Text(s.text());
            switch (s.op()) {
                case DELETE -> {
                    t.getStyleClass().add("diff-delete");
                    t.setStrikethrough(true);
                }
                case INSERT -> {
                    t.getStyleClass().add("diff-insert");
                    t.setUnderline(true);
                }
                default -> t.getStyleClass().add("diff-equal");
            }
            getChildren().add(t);
        }
    }

    /** The text as shown, deletions in [-…-] and insertions in {+…+} (for tests and accessibility). */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (var n : getChildren()) {
            Text t = (Text) n;
            if (t.getStyleClass().contains("diff-delete")) {
                sb.append("[-").append(t.getText()).append("-]");
            } else if (t.getStyleClass().contains("diff-insert")) {
                sb.append("{+").append(t.getText()).append("+}");
            } else {
                sb.append(t.getText());
            }
        }
        return sb.toString();
    }
}
