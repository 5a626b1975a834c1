// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.domain.Aspect;
import io.chai.model.store.WorkStates;
import io.chai.model.workflow.WorkflowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The library: a filter bar (text, state, aspect, assignee, tag; 'Next in my queue') over a virtualized table of
 * the project's clips (thumbnail, name, duration, fps, resolution, a state glyph per aspect, assignees, tags),
 * sortable on every column. Double-click or Enter opens a clip.
 */
public final class LibraryView extends BorderPane {
    public static final int THUMB_WIDTH = 72;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current-clip");
    private static final String ANY = "Any";
    private static final String UNASSIGNED = "(unassigned)";

    private final LibraryViewModel vm;
    private final TableView<LibraryRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<WorkflowState> state = new ComboBox<>();
    private final ComboBox<Aspect> aspect = new ComboBox<>();
    private final ComboBox<String> assignee = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final Supplier<String> currentClip;
    private final PauseTransition typing = new PauseTransition(Duration.millis(200));

    /**
     * @param thumbnails  thumbnails by clip id (null: no thumbnail column)
     * @param currentClip the clip on screen (its row is bold)
     * @param open        opens a clip id
     * @param nextInQueue the 'Next in my queue' action
     */
    public LibraryView(LibraryViewModel vm, ThumbnailCache<Image> thumbnails, Supplier<String> currentClip,
            Consumer<String> open, Runnable nextInQueue, String nextKey) {
        this.vm = Objects.requireNonNull(vm);
        this.currentClip = currentClip;
        getStyleClass().add("library");
        var css = LibraryView.class.getResource("library.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        search.setId("library-search");
        search.setPromptText("Search names, captions, critiques…");
        search.setAccessibleText("Search clip names, external ids, captions, critiques and reviews");
        HBox.setHgrow(search, Priority.ALWAYS);
        typing.setOnFinished(e -> vm.filterProperty().set(vm.filterProperty().get().withText(search.getText())));
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            vm.filterProperty().set(vm.filterProperty().get().withText(search.getText()));
        });

        state.setId("library-state");
        state.getItems().add(null);
        state.getItems().addAll(WorkflowState.values());
        state.setButtonCell(cell(s -> s == null ? "Any state" : s.phrase()));
        state.setCellFactory(l -> cell(s -> s == null ? "Any state" : LibraryRow.glyph(s) + "  " + s.phrase()));
        state.setAccessibleText("Filter by state");
        state.valueProperty().addListener((o, a, b) -> vm.filterProperty().set(vm.filterProperty().get().withState(b)));

        aspect.setId("library-aspect");
        aspect.getItems().add(null);
        aspect.getItems().addAll(Aspect.values());
        aspect.setButtonCell(cell(a -> a == null ? "Any aspect" : a.displayName()));
        aspect.setCellFactory(l -> cell(a -> a == null ? "Any aspect" : a.displayName()));
        aspect.setAccessibleText("Filter by aspect");
        aspect.valueProperty().addListener((o, a, b) -> vm.filterProperty().set(vm.filterProperty().get().withAspect(b)));

        assignee.setId("library-assignee");
        assignee.setAccessibleText("Filter by assignee");
        assignee.setButtonCell(cell(s -> s == null || s.equals(ANY) ? "Anyone" : s));
        assignee.setCellFactory(l -> cell(s -> s == null || s.equals(ANY) ? "Anyone" : s));
        fillChoices(assignee, vm.assignees(), UNASSIGNED);
        vm.assignees().addListener((javafx.collections.ListChangeListener<String>) c ->
                fillChoices(assignee, vm.assignees(), UNASSIGNED));
        assignee.valueProperty().addListener((o, a, b) -> vm.filterProperty().set(vm.filterProperty().get()
                .withAssignee(b == null || b.equals(ANY) ? null : b.equals(UNASSIGNED) ? "" : b)));

        tag.setId("library-tag");
        tag.setAccessibleText("Filter by tag");
        tag.setButtonCell(cell(s -> s == null || s.equals(ANY) ? "Any tag" : s));
        tag.setCellFactory(l -> cell(s -> s == null || s.equals(ANY) ? "Any tag" : s));
        fillChoices(tag, vm.tags(), null);
        vm.tags().addListener((javafx.collections.ListChangeListener<String>) c -> fillChoices(tag, vm.tags(), null));
        tag.valueProperty().addListener((o, a, b) -> vm.filterProperty().set(vm.filterProperty().get()
                .withTag(b == null || b.equals(ANY) ? null : b)));

        Button clear = new Button("Clear");
        clear.setId("library-clear");
        clear.setTooltip(new Tooltip("Show every clip"));
        clear.setOnAction(e -> clearFilters());
        Button next = new Button("Next in my queue");
        next.setId("library-next");
        next.setTooltip(new Tooltip("Open the next clip assigned to you that still needs work (" + nextKey + ")"));
        next.setOnAction(e -> nextInQueue.run());
        HBox row1 = new HBox(search, clear, next);
        row1.getStyleClass().add("library-bar");
        HBox row2 = new HBox(state, aspect, assignee, tag);
        row2.getStyleClass().add("library-bar");
        VBox bar = new VBox(row1, row2);

        Label status = new Label();
        status.setId("library-status");
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                !vm.errorProperty().get().isEmpty() ? vm.errorProperty().get()
                        : (vm.loadingProperty().get() ? "Loading… " : "") + vm.statusProperty().get(),
                vm.errorProperty(), vm.loadingProperty(), vm.statusProperty()));
        status.getStyleClass().add("chai-muted");
        Label legend = new Label("· not started  ◔ pre-captioned  ◑ critiqued  ◕ revised  ● submitted  ✔ approved"
                + "  ✘ rejected");
        legend.getStyleClass().add("chai-muted");
        HBox foot = new HBox(status, legend);
        foot.getStyleClass().add("library-legend");
        setTop(bar);
        setBottom(foot);

        table.setId("library-table");
        table.getStyleClass().add("library-table");
        table.setItems(vm.rows());
        table.setFixedCellSize(THUMB_WIDTH * 9 / 16 + 8);
        table.setPlaceholder(new Label("No clips match these filters."));
        table.setAccessibleText("Clips of the project");
        List<TableColumn<LibraryRow, ?>> cols = new ArrayList<>();
        if (thumbnails != null) {
            TableColumn<LibraryRow, LibraryRow> thumb = new TableColumn<>("");
            thumb.setSortable(false);
            thumb.setPrefWidth(THUMB_WIDTH + 10);
            thumb.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            thumb.setCellFactory(c -> new ThumbnailCell(thumbnails));
            cols.add(thumb);
        }
        cols.add(text(LibraryColumn.ORDER, r -> Long.toString(r.clipNo()), 48));
        cols.add(text(LibraryColumn.NAME, LibraryRow::name, 190));
        cols.add(text(LibraryColumn.DURATION, LibraryRow::duration, 70));
        cols.add(text(LibraryColumn.FPS, LibraryRow::fps, 56));
        cols.add(text(LibraryColumn.RESOLUTION, LibraryRow::resolution, 86));
        for (Aspect a : Aspect.values()) {
            TableColumn<LibraryRow, LibraryRow> c = new TableColumn<>(a.displayName().substring(0, 3));
            c.setUserData(LibraryColumn.of(a));
            c.setPrefWidth(42);
            c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
            int index = a.ordinal();
            c.setCellFactory(x -> new StateCell(index, a));
            cols.add(c);
        }
        cols.add(text(LibraryColumn.ASSIGNEE, LibraryRow::assignees, 90));
        cols.add(text(LibraryColumn.TAGS, LibraryRow::tags, 110));
        table.getColumns().setAll(cols);
        table.setSortPolicy(t -> {
            List<SortKey> keys = new ArrayList<>();
            for (TableColumn<LibraryRow, ?> c : t.getSortOrder()) {
                if (c.getUserData() instanceof LibraryColumn lc) {
                    keys.add(new SortKey(lc, c.getSortType() == TableColumn.SortType.ASCENDING));
                }
            }
            if (!keys.equals(vm.sortOrder())) {
                vm.sortOrder().setAll(keys);
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<LibraryRow> row = new TableRow<>() {
                @Override
                protected void updateItem(LibraryRow item, boolean empty) {
                    super.updateItem(item, empty);
                    String cur = currentClip == null ? null : currentClip.get();
                    pseudoClassStateChanged(CURRENT, !empty && item != null && item.clipId().equals(cur));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().clipId());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem().clipId());
                e.consume();
            }
        });
        setCenter(new VBox(table));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    public TableView<LibraryRow> table() {
        return table;
    }

    public TextField searchField() {
        return search;
    }

    public LibraryViewModel viewModel() {
        return vm;
    }

    /** Resets every filter. */
    public void clearFilters() {
        typing.stop();
        search.clear();
        state.setValue(null);
        aspect.setValue(null);
        assignee.setValue(ANY);
        tag.setValue(ANY);
        vm.filterProperty().set(LibraryFilter.ALL);
    }

    /** Redraws the rows (the current clip's mark). */
    public void refreshRows() {
        table.refresh();
    }

    /** Selects and scrolls to a clip when it is shown. */
    public void reveal(String clipId) {
        int i = vm.indexOf(clipId);
        if (i >= 0) {
            table.getSelectionModel().clearAndSelect(i);
            table.scrollTo(Math.max(0, i - 3));
        }
    }

    /** Focuses the table (or the search field when the table is empty). */
    public void focus() {
        if (table.getItems().isEmpty()) {
            search.requestFocus();
        } else {
            table.requestFocus();
            if (table.getSelectionModel().getSelectedIndex() < 0) {
                table.getSelectionModel().select(0);
            }
        }
    }

    private static void fillChoices(ComboBox<String> box, List<String> names, String extra) {
        String keep = box.getValue();
        List<String> items = new ArrayList<>();
        items.add(ANY);
        if (extra != null) {
            items.add(extra);
        }
        items.addAll(names);
        box.getItems().setAll(items);
        box.setValue(keep != null && items.contains(keep) ? keep : ANY);
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    private static TableColumn<LibraryRow, String> text(LibraryColumn col,
            java.util.function.Function<LibraryRow, String> value, double width) {
        TableColumn<LibraryRow, String> c = new TableColumn<>(col.title());
        c.setUserData(col);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        return c;
    }

    /** A state glyph with the state in words as tooltip and accessible text. */
    private static final class StateCell extends TableCell<LibraryRow, LibraryRow> {
        private final int index;
        private final Aspect aspect;
        private final Tooltip tip = new Tooltip();
        private String styled;

        StateCell(int index, Aspect aspect) {
            this.index = index;
            this.aspect = aspect;
            getStyleClass().add("library-state");
        }

        @Override
        protected void updateItem(LibraryRow item, boolean empty) {
            super.updateItem(item, empty);
            // style classes change only when the state does: changing them on every update re-applies CSS, which
            // lays the table out again, which updates the cells again (a layout loop)
            String want = empty || item == null ? null : "state-" + WorkStates.id(item.state(index));
            if (!Objects.equals(want, styled)) {
                if (styled != null) {
                    getStyleClass().remove(styled);
                }
                if (want != null) {
                    getStyleClass().add(want);
                }
                styled = want;
            }
            if (want == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            WorkflowState s = item.state(index);
            setText(LibraryRow.glyph(s));
            tip.setText(aspect.displayName() + ": " + s.phrase());
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
            setAccessibleText(aspect.displayName() + " " + s.phrase());
        }
    }

    /** The row's thumbnail, requested when the cell shows a clip and forgotten when it shows another. */
    private static final class ThumbnailCell extends TableCell<LibraryRow, LibraryRow> {
        private final ThumbnailCache<Image> cache;
        private final ImageView view = new ImageView();
        private final Consumer<Image> ready = img -> view.setImage(img);
        private String showing;

        ThumbnailCell(ThumbnailCache<Image> cache) {
            this.cache = cache;
            view.setFitWidth(THUMB_WIDTH);
            view.setFitHeight(THUMB_WIDTH * 9 / 16);
            view.setPreserveRatio(true);
            setGraphic(view);
        }

        @Override
        protected void updateItem(LibraryRow item, boolean empty) {
            super.updateItem(item, empty);
            String id = empty || item == null ? null : item.clipId();
            if (Objects.equals(id, showing)) {
                return;
            }
            if (showing != null) {
                cache.forget(showing, ready);
            }
            showing = id;
            view.setImage(id == null ? null : cache.get(id, ready));
        }
    }
}
