// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions;

import io.chai.app.ui.captions.viewmodel.CaptionStepperViewModel;
import io.chai.app.ui.diff.DiffView;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.Provenance;
import io.chai.model.workflow.Action;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.WorkflowState;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The caption stepper: a bar with the five aspects (state, lock), then for the selected aspect the approved
 * earlier captions, the pre-caption (generate / cancel, model and prompt under "Model and prompt"), the rating
 * faces and critique with span items, polish and revise, the post-caption editor with the word diff pre → post,
 * and submit. A rejected aspect shows the reviewer's version with its diff and the appeal (and, for an admin,
 * the ruling and re-open). While a pre-caption streams, its box shows the text growing (italic: not saved yet) and
 * "Model and prompt" the request being streamed. Every action is also a shortcut (registered by the main window).
 */
public final class CaptionStepperView extends BorderPane {
    /** Words beside the 1–5 rating (the faces need an emoji font, which many Linux desktops lack). */
    static final String[] RATING_WORDS = {"wrong", "poor", "fair", "good", "perfect"};

    private final CaptionStepperViewModel vm;
    private final Map<Aspect, ToggleButton> aspectButtons = new EnumMap<>(Aspect.class);
    private final ToggleButton[] rateButtons = new ToggleButton[5];
    private final Label heading = new Label();
    private final Label lock = new Label();
    private final VBox approved = new VBox(4);
    private final TextArea pre = new TextArea();
    private final Label provenanceLine = new Label();
    private final TextArea prompt = new TextArea();
    private final Button generate = new Button();
    private final Button cancel = new Button("Cancel");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label busyText = new Label();
    private final TextArea critique = new TextArea();
    private final ChoiceBox<CritiqueItem.ErrorType> itemType = new ChoiceBox<>();
    private final TextField itemNote = new TextField();
    private final ListView<CritiqueItem> itemList = new ListView<>();
    private final Button rateAndCritique = new Button("Rate and critique");
    private final Button addItem = new Button();
    private final Button removeItem = new Button();
    private final Button polish = new Button("Polish critique");
    private final Button revise = new Button("Revise");
    private final TextArea post = new TextArea();
    private final Label manual = new Label();
    private final Button saveCaption = new Button("Save caption");
    private final DiffView diff = new DiffView();
    private final Button submit = new Button("Submit for review");
    private final VBox rejectionBox = new VBox();
    private final Label error = new Label();
    private final Label saveStatus = new Label();

    public CaptionStepperView(CaptionStepperViewModel vm) {
        this.vm = vm;
        setId("captions-view");
        HBox bar = new HBox();
        bar.getStyleClass().add("aspect-bar");
        ToggleGroup aspects = new ToggleGroup();
        for (Aspect a : Aspect.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("aspect-" + a.key());
            b.setToggleGroup(aspects);
            b.setOnAction(e -> {
                vm.select(a);
                b.setSelected(true);
            });
            aspectButtons.put(a, b);
            bar.getChildren().add(b);
        }
        setTop(bar);

        heading.getStyleClass().add("chai-title");
        heading.setWrapText(true);
        lock.getStyleClass().add("lock-reason");
        lock.setId("lock-reason");
        lock.setWrapText(true);
        VBox body = new VBox();
        body.getStyleClass().add("captions-pane");
        if (vm.models().canned()) {
            Label canned = new Label("Demo model server: every generated text here is CANNED, not a model output.");
            canned.setWrapText(true);
            HBox banner = new HBox(canned);
            banner.setId("canned-banner");
            banner.getStyleClass().add("canned-banner");
            body.getChildren().add(banner);
        }
        body.getChildren().addAll(heading, lock, rejectionBox, approved);

        generate.setId("generate");
        generate.setOnAction(e -> vm.generate());
        cancel.setId("cancel-generate");
        cancel.setOnAction(e -> vm.cancel());
        progress.setMaxSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(vm.busyProperty());
        busyText.textProperty().bind(vm.busyTextProperty());
        busyText.setMinWidth(0);
        generate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        busyText.getStyleClass().add("chai-muted");
        pre.setId("pre-caption");
        pre.setEditable(false);
        pre.setWrapText(true);
        pre.setPrefRowCount(4);
        provenanceLine.getStyleClass().add("chai-muted");
        provenanceLine.setWrapText(true);
        prompt.setEditable(false);
        prompt.setWrapText(true);
        prompt.setPrefRowCount(8);
        prompt.setId("precaption-prompt");
        TitledPane details = new TitledPane("Model and prompt", new VBox(4, provenanceLine, prompt));
        details.setExpanded(false);
        details.setId("model-details");
        body.getChildren().addAll(section("1 · Pre-caption"), new HBox(6, generate, cancel, progress, busyText), pre,
                details);

        HBox faces = new HBox(4);
        ToggleGroup rates = new ToggleGroup();
        for (int i = 1; i <= 5; i++) {
            int score = i;
            ToggleButton b = new ToggleButton(i + " · " + RATING_WORDS[i - 1]);
            b.setTooltip(new javafx.scene.control.Tooltip(CaptionStepperViewModel.face(i) + " " + i + " (Alt+" + i
                    + ")"));
            b.setId("rate-" + i);
            b.getStyleClass().add("rating-button");
            b.setToggleGroup(rates);
            b.setOnAction(e -> vm.ratingProperty().set(b.isSelected() ? score : 0));
            rateButtons[i - 1] = b;
            faces.getChildren().add(b);
        }
        vm.ratingProperty().addListener((o, a, b) -> showRating());
        critique.setId("critique");
        critique.setWrapText(true);
        critique.setPrefRowCount(3);
        critique.setPromptText("What is wrong or missing? (required below 5)");
        critique.textProperty().bindBidirectional(vm.critiqueProperty());
        itemType.getItems().setAll(CritiqueItem.ErrorType.values());
        itemType.setValue(CritiqueItem.ErrorType.IMPRECISION);
        itemType.setId("item-type");
        itemNote.setPromptText("note for the selected span");
        itemNote.setId("item-note");
        HBox.setHgrow(itemNote, Priority.ALWAYS);
        addItem.setText("Add span item");
        addItem.setId("add-item");
        addItem.setOnAction(e -> addItemFromSelection());
        itemList.setId("critique-items");
        itemList.setItems(vm.items());
        itemList.setPrefHeight(70);
        itemList.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CritiqueItem it, boolean empty) {
                super.updateItem(it, empty);
                setText(empty || it == null ? null : it.type().name().toLowerCase(Locale.ROOT) + ": “" + it.text()
                        + "”" + (it.note().isBlank() ? "" : " — " + it.note()));
            }
        });
        removeItem.setText("Remove item");
        removeItem.setOnAction(e -> {
            int i = itemList.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.items().remove(i);
            }
        });
        rateAndCritique.setId("submit-critique");
        rateAndCritique.setOnAction(e -> vm.submitCritique());
        polish.setId("polish");
        polish.setOnAction(e -> vm.polish());
        revise.setId("revise");
        revise.setOnAction(e -> vm.revise());
        body.getChildren().addAll(section("2 · Rate and critique"), faces, critique,
                new HBox(6, itemType, itemNote, addItem, removeItem), itemList,
                new HBox(6, rateAndCritique, polish, revise));

        post.setId("post-caption");
        post.setWrapText(true);
        post.setPrefRowCount(4);
        post.textProperty().bindBidirectional(vm.captionProperty());
        post.textProperty().addListener((o, a, b) -> diff.show(vm.diff()));
        manual.getStyleClass().add("chai-muted");
        saveCaption.setId("save-caption");
        saveCaption.setOnAction(e -> vm.saveCaption());
        diff.setId("caption-diff");
        submit.setId("submit");
        submit.setDefaultButton(false);
        submit.setOnAction(e -> vm.submit());
        body.getChildren().addAll(section("3 · Post-caption"), post, new HBox(6, saveCaption, manual),
                new Label("Changes pre → post"), diff, new HBox(6, submit));

        error.setId("caption-error");
        error.getStyleClass().add("caption-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        saveStatus.setId("caption-save-status");
        saveStatus.getStyleClass().add("chai-muted");
        saveStatus.textProperty().bind(vm.saveStatusProperty());
        VBox bottom = new VBox(2, error, saveStatus);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        setBottom(bottom);

        vm.streamingTextProperty().addListener((o, a, b) -> showStreaming());
        vm.streamCallProperty().addListener((o, a, b) -> showModelDetails());
        vm.revisionProperty().addListener((o, a, b) -> refresh());
        vm.selectedProperty().addListener((o, a, b) -> refresh());
        vm.busyProperty().addListener((o, a, b) -> refresh());
        vm.userProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Adds a span item over the text selected in the pre-caption. */
    public void addItemFromSelection() {
        var sel = pre.getSelection();
        if (vm.addItem(sel.getStart(), sel.getEnd(), itemType.getValue(), itemNote.getText())) {
            itemNote.clear();
        }
    }

    public CaptionStepperViewModel viewModel() {
        return vm;
    }

    /** Moves the focus to the editor that fits the selected aspect's state. */
    public void focusCurrentStep() {
        AspectWork w = vm.current();
        switch (w.state()) {
            case NOT_STARTED -> generate.requestFocus();
            case PRECAPTIONED -> rateButtons[2].requestFocus();
            case CRITIQUED -> critique.requestFocus();
            default -> post.requestFocus();
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void showRating() {
        int r = vm.ratingProperty().get();
        for (int i = 0; i < 5; i++) {
            rateButtons[i].setSelected(r == i + 1);
        }
    }

    private void refresh() {
        for (Aspect a : Aspect.values()) {
            AspectWork w = vm.workProperty(a).get();
            boolean locked = vm.lockReason(a).isPresent();
            aspectButtons.get(a).setText(a.displayName() + "\n" + (locked ? "locked" : w.state().phrase()));
            aspectButtons.get(a).setSelected(a == vm.selectedProperty().get());
        }
        Aspect a = vm.selectedProperty().get();
        AspectWork w = vm.current();
        heading.setText(a.displayName() + " — " + w.state().phrase() + " · as " + vm.userProperty().get().id().value());
        lock.setText(vm.lockReason(a).orElse(""));
        lock.setVisible(!lock.getText().isEmpty());
        lock.setManaged(lock.isVisible());
        approved.getChildren().clear();
        vm.approvedBefore(a).forEach((earlier, text) -> {
            Label l = new Label(earlier.displayName() + " (approved): " + text);
            l.setWrapText(true);
            l.getStyleClass().add("approved-caption");
            approved.getChildren().add(l);
        });
        showStreaming();
        generate.setText(w.preCaption().isPresent() ? "Regenerate" : "Generate pre-caption");
        showModelDetails();
        showRating();
        boolean busy = vm.busyProperty().get();
        generate.setDisable(busy || !vm.allowed(Action.PRECAPTION) || vm.lockReason(a).isPresent());
        boolean canRate = vm.allowed(Action.RATE_AND_CRITIQUE) || vm.allowed(Action.EDIT_CRITIQUE);
        for (ToggleButton b : rateButtons) {
            b.setDisable(!vm.allowed(Action.RATE_AND_CRITIQUE));
        }
        critique.setEditable(canRate);
        addItem.setDisable(!canRate);
        removeItem.setDisable(!canRate);
        rateAndCritique.setDisable(!canRate);
        rateAndCritique.setText(w.state() == WorkflowState.PRECAPTIONED ? "Rate and critique" : "Save rating and critique");
        polish.setDisable(busy || !vm.allowed(Action.POLISH_CRITIQUE));
        revise.setDisable(busy || !vm.allowed(Action.REVISE));
        post.setEditable(vm.allowed(Action.EDIT_CAPTION));
        saveCaption.setDisable(!vm.allowed(Action.EDIT_CAPTION));
        manual.setText(w.postCaption().isEmpty() ? "" : vm.manuallyEdited() ? "edited by hand" : "as the reviser wrote it");
        submit.setDisable(!vm.allowed(Action.SUBMIT));
        diff.show(vm.diff());
        showRejection();
    }

    /** The pre-caption box: the text growing while it streams, else the stored pre-caption. */
    private void showStreaming() {
        String streaming = vm.streamingTextProperty().get();
        boolean live = vm.busyProperty().get() && !streaming.isEmpty();
        pre.setStyle(live ? "-fx-font-style: italic;" : "");
        if (live) {
            pre.setText(streaming);
            pre.positionCaret(streaming.length());
        } else {
            pre.setText(vm.current().preCaption().map(p -> p.text()).orElse(""));
        }
    }

    /**
     * "Model and prompt": while a pre-caption streams, the model, server and prompt of that request; otherwise the
     * stored pre-caption's provenance.
     */
    private void showModelDetails() {
        var call = vm.streamCallProperty().get();
        if (vm.busyProperty().get() && call.isPresent()) {
            var c = call.get();
            provenanceLine.setText("Streaming from model " + c.model() + " on " + c.server() + " · " + vm.models()
                    .describe());
            prompt.setText((c.systemPrompt().isBlank() ? "" : "SYSTEM:\n" + c.systemPrompt() + "\n\nUSER:\n")
                    + c.userPrompt());
            return;
        }
        Provenance p = vm.preCaptionProvenance().orElse(null);
        provenanceLine.setText(p == null ? "Server: " + vm.models().describe()
                : "Model " + p.model() + " on " + p.server() + " (" + p.dialect() + "), input " + p.mode());
        prompt.setText(p == null ? "" : p.systemPrompt().map(s -> "SYSTEM:\n" + s + "\n\nUSER:\n").orElse("")
                + p.prompt());
    }

    private void showRejection() {
        rejectionBox.getChildren().clear();
        rejectionBox.getStyleClass().remove("rejection-box");
        var r = vm.rejection().orElse(null);
        if (r == null) {
            vm.appealSummary().ifPresent(text -> {
                Label l = new Label(text);
                l.setId("appeal-summary");
                l.setWrapText(true);
                rejectionBox.getChildren().add(l);
            });
            if (vm.allowed(Action.REOPEN)) {
                rejectionBox.getChildren().add(reopenRow());
            }
            return;
        }
        rejectionBox.getStyleClass().add("rejection-box");
        rejectionBox.setId("rejection");
        Label title = new Label("Rejected by " + r.reviewer() + (r.reason().isBlank() ? "" : ": " + r.reason()));
        title.getStyleClass().add("chai-subtitle");
        Label crit = new Label("Their rating " + r.reviewerRating() + ", critique: " + r.reviewerCritique());
        crit.setWrapText(true);
        DiffView d = new DiffView();
        d.setId("rejection-diff");
        d.show(r.diff());
        rejectionBox.getChildren().addAll(title, crit, new Label("Your caption → the reviewer's caption"), d);
        vm.appealSummary().ifPresent(text -> {
            Label l = new Label(text);
            l.setId("appeal-summary");
            l.setWrapText(true);
            l.getStyleClass().add("appeal-summary");
            rejectionBox.getChildren().add(l);
        });
        if (vm.allowed(Action.APPEAL)) {
            TextField note = new TextField();
            note.setId("appeal-note");
            note.setPromptText("why the rejection is wrong");
            HBox.setHgrow(note, Priority.ALWAYS);
            Button appeal = new Button("Appeal");
            appeal.setId("appeal");
            appeal.setOnAction(e -> vm.appeal(note.getText()));
            rejectionBox.getChildren().add(new HBox(6, note, appeal));
        }
        if (vm.allowed(Action.RULE_ON_APPEAL)) {
            TextField reason = new TextField();
            reason.setId("ruling-reason");
            reason.setPromptText("reason for the ruling");
            HBox.setHgrow(reason, Priority.ALWAYS);
            Button uphold = new Button("Uphold rejection");
            uphold.setId("uphold");
            uphold.setOnAction(e -> vm.ruleOnAppeal(false, reason.getText()));
            Button overturn = new Button("Overturn (approve)");
            overturn.setId("overturn");
            overturn.setOnAction(e -> vm.ruleOnAppeal(true, reason.getText()));
            rejectionBox.getChildren().add(new HBox(6, reason, uphold, overturn));
        }
        if (vm.allowed(Action.REOPEN)) {
            rejectionBox.getChildren().add(reopenRow());
        }
    }

    private HBox reopenRow() {
        TextField reason = new TextField();
        reason.setId("reopen-reason");
        reason.setPromptText("why re-open (admin)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button reopen = new Button("Re-open for a fix");
        reopen.setId("reopen");
        reopen.setOnAction(e -> vm.reopen(reason.getText()));
        return new HBox(6, reason, reopen);
    }
}
