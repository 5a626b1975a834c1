// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.shortcuts;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The keyboard cheat sheet (F1): every action with its key. A row's key can be changed (press the new key) or
 * reset; clashes are refused with a message and nothing changes. {@code onChanged} persists the overrides.
 */
public final class CheatSheet extends VBox {
    private final ShortcutRegistry registry;
    private final Runnable onChanged;
    private final TableView<ShortcutRegistry.CheatSheetRow> table = new TableView<>();
    private final Label status = new Label();
    private EventHandler<KeyEvent> capture;

    public CheatSheet(ShortcutRegistry registry, Runnable onChanged) {
        this.registry = registry;
        this.onChanged = onChanged;
        setId("cheat-sheet");
        getStyleClass().add("cheat-sheet");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("chai-title");
        TableColumn<ShortcutRegistry.CheatSheetRow, String> cat = new TableColumn<>("Area");
        cat.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        cat.setPrefWidth(110);
        TableColumn<ShortcutRegistry.CheatSheetRow, String> desc = new TableColumn<>("Action");
        desc.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
        desc.setPrefWidth(320);
        TableColumn<ShortcutRegistry.CheatSheetRow, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setPrefWidth(150);
        table.getColumns().add(cat);
        table.getColumns().add(desc);
        table.getColumns().add(key);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setAccessibleText("Keyboard shortcuts");
        VBox.setVgrow(table, Priority.ALWAYS);
        Button change = new Button("Change key…");
        change.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        change.setOnAction(e -> startCapture());
        Button reset = new Button("Reset to default");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reset.setOnAction(e -> {
            var row = table.getSelectionModel().getSelectedItem();
            try {
                registry.resetToDefault(row.actionId());
                status.setText("");
                changed();
            } catch (IllegalArgumentException ex) {
                status.setText(ex.getMessage());
            }
        });
        status.setWrapText(true);
        status.setText("Select an action and press 'Change key…' to remap it. Escape or F1 closes this window.");
        status.setId("cheat-sheet-status");
        getChildren().addAll(title, table, new HBox(8, change, reset), status);
        refresh();
    }

    private void startCapture() {
        var row = table.getSelectionModel().getSelectedItem();
        if (row == null || getScene() == null) {
            return;
        }
        status.setText("Press the new key for '" + row.description() + "' (Escape cancels)…");
        capture = e -> {
            if (e.getCode().isModifierKey()) {
                return;
            }
            e.consume();
            getScene().removeEventFilter(KeyEvent.KEY_PRESSED, capture);
            if (e.getCode() == KeyCode.ESCAPE) {
                status.setText("");
                return;
            }
            try {
                registry.rebind(row.actionId(), KeyChord.of(e).toString());
                status.setText(row.description() + " is now " + KeyChord.of(e));
                changed();
            } catch (IllegalArgumentException ex) {
                status.setText(ex.getMessage());
            }
        };
        getScene().addEventFilter(KeyEvent.KEY_PRESSED, capture);
    }

    private void changed() {
        int sel = table.getSelectionModel().getSelectedIndex();
        refresh();
        table.getSelectionModel().select(sel);
        onChanged.run();
    }

    private void refresh() {
        table.setItems(FXCollections.observableArrayList(registry.cheatSheet()));
    }
}
