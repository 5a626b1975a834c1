// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.checklist.viewmodel.GroupViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The primitive checklist generated from the specification: a header with the completeness indicator and the
 * validation warnings, then every form's groups as cards (the first screenful at once, the rest built in the
 * background once {@link #buildRemaining()} is called, or at once when a group is jumped to). Tab moves through
 * every control; the shortcut
 * registry's next/previous-group actions jump between groups.
 */
public final class ChecklistView extends BorderPane {
    private final ChecklistViewModel vm;
    /** Groups whose cards are built at once (about a screenful); the others are built after the first frame. */
    public static final int EAGER_CARDS = 6;
    /** Cards built per pulse while the rest of the form is built in the background. */
    private static final int CARDS_PER_PULSE = 4;
    private final List<GroupCard> cards = new ArrayList<>();
    /** Groups not built yet, with the placeholder that holds their place in the form. */
    private final List<Pending> pending = new ArrayList<>();
    private final VBox body = new VBox();
    private final ScrollPane scroll = new ScrollPane();
    private final Button analyze = new Button("Suggest from analysis");
    private final Label analysisNote = new Label();

    public ChecklistView(ChecklistViewModel vm) {
        this.vm = vm;
        setId("checklist");
        ProgressBar bar = new ProgressBar();
        bar.setId("checklist-completeness");
        bar.progressProperty().bind(vm.completenessProperty());
        bar.setAccessibleText("Checklist completeness");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label count = new Label();
        count.setId("checklist-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> vm.answeredCountProperty().get() + " / " + vm.requiredCount() + " answered",
                vm.answeredCountProperty()));
        Label title = new Label("Primitive checklist");
        title.getStyleClass().add("chai-title");
        analyze.setId("checklist-analyze");
        analyze.setAccessibleText("Suggest answers from the clip's camera-motion and overlay analysis");
        analyze.setFocusTraversable(false);
        analyze.setVisible(false);
        analyze.setManaged(false);
        analysisNote.setId("checklist-analysis-note");
        analysisNote.getStyleClass().add("chai-muted");
        analysisNote.setWrapText(true);
        analysisNote.managedProperty().bind(analysisNote.textProperty().isNotEmpty());
        HBox progress = new HBox(10, bar, count, analyze);
        progress.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox problems = new VBox(2);
        problems.setId("checklist-problems");
        Runnable showProblems = () -> {
            problems.getChildren().clear();
            for (String p : vm.problems()) {
                Label l = new Label("⚠ " + p);
                l.getStyleClass().add("problem");
                l.setWrapText(true);
                problems.getChildren().add(l);
            }
        };
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems.run());
        showProblems.run();
        VBox header = new VBox(title, progress, analysisNote, problems);
        header.getStyleClass().add("checklist-header");
        setTop(header);

        body.getStyleClass().add("checklist-body");
        int n = 0;
        for (ChecklistViewModel.Section s : vm.sections()) {
            Label formTitle = new Label(s.form().name());
            formTitle.getStyleClass().add("form-title");
            body.getChildren().add(formTitle);
            for (GroupViewModel g : s.groups()) {
                if (n++ < EAGER_CARDS) {
                    GroupCard card = new GroupCard(vm, g);
                    cards.add(card);
                    body.getChildren().add(card);
                } else {
                    // the rest of the form: a placeholder of about a card's height until it is built
                    javafx.scene.layout.Region slot = new javafx.scene.layout.Region();
                    slot.setPrefHeight(PLACEHOLDER_HEIGHT);
                    slot.setMinHeight(PLACEHOLDER_HEIGHT);
                    pending.add(new Pending(g, slot));
                    body.getChildren().add(slot);
                }
            }
        }
        scroll.setContent(body);
        scroll.setFitToWidth(true);
        scroll.setId("checklist-scroll");
        setCenter(scroll);
        vm.selectedProperty().addListener((o, a, b) -> {
            for (GroupCard c : cards) {
                c.pseudoClassStateChanged(GroupCard.SELECTED, c.viewModel() == b);
            }
        });
        for (GroupCard c : cards) {
            c.pseudoClassStateChanged(GroupCard.SELECTED, c.viewModel() == vm.selectedProperty().get());
        }
    }

    private static final double PLACEHOLDER_HEIGHT = 110;

    private record Pending(GroupViewModel group, javafx.scene.layout.Region slot) {
    }

    /**
     * Builds the cards not built yet, a few per pulse, so that the window stays responsive; the whole form is
     * there within a second. The workstation calls this once the first frame is on screen.
     */
    public void buildRemaining() {
        if (pending.isEmpty()) {
            return;
        }
        for (int i = 0; i < CARDS_PER_PULSE && !pending.isEmpty(); i++) {
            buildNext();
        }
        if (!pending.isEmpty()) {
            javafx.application.Platform.runLater(this::buildRemaining);
        }
    }

    /** Whether every group's card has been built. */
    public boolean complete() {
        return pending.isEmpty();
    }

    /** Builds every card not built yet, now (before keyboard navigation or a jump to a group). */
    private void buildAll() {
        while (!pending.isEmpty()) {
            buildNext();
        }
    }

    private void buildNext() {
        Pending p = pending.remove(0);
        GroupCard card = new GroupCard(vm, p.group());
        card.pseudoClassStateChanged(GroupCard.SELECTED, p.group() == vm.selectedProperty().get());
        cards.add(card);
        // cards are built in form order, so the list stays in the order of the form
        body.getChildren().set(body.getChildren().indexOf(p.slot()), card);
    }

    public ChecklistViewModel viewModel() {
        return vm;
    }

    /** Shows the "Suggest from analysis" button, which runs {@code action}. */
    public void enableAnalysis(Runnable action) {
        analyze.setOnAction(e -> action.run());
        analyze.setVisible(true);
        analyze.setManaged(true);
    }

    /** The button that asks for analyzer suggestions (disabled by its owner while an analysis runs). */
    public Button analyzeButton() {
        return analyze;
    }

    /** One line under the header about the analyzer suggestions (empty: hidden). */
    public void setAnalysisNote(String text) {
        analysisNote.setText(text == null ? "" : text);
    }

    /** Moves keyboard focus to the next (+1) or previous (-1) group and scrolls it into view. */
    public void moveGroup(int delta) {
        buildAll();
        if (cards.isEmpty()) {
            return;
        }
        int i = 0;
        for (int k = 0; k < cards.size(); k++) {
            if (cards.get(k).viewModel() == vm.selectedProperty().get()) {
                i = k;
            }
        }
        int j = Math.max(0, Math.min(cards.size() - 1, i + delta));
        GroupCard target = cards.get(j);
        vm.selectedProperty().set(target.viewModel());
        target.focusFirst();
        scrollIntoView(target);
    }

    /** Selects, focuses and scrolls to the group {@code groupId}; false when the form has no such group. */
    public boolean select(String groupId) {
        buildAll();
        for (GroupCard c : cards) {
            if (c.viewModel().group().id().equals(groupId)) {
                vm.selectedProperty().set(c.viewModel());
                c.focusFirst();
                scrollIntoView(c);
                return true;
            }
        }
        return false;
    }

    /** Focuses the selected group's first control. */
    public void focusSelected() {
        moveGroup(0);
    }

    private void scrollIntoView(GroupCard card) {
        var content = scroll.getContent();
        // sizes must be current (a theme or font change may not have been laid out yet)
        scroll.applyCss();
        scroll.layout();
        if (content instanceof javafx.scene.Parent p) {
            p.applyCss();
            p.layout();
        }
        double contentH = content.getBoundsInLocal().getHeight();
        double viewH = scroll.getViewportBounds().getHeight();
        if (contentH <= viewH) {
            return;
        }
        Bounds b = card.getBoundsInParent();
        double top = b.getMinY();
        double current = scroll.getVvalue() * (contentH - viewH);
        if (top < current || b.getMaxY() > current + viewH) {
            scroll.setVvalue(Math.max(0, Math.min(1, (top - 8) / (contentH - viewH))));
        }
    }
}
