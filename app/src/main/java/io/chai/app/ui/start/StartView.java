// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.start;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The start screen: recent projects (double-click or Enter opens one), Open project… (a project.chai, a database
 * or a folder), New project (name + folder, like {@code chai init}), and the demo project.
 */
public final class StartView extends BorderPane {
    private final StartViewModel vm;
    private final ListView<Path> recent = new ListView<>();
    private final TextField newName = new TextField();
    private final TextField newFolder = new TextField();

    public StartView(StartViewModel vm) {
        this.vm = vm;
        getStyleClass().add("start-screen");
        setPadding(new Insets(28, 36, 28, 36));
        Label title = new Label("CHAI Workstation");
        title.setStyle("-fx-font-size: 2em; -fx-font-weight: bold;");
        Label subtitle = new Label("Structured captions for video: open a project, create one, or try the demo.");
        subtitle.getStyleClass().add("chai-muted");
        VBox head = new VBox(4, title, subtitle);
        head.setPadding(new Insets(0, 0, 18, 0));
        setTop(head);

        Label recentTitle = new Label("Recent projects");
        recentTitle.setStyle("-fx-font-weight: bold;");
        recent.setId("start-recent");
        recent.setItems(vm.recentProjects());
        recent.setPlaceholder(new Label("No recent projects yet."));
        recent.setAccessibleText("Recent projects");
        recent.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    return;
                }
                boolean there = Files.isDirectory(p);
                setText((p.getFileName() == null ? p.toString() : p.getFileName().toString()) + "\n" + p
                        + (there ? "" : "  (missing)"));
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                vm.openRecent(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
                vm.openRecent(recent.getSelectionModel().getSelectedItem());
            }
        });
        VBox left = new VBox(8, recentTitle, recent);
        VBox.setVgrow(recent, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        Button open = wide(new Button("Open project…"));
        open.setId("start-open");
        open.setOnAction(e -> chooseAndOpen());
        Button demo = wide(new Button("Open the demo project"));
        demo.setId("start-demo");
        demo.setOnAction(e -> vm.openDemo());
        Label demoNote = new Label("Three generated clips and a canned model server: every generated text says it "
                + "is canned.");
        demoNote.setWrapText(true);
        demoNote.getStyleClass().add("chai-muted");

        Label newTitle = new Label("New project");
        newTitle.setStyle("-fx-font-weight: bold;");
        newName.setId("start-new-name");
        newName.setPromptText("Project name");
        newFolder.setId("start-new-folder");
        newFolder.setPromptText("Folder to create it in");
        newFolder.setText(System.getProperty("user.home", ""));
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder to create the project in");
            File f = dc.showDialog(window());
            if (f != null) {
                newFolder.setText(f.getPath());
            }
        });
        HBox folderRow = new HBox(4, newFolder, browse);
        HBox.setHgrow(newFolder, Priority.ALWAYS);
        Button create = wide(new Button("Create project"));
        create.setId("start-create");
        create.setOnAction(e -> vm.create(newFolder.getText().isBlank() ? null : Path.of(newFolder.getText().strip()),
                newName.getText()));
        Label createNote = new Label("Makes a folder of that name with the project database and project.chai, "
                + "like 'chai init'. Import clips with 'chai import'.");
        createNote.setWrapText(true);
        createNote.getStyleClass().add("chai-muted");
        VBox right = new VBox(10, open, demo, demoNote, new Label(""), newTitle, newName, folderRow, create,
                createNote);
        right.setPrefWidth(360);
        right.setMinWidth(320);
        HBox body = new HBox(28, left, right);
        setCenter(body);

        Label error = new Label();
        error.setId("start-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c9302c;");
        error.textProperty().bind(vm.errorProperty());
        BorderPane.setAlignment(error, Pos.CENTER_LEFT);
        BorderPane.setMargin(error, new Insets(12, 0, 0, 0));
        setBottom(error);
    }

    private static Button wide(Button b) {
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Lets the user pick a project.chai, a chai-project.db or (cancelled) a folder, and opens it. */
    public void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a CHAI project");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CHAI projects", "*.chai", "*.db"));
        File f = fc.showOpenDialog(window());
        if (f == null) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Or choose the project folder");
            f = dc.showDialog(window());
        }
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    public ListView<Path> recentList() {
        return recent;
    }
}
