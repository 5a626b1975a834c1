// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.checklist.ChecklistView;
import io.chai.app.ui.checklist.TutorialCard;
import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.edit.EditHistory;
import io.chai.app.ui.frames.FrameLoader;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.notify.NotificationsView;
import io.chai.app.ui.player.PlayerView;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.settings.FontScale;
import io.chai.app.ui.settings.Theme;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.app.ui.shortcuts.CheatSheet;
import io.chai.app.ui.shortcuts.ShortcutDispatcher;
import io.chai.app.ui.shortcuts.ShortcutRegistry;
import io.chai.app.ui.tasks.TaskCenter;
import io.chai.app.ui.tasks.TaskPanel;
import io.chai.common.UserFacingException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The workstation's main window: menu bar, player with the tutorial card under it, the primitive checklist,
 * status bar (saved state, tasks, theme), task panel and notifications. Owns the window-wide services
 * (shortcuts, tasks, notifications, undo, autosave, settings) and wires them to the views.
 */
public final class MainWindow {
    public static final String BASE_CSS = "theme/base.css";
    public static final Duration AUTOSAVE_DELAY = Duration.millis(800);

    private final WorkstationContent content;
    private final WorkstationSettings settings;
    private final NotificationCenter notifications = new NotificationCenter();
    private final TaskCenter tasks = new TaskCenter(notifications);
    private final ShortcutRegistry shortcuts = new ShortcutRegistry();
    private final ShortcutDispatcher dispatcher = new ShortcutDispatcher(shortcuts);
    private final EditHistory history = new EditHistory();
    private final ExecutorService decodeThread;
    private final FrameLoader loader;
    private final ChecklistViewModel checklist;
    private final PlayerViewModel player;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final PlayerView playerView;
    private final ChecklistView checklistView;
    private final TaskPanel taskPanel;
    private final SplitPane mainSplit;
    private final SplitPane leftSplit;
    private final Label saveState = new Label();
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private final List<MenuItem> keyedItems = new ArrayList<>();
    private Theme theme;
    private double fontScale;
    private Stage cheatSheetStage;
    private Stage stage;
    private LocalTime lastSaved;

    public MainWindow(WorkstationContent content, WorkstationSettings settings) {
        this.content = content;
        this.settings = settings;
        this.theme = settings.theme();
        this.fontScale = settings.fontScale();
        decodeThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chai-decode");
            t.setDaemon(true);
            return t;
        });
        PlayerViewModel[] holder = new PlayerViewModel[1];
        loader = new FrameLoader(content.clip(), decodeThread, Platform::runLater,
                p -> holder[0].frameDecoded(p),
                e -> notifications.error("Cannot decode a frame of " + content.clip().name() + ": " + e.getMessage(), e));
        player = new PlayerViewModel(content.clip(), loader::request);
        holder[0] = player;
        player.start();
        checklist = new ChecklistViewModel(content.specification(), history);
        try {
            checklist.load(content.answers().load());
        } catch (UserFacingException e) {
            notifications.error(e.getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            notifications.error("Saved answers do not fit specification " + content.specification().id() + ": "
                    + e.getMessage() + "; starting empty (the file stays until the next save)", e);
        }

        playerView = new PlayerView(player, tasks, notifications);
        checklistView = new ChecklistView(checklist);
        TutorialCard tutorial = new TutorialCard(checklist);
        leftSplit = new SplitPane(playerView, tutorial);
        leftSplit.setOrientation(Orientation.VERTICAL);
        leftSplit.setDividerPositions(settings.divider("left", 0.72));
        mainSplit = new SplitPane(leftSplit, checklistView);
        mainSplit.setDividerPositions(settings.divider("main", 0.56));
        NotificationsView toasts = new NotificationsView(notifications);
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
        StackPane center = new StackPane(mainSplit, toasts);
        taskPanel = new TaskPanel(tasks);
        taskPanel.setVisible(false);
        taskPanel.setManaged(false);

        registerShortcuts();
        root.setTop(menuBar());
        root.setCenter(center);
        root.setBottom(new VBox(taskPanel, statusBar()));
        scene = new Scene(root, 1480, 920);
        dispatcher.install(scene);
        applyTheme(theme);
        applyFontScale(fontScale);
        for (String problem : shortcuts.applyOverrides(settings.shortcutOverrides())) {
            notifications.warning(problem);
        }
        refreshMenuKeys();
        shortcuts.revisionProperty().addListener((o, a, b) -> refreshMenuKeys());

        autosave.setOnFinished(e -> save());
        // every change (re)starts the autosave delay; save() writes whatever is current when it fires
        checklist.revisionProperty().addListener((o, a, b) -> autosave.playFromStart());
        checklist.dirtyProperty().addListener((o, a, b) -> showSaveState(null));
        showSaveState(null);
    }

    /** Shows the window on {@code stage}, restoring the remembered size and position. */
    public void show(Stage stage) {
        this.stage = stage;
        stage.setTitle("CHAI Workstation — " + content.title());
        stage.setScene(scene);
        settings.windowBounds().ifPresent(b -> {
            boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height()))
                    .isEmpty();
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
                stage.setWidth(b.width());
                stage.setHeight(b.height());
            }
            stage.setMaximized(b.maximized());
        });
        stage.setOnCloseRequest(e -> close());
        stage.show();
        playerView.focusVideo();
    }

    /** Saves answers and settings and releases the decoder; called when the window closes. */
    public void close() {
        autosave.stop();
        if (checklist.dirtyProperty().get()) {
            save();
        }
        try {
            if (stage != null) {
                settings.setWindowBounds(new WorkstationSettings.WindowBounds(stage.getX(), stage.getY(),
                        stage.getWidth(), stage.getHeight(), stage.isMaximized()));
            }
            settings.setDivider("main", mainSplit.getDividerPositions()[0]);
            settings.setDivider("left", leftSplit.getDividerPositions()[0]);
            settings.setTheme(theme);
            settings.setFontScale(fontScale);
            settings.setShortcutOverrides(shortcuts.overrides());
            settings.save();
        } catch (RuntimeException e) {
            System.err.println("chai: " + e.getMessage());
        }
        playerView.stop();
        loader.close();
        tasks.close();
        decodeThread.shutdownNow();
        if (cheatSheetStage != null) {
            cheatSheetStage.close();
        }
        content.clip().close();
        try {
            content.answers().close();
        } catch (RuntimeException e) {
            System.err.println("chai: " + e.getMessage());
        }
    }

    /** Writes the answers now; a failure becomes an error notification and the state stays unsaved. */
    public boolean save() {
        long rev = checklist.revisionProperty().get();
        try {
            content.answers().save(checklist.snapshot());
            checklist.markSaved(rev);
            lastSaved = LocalTime.now();
            showSaveState(null);
            return true;
        } catch (UserFacingException e) {
            notifications.error(e.getMessage(), e.getCause());
            showSaveState(e.getMessage());
            return false;
        }
    }

    public Scene scene() {
        return scene;
    }

    public PlayerView playerView() {
        return playerView;
    }

    public ChecklistView checklistView() {
        return checklistView;
    }

    public ShortcutRegistry shortcuts() {
        return shortcuts;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    public TaskCenter tasks() {
        return tasks;
    }

    public Theme theme() {
        return theme;
    }

    public void applyTheme(Theme t) {
        theme = t;
        scene.getStylesheets().setAll(css(BASE_CSS), css("theme/" + t.stylesheet()));
        if (cheatSheetStage != null && cheatSheetStage.getScene() != null) {
            cheatSheetStage.getScene().getStylesheets().setAll(scene.getStylesheets());
        }
    }

    public void applyFontScale(double s) {
        fontScale = FontScale.clamp(s);
        root.setStyle(FontScale.rootStyle(fontScale));
        if (cheatSheetStage != null && cheatSheetStage.getScene() != null) {
            cheatSheetStage.getScene().getRoot().setStyle(root.getStyle());
        }
    }

    public double fontScale() {
        return fontScale;
    }

    public void toggleTaskPanel() {
        boolean show = !taskPanel.isVisible();
        taskPanel.setVisible(show);
        taskPanel.setManaged(show);
    }

    public boolean taskPanelVisible() {
        return taskPanel.isVisible();
    }

    /** Opens (or brings forward) the keyboard cheat sheet. */
    public Stage showCheatSheet() {
        if (cheatSheetStage == null) {
            cheatSheetStage = new Stage();
            cheatSheetStage.setTitle("Keyboard shortcuts — CHAI Workstation");
            if (stage != null) {
                cheatSheetStage.initOwner(stage);
            }
            CheatSheet sheet = new CheatSheet(shortcuts, () -> {
                settings.setShortcutOverrides(shortcuts.overrides());
                try {
                    settings.save();
                } catch (RuntimeException e) {
                    notifications.error(e.getMessage(), e);
                }
            });
            Scene s = new Scene(sheet, 640, 620);
            s.getStylesheets().setAll(scene.getStylesheets());
            sheet.setStyle(root.getStyle());
            s.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE || e.getCode() == javafx.scene.input.KeyCode.F1) {
                    cheatSheetStage.hide();
                }
            });
            cheatSheetStage.setScene(s);
        }
        cheatSheetStage.show();
        cheatSheetStage.toFront();
        return cheatSheetStage;
    }

    private static String css(String name) {
        var url = MainWindow.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("stylesheet missing from the jar: " + name);
        }
        return url.toExternalForm();
    }

    private void registerShortcuts() {
        String p = "Player";
        reg("player.playPause", p, "Play / pause", "Space", player::togglePlay);
        reg("player.shuttleBack", p, "Play backwards (again: faster)", "J", player::shuttleBackward);
        reg("player.stop", p, "Pause", "K", player::pause);
        reg("player.shuttleForward", p, "Play forwards (again: faster)", "L", player::shuttleForward);
        reg("player.prevFrame", p, "Previous frame", "Left", () -> player.step(-1));
        reg("player.nextFrame", p, "Next frame", "Right", () -> player.step(1));
        reg("player.back10", p, "Back 10 frames", "Shift+Left", () -> player.step(-PlayerViewModel.BIG_STEP));
        reg("player.forward10", p, "Forward 10 frames", "Shift+Right", () -> player.step(PlayerViewModel.BIG_STEP));
        reg("player.home", p, "First frame", "Home", player::home);
        reg("player.end", p, "Last frame", "End", player::end);
        reg("player.markIn", p, "Set loop in", "I", player::markIn);
        reg("player.markOut", p, "Set loop out", "O", player::markOut);
        reg("player.clearLoop", p, "Clear loop", "Alt+X", player::clearLoop);
        reg("player.goTo", p, "Go to frame or timecode", "Ctrl+G", () -> scene.lookup("#player-goto").requestFocus());
        reg("player.focus", p, "Focus the video", "Ctrl+1", playerView::focusVideo);
        String f = "Checklist";
        reg("form.focus", f, "Focus the checklist", "Ctrl+2", checklistView::focusSelected);
        reg("form.nextGroup", f, "Next question", "Ctrl+Down", () -> checklistView.moveGroup(1));
        reg("form.prevGroup", f, "Previous question", "Ctrl+Up", () -> checklistView.moveGroup(-1));
        String e = "Edit";
        reg("edit.undo", e, "Undo", "Ctrl+Z", history::undo);
        reg("edit.redo", e, "Redo", "Ctrl+Shift+Z", history::redo);
        reg("file.save", e, "Save now", "Ctrl+S", this::save);
        String v = "View";
        reg("view.theme", v, "Switch light / dark theme", "Ctrl+Shift+L", () -> applyTheme(theme.other()));
        reg("view.fontLarger", v, "Larger text", "Ctrl+Equals", () -> applyFontScale(FontScale.larger(fontScale)));
        reg("view.fontSmaller", v, "Smaller text", "Ctrl+Minus", () -> applyFontScale(FontScale.smaller(fontScale)));
        reg("view.fontReset", v, "Normal text size", "Ctrl+0", () -> applyFontScale(1.0));
        reg("view.tasks", v, "Show / hide tasks", "Ctrl+T", this::toggleTaskPanel);
        reg("help.shortcuts", "Help", "Keyboard shortcuts (this sheet)", "F1", this::showCheatSheet);
    }

    private void reg(String id, String category, String description, String key, Runnable action) {
        shortcuts.register(id, category, description, key);
        dispatcher.on(id, action);
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File", null, item("Save now", "file.save", this::save),
                item("Quit", null, () -> {
                    if (stage != null) {
                        close();
                        stage.close();
                    }
                }));
        Menu edit = new Menu("_Edit", null, item("Undo", "edit.undo", history::undo),
                item("Redo", "edit.redo", history::redo));
        keyedItems.get(2).disableProperty().bind(history.canUndoProperty().not());
        keyedItems.get(3).disableProperty().bind(history.canRedoProperty().not());
        Menu view = new Menu("_View", null,
                item("Switch light / dark theme", "view.theme", () -> applyTheme(theme.other())),
                item("Larger text", "view.fontLarger", () -> applyFontScale(FontScale.larger(fontScale))),
                item("Smaller text", "view.fontSmaller", () -> applyFontScale(FontScale.smaller(fontScale))),
                item("Normal text size", "view.fontReset", () -> applyFontScale(1.0)),
                item("Show / hide tasks", "view.tasks", this::toggleTaskPanel));
        Menu help = new Menu("_Help", null, item("Keyboard shortcuts", "help.shortcuts", this::showCheatSheet));
        return new MenuBar(file, edit, view, help);
    }

    private MenuItem item(String text, String actionId, Runnable action) {
        MenuItem mi = new MenuItem(text);
        mi.setUserData(new String[] {text, actionId});
        mi.setOnAction(e -> action.run());
        keyedItems.add(mi);
        return mi;
    }

    private void refreshMenuKeys() {
        for (MenuItem mi : keyedItems) {
            String[] d = (String[]) mi.getUserData();
            mi.setText(d[1] == null ? d[0] : d[0] + "    " + shortcuts.keyOf(d[1]));
        }
    }

    private HBox statusBar() {
        saveState.setId("save-state");
        saveState.getStyleClass().add("save-state");
        saveState.setAccessibleText("Save state");
        Label clip = new Label(content.clip().name() + " · " + content.clip().frameCount() + " frames @ "
                + content.clip().timing().rate() + " fps");
        clip.getStyleClass().add("chai-muted");
        Label specLabel = new Label(content.specification().id() + " " + content.specification().version()
                + " · answers: " + content.answers().describe());
        specLabel.getStyleClass().add("chai-muted");
        Button tasksButton = new Button();
        tasksButton.setId("tasks-button");
        tasksButton.textProperty().bind(Bindings.createStringBinding(
                () -> tasks.running().isEmpty() ? "Tasks" : "Tasks (" + tasks.running().size() + " running)",
                tasks.running()));
        tasksButton.setOnAction(e -> toggleTaskPanel());
        tasksButton.setFocusTraversable(false);
        Button themeButton = new Button("Light / dark");
        themeButton.setFocusTraversable(false);
        themeButton.setOnAction(e -> applyTheme(theme.other()));
        Button help = new Button("F1 Shortcuts");
        help.setFocusTraversable(false);
        help.setOnAction(e -> showCheatSheet());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(saveState, clip, specLabel, spacer, tasksButton, themeButton, help);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showSaveState(String failure) {
        saveState.getStyleClass().removeAll("saved", "unsaved", "failed");
        if (failure != null) {
            saveState.setText("Not saved: " + failure);
            saveState.getStyleClass().add("failed");
        } else if (checklist.dirtyProperty().get()) {
            saveState.setText("● Unsaved changes");
            saveState.getStyleClass().add("unsaved");
        } else if (lastSaved == null) {
            saveState.setText("✓ No unsaved changes");
            saveState.getStyleClass().add("saved");
        } else {
            saveState.setText("✓ Saved " + lastSaved.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
            saveState.getStyleClass().add("saved");
        }
    }

    /** The answers as edited (for tests). */
    public Map<String, Object> answers() {
        return checklist.snapshot();
    }

    public ChecklistViewModel checklist() {
        return checklist;
    }

    public PlayerViewModel player() {
        return player;
    }
}
