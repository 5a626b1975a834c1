// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions;

import io.chai.app.ui.captions.viewmodel.ReviewViewModel;
import io.chai.app.ui.diff.DiffView;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.workflow.AspectWork;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Review mode: on top, what the project's roles mean here (none recorded, or why the user does not review) and
 * Team… (the roles editor); the queue of submitted items (never the current user's own; empty and disabled for a
 * user who is neither reviewer nor admin) on the left; on the right the
 * pre-caption and the annotator's post-caption side by side, the annotator's rating and critique with its span
 * items, the word diff pre → post, and the decision: approve, or reject with the reviewer's own rating, critique
 * and caption.
 */
public final class ReviewView extends BorderPane {
    private final ReviewViewModel vm;
    private final ListView<ReviewViewModel.Item> queue = new ListView<>();
    private final Label heading = new Label();
    private final TextArea pre = readOnly("review-pre");
    private final TextArea post = readOnly("review-post");
    private final Label ratingLine = new Label();
    private final TextArea critique = readOnly("review-critique");
    private final DiffView diff = new DiffView();
    private final TextField reason = new TextField();
    private final ChoiceBox<Integer> redoRating = new ChoiceBox<>();
    private final TextArea redoCritique = new TextArea();
    private final TextArea redoCaption = new TextArea();
    private final Button approve = new Button("Approve");
    private final Button reject = new Button("Reject with my version");
    private final VBox detail = new VBox();
    private final Label empty = new Label("Nothing to review: no submitted items by others.");
    private final Label rolesNotice = new Label();

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        setId("review-view");
        queue.setId("review-queue");
        queue.setItems(vm.queue());
        queue.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        Label qTitle = new Label("Submitted, waiting for review");
        qTitle.getStyleClass().add("chai-subtitle");
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        VBox left = new VBox(6, qTitle, queue, refresh);
        left.setPadding(new Insets(8));
        VBox.setVgrow(queue, Priority.ALWAYS);

        heading.getStyleClass().add("chai-title");
        heading.setWrapText(true);
        diff.setId("review-diff");
        GridPane sideBySide = new GridPane();
        sideBySide.setHgap(8);
        sideBySide.setVgap(4);
        sideBySide.add(new Label("Pre-caption"), 0, 0);
        sideBySide.add(new Label("Annotator's post-caption"), 1, 0);
        sideBySide.add(pre, 0, 1);
        sideBySide.add(post, 1, 1);
        var c = new javafx.scene.layout.ColumnConstraints();
        c.setPercentWidth(50);
        sideBySide.getColumnConstraints().addAll(c, c);
        ratingLine.setWrapText(true);
        reason.setId("review-reason");
        reason.setPromptText("reason (optional for approval)");
        approve.setId("approve");
        approve.setOnAction(e -> vm.approve(reason.getText()));
        redoRating.getItems().setAll(1, 2, 3, 4, 5);
        redoRating.setValue(3);
        redoRating.setId("redo-rating");
        redoCritique.setId("redo-critique");
        redoCritique.setPromptText("your critique");
        redoCritique.setWrapText(true);
        redoCritique.setPrefRowCount(3);
        redoCaption.setId("redo-caption");
        redoCaption.setPromptText("your caption");
        redoCaption.setWrapText(true);
        redoCaption.setPrefRowCount(3);
        reject.setId("reject");
        reject.setOnAction(e -> vm.reject(redoRating.getValue(), redoCritique.getText(), redoCaption.getText(),
                reason.getText()));
        Label error = new Label();
        error.setId("review-error");
        error.getStyleClass().add("caption-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label status = new Label();
        status.setId("review-status");
        status.getStyleClass().add("chai-muted");
        status.textProperty().bind(vm.statusProperty());
        detail.getStyleClass().add("captions-pane");
        detail.getChildren().addAll(heading, sideBySide, ratingLine, critique, new Label("Changes pre → post"), diff,
                reason, new HBox(6, approve), section("Or reject: your own version (the annotator's is kept as the"
                        + " negative example)"), new HBox(6, new Label("Your rating"), redoRating), redoCritique,
                redoCaption, new HBox(6, reject), error, status);
        empty.getStyleClass().add("chai-muted");
        empty.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, new VBox(empty, scroll));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        split.setDividerPositions(0.3);
        setCenter(split);
        rolesNotice.setId("roles-notice");
        rolesNotice.setWrapText(true);
        rolesNotice.getStyleClass().add("chai-muted");
        rolesNotice.textProperty().bind(vm.rolesNoticeProperty());
        rolesNotice.visibleProperty().bind(vm.rolesNoticeProperty().isNotEmpty());
        rolesNotice.managedProperty().bind(rolesNotice.visibleProperty());
        rolesNotice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(rolesNotice, Priority.ALWAYS);
        Button team = new Button("Team…");
        team.setId("team");
        team.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        team.setOnAction(e -> new TeamDialog(vm).show());
        HBox top = new HBox(8, rolesNotice, team);
        top.setPadding(new Insets(4, 8, 0, 8));
        top.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        setTop(top);
        split.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.mayReview(),
                vm.userProperty()));

        vm.workProperty().addListener((o, a, b) -> show());
        vm.userProperty().addListener((o, a, b) -> show());
        show();
    }

    public ReviewViewModel viewModel() {
        return vm;
    }

    /** Focuses the queue. */
    public void focusQueue() {
        queue.requestFocus();
    }

    private static Label section(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }

    private static TextArea readOnly(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.setPrefRowCount(4);
        return t;
    }

    private void show() {
        AspectWork w = vm.workProperty().get();
        boolean has = w != null;
        detail.setVisible(has);
        empty.setVisible(!has);
        empty.setManaged(!has);
        if (vm.selectedProperty().get() != queue.getSelectionModel().getSelectedItem()) {
            queue.getSelectionModel().select(vm.selectedProperty().get());
        }
        if (!has) {
            return;
        }
        ReviewViewModel.Item item = vm.selectedProperty().get();
        heading.setText(item.aspect().displayName() + " of " + item.clipName() + " — submitted by " + item.submitter()
                + " · reviewing as " + vm.userProperty().get().id().value());
        pre.setText(w.preCaption().map(p -> p.text()).orElse(""));
        post.setText(w.postCaption().map(p -> p.text() + (p.manuallyEdited() ? "\n(edited by hand)" : ""))
                .orElse(""));
        ratingLine.setText("Annotator's rating: " + w.rating().map(r -> r.face() + " " + r.score()).orElse("–")
                + " · critique" + w.critique().map(cr -> cr.polished().isPresent() ? " (polished)" : "").orElse("")
                + ":");
        critique.setText(w.critique().map(cr -> cr.finalText() + (cr.items().isEmpty() ? "" : "\n\nSpan items:\n"
                + cr.items().stream().map(ReviewView::item).collect(Collectors.joining("\n")))).orElse(""));
        diff.show(vm.diff());
        redoCritique.setText(w.critique().map(cr -> cr.finalText()).orElse(""));
        redoCaption.setText(w.postCaption().map(p -> p.text()).orElse(""));
        redoRating.setValue(w.rating().map(r -> r.score()).orElse(3));
        reason.clear();
    }

    private static String item(CritiqueItem i) {
        return "• " + i.type().name().toLowerCase(Locale.ROOT) + ": “" + i.text() + "”"
                + (i.note().isBlank() ? "" : " — " + i.note());
    }
}
