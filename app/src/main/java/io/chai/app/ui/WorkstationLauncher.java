// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.settings.Theme;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.common.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Starts JavaFX from a plain main class (not an {@code Application} subclass, so the workstation runs from an
 * ordinary classpath), opens the main window and blocks until it closes. With a screenshot folder it instead
 * writes a PNG of each screen and exits.
 */
public final class WorkstationLauncher {
    private WorkstationLauncher() {
    }

    /**
     * Opens the workstation on {@code content} and returns when its window is closed.
     *
     * @param screenshots if not null: write {@code workstation-light.png}, {@code workstation-dark.png},
     *     {@code cheat-sheet.png} and {@code tasks-and-notifications.png} there, then close
     */
    public static void run(Supplier<WorkstationContent> content, Path configDir, Path screenshots) {
        run(content, configDir, screenshots, false);
    }

    /**
     * As {@link #run(Supplier, Path, Path)}; with {@code exampleAnswers} the screenshots first answer a few
     * questions (to show warnings and greying). Only for the demo: a project's answers are never touched.
     */
    public static void run(Supplier<WorkstationContent> content, Path configDir, Path screenshots,
            boolean exampleAnswers) {
        checkDisplay();
        io.chai.app.StartupTrace.mark("launcher");
        preload();
        WorkstationSettings settings = WorkstationSettings.load(configDir);
        if (screenshots != null) {
            // screenshots always show the default layout in a fixed size, independent of the user's settings
            settings = WorkstationSettings.load(screenshotSessionDir(configDir));
        }
        WorkstationSettings s = settings;
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Void> failure = new CompletableFuture<>();
        Stage[] window = new Stage[1];
        // JavaFX starts, and the window opens with a one-line "Opening…", while the project opens on this thread
        FxToolkit.whenStarted(() -> {
            io.chai.app.StartupTrace.mark("JavaFX started");
            window[0] = new Stage();
            window[0].setOnHidden(e -> closed.countDown());
            showOpening(window[0], s);
            io.chai.app.StartupTrace.mark("opening window shown");
        });
        WorkstationContent c;
        try {
            c = content.get();
        } catch (RuntimeException e) {
            Platform.exit();
            throw e;
        }
        io.chai.app.StartupTrace.mark("content opened");
        FxToolkit.awaitStarted();
        Platform.runLater(() -> {
            try {
                Stage stage = window[0];
                if (stage == null || !stage.isShowing()) {
                    // closed while the project opened: nothing was edited, release what was opened and end
                    c.clip().close();
                    c.project().ifPresent(io.chai.app.ui.project.ProjectSession::close);
                    closed.countDown();
                    return;
                }
                MainWindow w = new MainWindow(c, s);
                io.chai.app.StartupTrace.mark("main window built");
                w.show(stage);
                io.chai.app.StartupTrace.mark("main window shown");
                if (screenshots != null) {
                    // a fixed size that fits the screen (a window reaching past a headless screen breaks painting)
                    var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
                    stage.setX(screen.getMinX());
                    stage.setY(screen.getMinY());
                    stage.setWidth(Math.min(1600, screen.getWidth()));
                    stage.setHeight(Math.min(1000, screen.getHeight()));
                    takeScreenshots(w, stage, screenshots, exampleAnswers, failure);
                }
            } catch (RuntimeException e) {
                failure.completeExceptionally(e);
                closed.countDown();
            }
        });
        try {
            closed.await();
            if (screenshots != null) {
                failure.get(5, TimeUnit.SECONDS);
            } else if (failure.isCompletedExceptionally()) {
                failure.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("screenshots did not finish", e);
        } finally {
            Platform.exit();
        }
    }

    /**
     * Shows the start screen (recent projects, open, new, demo); the chosen project opens in the same window, and
     * File > Open / new / recent project comes back here. Returns when the window is closed.
     *
     * @param open opens a choice (blocking; runs off the UI thread, e.g. creating the demo project)
     */
    public static void runStart(Path configDir, java.util.function.Function<io.chai.app.ui.start.StartChoice,
            WorkstationContent> open) {
        checkDisplay();
        preload();
        WorkstationSettings settings = WorkstationSettings.load(configDir);
        CountDownLatch closed = new CountDownLatch(1);
        FxToolkit.whenStarted(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            showStart(stage, configDir, settings, open);
        });
        FxToolkit.awaitStarted();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
    }

    /** Puts the start screen on {@code stage}. */
    public static io.chai.app.ui.start.StartView showStart(Stage stage, Path configDir, WorkstationSettings settings,
            java.util.function.Function<io.chai.app.ui.start.StartChoice, WorkstationContent> open) {
        io.chai.app.ui.start.StartViewModel[] vm = new io.chai.app.ui.start.StartViewModel[1];
        vm[0] = new io.chai.app.ui.start.StartViewModel(new io.chai.app.ui.start.RecentProjects(configDir),
                choice -> openChoice(stage, configDir, settings, open, choice, vm[0]));
        io.chai.app.ui.start.StartView view = new io.chai.app.ui.start.StartView(vm[0]);
        Scene scene = new Scene(view, 980, 640);
        var base = MainWindow.class.getResource(MainWindow.BASE_CSS);
        var theme = MainWindow.class.getResource("theme/" + settings.theme().stylesheet());
        if (base != null && theme != null) {
            scene.getStylesheets().setAll(base.toExternalForm(), theme.toExternalForm());
        }
        stage.setTitle("CHAI Workstation");
        stage.setOnCloseRequest(null);
        stage.setScene(scene);
        stage.show();
        return view;
    }

    private static void openChoice(Stage stage, Path configDir, WorkstationSettings settings,
            java.util.function.Function<io.chai.app.ui.start.StartChoice, WorkstationContent> open,
            io.chai.app.ui.start.StartChoice choice, io.chai.app.ui.start.StartViewModel vm) {
        javafx.concurrent.Task<WorkstationContent> t = new javafx.concurrent.Task<>() {
            @Override
            protected WorkstationContent call() {
                return open.apply(choice);
            }
        };
        stage.getScene().getRoot().setDisable(true);
        vm.showError(choice instanceof io.chai.app.ui.start.StartChoice.Demo
                ? "Opening the demo project (the first time, ffmpeg makes its clips)…" : "Opening…");
        t.setOnSucceeded(e -> {
            vm.showError("");
            MainWindow w = new MainWindow(t.getValue(), settings);
            w.setOnStartScreen(() -> {
                w.close();
                showStart(stage, configDir, settings, open);
            });
            w.show(stage);
        });
        t.setOnFailed(e -> {
            stage.getScene().getRoot().setDisable(false);
            Throwable x = t.getException();
            vm.showError(x instanceof UserFacingException ? x.getMessage() : "Cannot open: " + x);
        });
        Thread th = new Thread(t, "chai-open-project");
        th.setDaemon(true);
        th.start();
    }

    /**
     * Shows {@code stage} at once, where and as large as the main window will be, saying the project is opening:
     * the window (and JavaFX's first pulses) are ready while the project opens, and the main window replaces the
     * scene when it is built.
     */
    private static void showOpening(Stage stage, WorkstationSettings settings) {
        javafx.scene.control.Label opening = new javafx.scene.control.Label("Opening…");
        opening.setAccessibleText("Opening the project");
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(opening);
        boolean dark = settings.theme() == Theme.DARK;
        root.setStyle(dark ? "-fx-background-color: #202226;" : "-fx-background-color: #f4f4f4;");
        opening.setStyle(dark ? "-fx-text-fill: #c8c8cc;" : "-fx-text-fill: #55555c;");
        stage.setScene(new Scene(root, MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT));
        stage.setTitle("CHAI Workstation — opening…");
        MainWindow.placeAsSaved(stage, settings);
        stage.show();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PRELOADING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads, on threads of their own, what opening any project needs and the main thread would otherwise load one
     * after the other: FFmpeg's and SQLite's native libraries and the bundled specification. The main thread opening
     * the project meets them loaded, or waits for the part still loading; a failure is left for it to report.
     * The launcher calls it before opening the project (not earlier: on 2 cores it would compete with JavaFX's own
     * start, which {@code chai workstation} begins first thing); later calls do nothing.
     */
    public static void preload() {
        if (!PRELOADING.compareAndSet(false, true)) {
            return;
        }
        List<Map.Entry<String, Runnable>> parts = List.of(
                Map.entry("chai-preload-ffmpeg", io.chai.media.VideoClip::loadNatives),
                Map.entry("chai-preload-sqlite", io.chai.model.store.ProjectStore::loadDriver),
                Map.entry("chai-preload-spec", io.chai.model.spec.Specifications::bundled));
        for (Map.Entry<String, Runnable> part : parts) {
            Thread t = new Thread(() -> {
                try {
                    part.getValue().run();
                } catch (RuntimeException | LinkageError e) {
                    // the main thread meets the same problem and reports it with its context
                }
            }, part.getKey());
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Removes what an earlier screenshot session left in {@link #screenshotSessionDir} (its settings, the teammate's
     * project copy, the shared store), so that every screenshot run starts the same way. The folder only ever holds
     * what screenshot runs made.
     */
    public static void clearScreenshotSession(Path configDir) {
        Path dir = screenshotSessionDir(configDir);
        try {
            io.chai.app.Folders.deleteTree(dir);
        } catch (IOException e) {
            throw new UserFacingException("cannot clear the screenshot session " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The settings folder of a screenshot session (never the user's own settings). */
    public static Path screenshotSessionDir(Path configDir) {
        return configDir.resolve("screenshot-session");
    }

    /** Whether a window can be opened here (on Linux: a display is set; elsewhere assumed). */
    public static boolean displayAvailable() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !(os.contains("linux") && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY")));
    }

    private static void checkDisplay() {
        if (!displayAvailable()) {
            throw new UserFacingException("no display: DISPLAY is not set (run on a desktop session, or under "
                    + "xvfb-run -a ./chai workstation …)");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void takeScreenshots(MainWindow w, Stage stage, Path dir, boolean exampleAnswers,
            CompletableFuture<Void> done) {
        // let the first frame and the filmstrip decode, then capture each screen in turn
        List<Map.Entry<Double, Runnable>> steps = new java.util.ArrayList<>(List.of(
                Map.entry(1.5, () -> {
                    w.applyTheme(Theme.LIGHT);
                    w.player().seek(w.player().frameCount() / 3);
                    w.checklistView().moveGroup(0);
                    if (exampleAnswers) {
                        exampleAnswers(w);
                    }
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("workstation-light.png"))),
                Map.entry(0.1, () -> {
                    w.applyTheme(Theme.DARK);
                    w.checklistView().select("camera_pan");
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("workstation-dark.png"))),
                Map.entry(0.1, () -> {
                    w.applyTheme(Theme.LIGHT);
                    w.showCheatSheet();
                }),
                Map.entry(0.8, () -> shot(w.showCheatSheet().getScene(), dir.resolve("cheat-sheet.png"))),
                Map.entry(0.1, () -> {
                    w.showCheatSheet().hide();
                    w.toggleTaskPanel();
                    w.notifications().info("Notifications appear here and never block the window.");
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("tasks-and-notifications.png")))));
        // Help > About: its versions are probed off the UI thread, so wait until they are on screen
        io.chai.app.ui.about.AboutDialog[] about = new io.chai.app.ui.about.AboutDialog[1];
        steps.add(Map.entry(0.1, () -> about[0] = w.showAbout()));
        steps.add(Map.entry(0.2, new WaitFor("the About versions", () -> about[0].ready())));
        steps.add(Map.entry(0.3, () -> {
            shot(about[0].stage().getScene(), dir.resolve("about.png"));
            about[0].stage().hide();
        }));
        if (exampleAnswers) {
            // the demo only: a project opened for screenshots is never written to
            w.captions().ifPresent(c -> steps.addAll(captionSteps(w, c, dir)));
            w.captions().ifPresent(c -> steps.addAll(teamSteps(w, dir)));
            w.library().ifPresent(l -> steps.addAll(libraryAndStartSteps(w, l, dir)));
        }
        // an exam project (chai exam demo DIR --open --screenshots): the exam screens, answered as a trainee
        w.exam().ifPresent(x -> steps.addAll(io.chai.app.ui.exam.ExamScreenshots.steps(w, x, dir)));
        runSteps(steps, 0, () -> {
            done.complete(null);
            w.close();
            stage.hide();
        }, e -> {
            done.completeExceptionally(e);
            w.close();
            stage.hide();
        });
    }

    /**
     * The caption stepper and review screens: generate a pre-caption on the canned server, rate 3 with a span item,
     * revise and edit (captions.png); submit, switch to a reviewer (review.png); reject with the reviewer's version
     * and switch back (rejection.png); mid-stream, the pre-caption growing with the model and prompt shown
     * (captions-streaming.png); the annotator appeals and an admin sees it with Uphold / Overturn (appeal.png).
     */
    private static List<Map.Entry<Double, Runnable>> captionSteps(MainWindow w,
            io.chai.app.ui.captions.viewmodel.CaptionStepperViewModel c, Path dir) {
        String annotator = w.user();
        return List.of(
                Map.entry(0.1, () -> {
                    w.toggleTaskPanel();
                    w.sideTabs().getSelectionModel().select(1);
                    c.select(io.chai.model.domain.Aspect.SUBJECT);
                    c.generate();
                    ((javafx.scene.control.TitledPane) w.scene().lookup("#model-details")).setExpanded(true);
                }),
                Map.entry(0.05, new WaitFor("streamed text", () -> c.streamingTextProperty().get().length() > 60)),
                Map.entry(0.3, () -> shot(w.scene(), dir.resolve("captions-streaming.png"))),
                Map.entry(0.2, new WaitFor("the pre-caption", () -> !c.busyProperty().get())),
                Map.entry(0.1, () -> ((javafx.scene.control.TitledPane) w.scene().lookup("#model-details"))
                        .setExpanded(false)),
                Map.entry(0.1, () -> {
                    String pre = c.current().preCaption().map(p -> p.text()).orElse("");
                    c.ratingProperty().set(3);
                    c.critiqueProperty().set("Name what the picture shows: colour bars and a moving test pattern.");
                    if (pre.length() > 20) {
                        c.addItem(0, 20, io.chai.model.domain.CritiqueItem.ErrorType.IMPRECISION, "too vague");
                    }
                    c.submitCritique();
                    c.revise();
                }),
                Map.entry(0.2, new WaitFor("the revision", () -> !c.busyProperty().get())),
                Map.entry(0.1, () -> {
                    c.captionProperty().set(c.captionProperty().get() + " A clock counts the seconds.");
                    c.saveCaption();
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("captions.png"))),
                Map.entry(0.1, () -> {
                    c.submit();
                    w.switchUser("reviewer");
                    w.sideTabs().getSelectionModel().select(2);
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("review.png"))),
                Map.entry(0.1, () -> {
                    w.review().orElseThrow().reject(2, "It is a test card, not a scene; say so first.",
                            "A broadcast test card with colour bars and a running clock.", "describe the test card");
                    w.switchUser(annotator);
                    w.sideTabs().getSelectionModel().select(1);
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("rejection.png"))),
                Map.entry(0.1, () -> {
                    c.appeal("The clock is part of the test card, and my caption names the colour bars.");
                    w.switchUser("admin");
                }),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("appeal.png"))));
    }

    /**
     * The library (after the caption steps, so the states differ; thumbnails loaded) and the start screen with the
     * demo project among the recent projects.
     */
    private static List<Map.Entry<Double, Runnable>> libraryAndStartSteps(MainWindow w,
            io.chai.app.ui.library.LibraryViewModel l, Path dir) {
        Stage[] start = new Stage[1];
        return List.of(
                Map.entry(0.1, () -> {
                    // the demo only: assign two clips, so the Assignee column and the queue have something
                    var store = w.project().orElseThrow().store();
                    var table = io.chai.model.store.ClipTable.load(store);
                    for (int i = 1; i < Math.min(3, table.size()); i++) {
                        store.append(io.chai.model.store.RevisionDraft.of(table.clipId(i), "",
                                io.chai.model.store.RevisionKind.ASSIGNMENT, "lead",
                                "{\"assignee\":\"" + w.user() + "\"}"));
                    }
                    w.showLibrary();
                    l.refresh();
                }),
                Map.entry(0.2, new WaitFor("the library", () -> !l.loadingProperty().get() && !l.rows().isEmpty())),
                Map.entry(2.5, () -> shot(w.scene(), dir.resolve("library.png"))),
                Map.entry(0.1, () -> {
                    Path session = w.project().orElseThrow().root().getParent();
                    io.chai.app.ui.start.RecentProjects recent = new io.chai.app.ui.start.RecentProjects(session);
                    recent.add(w.project().orElseThrow().root());
                    start[0] = new Stage();
                    io.chai.app.ui.start.StartViewModel vm = new io.chai.app.ui.start.StartViewModel(recent, c -> { });
                    Scene s = new Scene(new io.chai.app.ui.start.StartView(vm), 980, 640);
                    s.getStylesheets().setAll(w.scene().getStylesheets());
                    start[0].setScene(s);
                    start[0].show();
                }),
                Map.entry(0.8, () -> {
                    shot(start[0].getScene(), dir.resolve("start.png"));
                    start[0].close();
                }));
    }

    /**
     * Analyzer suggestions on the checklist (suggestions.png); a colleague's copy syncing through a shared folder,
     * then Sync now in the window: the indicator and the conflict it brought (sync.png, sync-conflicts.png); the
     * Team and quality window over both people's work (team.png).
     */
    private static List<Map.Entry<Double, Runnable>> teamSteps(MainWindow w, Path dir) {
        javafx.concurrent.Task<?>[] task = new javafx.concurrent.Task<?>[1];
        io.chai.app.ui.team.TeamWindow[] team = new io.chai.app.ui.team.TeamWindow[1];
        return List.of(
                Map.entry(0.1, () -> {
                    w.sideTabs().getSelectionModel().select(0);
                    task[0] = w.analysis().orElseThrow().run();
                }),
                Map.entry(0.2, new WaitFor("the clip analysis", () -> task[0] == null || task[0].isDone())),
                Map.entry(0.1, () -> w.checklistView().select("steadiness")),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("suggestions.png"))),
                Map.entry(0.1, () -> {
                    var p = w.project().orElseThrow();
                    Path session = p.root().getParent();
                    io.chai.app.ui.sync.ScreenshotTeammate.play(p.store(), session.resolve("shared-store"),
                            session.resolve("colleague-copy"), "sam");
                    task[0] = w.syncIndicator().orElseThrow().refresh();
                }),
                Map.entry(0.2, new WaitFor("the sync status", () -> task[0].isDone())),
                Map.entry(0.1, () -> task[0] = w.syncIndicator().orElseThrow().syncNow()),
                Map.entry(0.2, new WaitFor("the sync", () -> task[0].isDone())),
                Map.entry(0.8, () -> shot(w.scene(), dir.resolve("sync.png"))),
                Map.entry(0.1, () -> w.syncIndicator().orElseThrow().showConflicts()),
                Map.entry(0.8, () -> {
                    Stage s = w.syncIndicator().orElseThrow().showConflicts().stage();
                    shot(s.getScene(), dir.resolve("sync-conflicts.png"));
                    s.close();
                    team[0] = w.showTeam();
                    task[0] = team[0].view().refresh();
                }),
                Map.entry(0.2, new WaitFor("the team figures", () -> task[0].isDone())),
                Map.entry(1.0, () -> {
                    if (task[0].getException() != null) {
                        throw new IllegalStateException("screenshots: team figures failed", task[0].getException());
                    }
                    shot(team[0].stage().getScene(), dir.resolve("team.png"));
                    team[0].stage().close();
                }));
    }

    /**
     * Answers a few questions for the screenshots, so they show answered groups, a validation warning and an
     * uncertainty rule greying out the direction questions.
     */
    private static void exampleAnswers(MainWindow w) {
        var c = w.checklist();
        c.set("shot_type", "human");
        c.set("shot_size_start", "medium");
        c.set("steadiness", "very_unsteady");
        c.set("camera_movement", "no");
        c.set("camera_pan", "left_to_right");
        w.checklistView().moveGroup(0);
    }

    private static void runSteps(List<Map.Entry<Double, Runnable>> steps, int i, Runnable finished,
            java.util.function.Consumer<RuntimeException> failed) {
        if (i == steps.size()) {
            finished.run();
            return;
        }
        PauseTransition p = new PauseTransition(Duration.seconds(steps.get(i).getKey()));
        p.setOnFinished(e -> {
            if (steps.get(i).getValue() instanceof WaitFor w && !w.done().getAsBoolean()) {
                if (w.deadline() < System.nanoTime()) {
                    failed.accept(new IllegalStateException("screenshots: gave up waiting for " + w.what()));
                    return;
                }
                runSteps(steps, i, finished, failed);
                return;
            }
            try {
                steps.get(i).getValue().run();
            } catch (RuntimeException ex) {
                failed.accept(ex);
                return;
            }
            runSteps(steps, i + 1, finished, failed);
        });
        p.play();
    }

    /** A screenshot step that waits (polling) until {@code done} holds, at most 60 s from when it is reached. */
    private record WaitFor(String what, java.util.function.BooleanSupplier done, long[] reached) implements Runnable {
        WaitFor(String what, java.util.function.BooleanSupplier done) {
            this(what, done, new long[1]);
        }

        /** 60 s after the step was first polled (the list is built long before its later steps run). */
        long deadline() {
            if (reached[0] == 0) {
                reached[0] = System.nanoTime();
            }
            return reached[0] + 60_000_000_000L;
        }

        @Override
        public void run() {
        }
    }

    private static void shot(Scene scene, Path file) {
        try {
            FxImages.writePng(scene.snapshot(null), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file + ": " + e.getMessage(), e);
        }
    }
}
