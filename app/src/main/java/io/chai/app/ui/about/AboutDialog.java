// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.about;

import io.chai.app.about.VersionReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help > About: the same lines as {@code chai --version} (version, build time, commit; Java, JavaFX, FFmpeg and
 * libVLC found at run time; the settings and log folders) in a small window, with Copy to put them on the clipboard
 * for a bug report. The versions are probed off the JavaFX thread.
 */
public final class AboutDialog {
    private final Stage stage = new Stage();
    private final GridPane grid = new GridPane();
    private final Label status = new Label("Looking for FFmpeg and libVLC…");
    private volatile VersionReport report;

    private AboutDialog(Window owner, List<String> stylesheets, String rootStyle, java.nio.file.Path settingsDir) {
        stage.setTitle("About CHAI Workstation");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Label title = new Label("CHAI Workstation");
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label blurb = new Label("Turns video clips into structured captions: training data for video-language models.\n"
                + "Free software under the GNU GPL, version 3 or later.");
        blurb.setWrapText(true);
        HBox head = new HBox(14, icon(), new VBox(4, title, blurb));
        grid.setHgap(12);
        grid.setVgap(4);
        Button copy = new Button("Copy");
        copy.setDisable(true);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(report.text());
            Clipboard.getSystemClipboard().setContent(c);
            status.setText("Copied to the clipboard.");
        });
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, spacer, copy, close);
        VBox root = new VBox(14, head, grid, buttons);
        root.setPadding(new Insets(18));
        root.setStyle(rootStyle);
        Scene scene = new Scene(root, 620, 330);
        scene.getStylesheets().setAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
        CompletableFuture.supplyAsync(() -> VersionReport.current().withSettings(settingsDir)).whenComplete((r, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText("Could not read the versions: " + error.getMessage());
                return;
            }
            report = r;
            fill(r.lines());
            status.setText("");
            copy.setDisable(false);
        }));
    }

    /**
     * Opens the About window over {@code owner} (may be null) with the owner's style sheets and root style (theme
     * and font scale).
     */
    public static AboutDialog show(Window owner, List<String> stylesheets, String rootStyle,
            java.nio.file.Path settingsDir) {
        AboutDialog d = new AboutDialog(owner, stylesheets, rootStyle, settingsDir);
        d.stage.show();
        d.stage.toFront();
        return d;
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }

    /** Whether the versions have been probed and are on screen. */
    public boolean ready() {
        return report != null;
    }

    private void fill(List<String> lines) {
        grid.getChildren().clear();
        int row = 0;
        for (String line : lines) {
            int sp = line.indexOf(' ');
            String word = sp < 0 ? line : line.substring(0, sp);
            // "chai 1.0" -> Version, "built …" -> Built, "libVLC …" stays
            String name = word.equals("chai") ? "Version"
                    : Character.isLowerCase(word.charAt(0)) && word.chars().skip(1).allMatch(Character::isLowerCase)
                    ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
            Label key = new Label(name);
            key.setStyle("-fx-font-weight: bold;");
            Label value = new Label(sp < 0 ? "" : line.substring(sp + 1));
            value.setWrapText(true);
            grid.addRow(row++, key, value);
        }
    }

    private static ImageView icon() {
        var url = AboutDialog.class.getResource("chai-128.png");
        ImageView v = url == null ? new ImageView() : new ImageView(new Image(url.toExternalForm(), 72, 72, true, true));
        v.setFitWidth(72);
        v.setPreserveRatio(true);
        return v;
    }
}
