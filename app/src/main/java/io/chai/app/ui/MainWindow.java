// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.captions.CaptionStepperView;
import io.chai.app.ui.captions.ReviewView;
import io.chai.app.ui.captions.viewmodel.CaptionSession;
import io.chai.app.ui.captions.viewmodel.CaptionStepperViewModel;
import io.chai.app.ui.captions.viewmodel.CaptionWorkflows;
import io.chai.app.ui.captions.viewmodel.ReviewViewModel;
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
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
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
    /** Where the divider goes while the Library tab is shown. */
    static final double LIBRARY_DIVIDER = 0.34;

    private WorkstationContent content;
    private final javafx.beans.property.ReadOnlyObjectWrapper<WorkstationContent> contentProperty =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** Unsaved caption-editor text of clips the user switched away from, by clip id (restored on return). */
    private final Map<String, StepperDraft> stepperDrafts = new java.util.HashMap<>();
    private boolean switching;
    private final WorkstationSettings settings;
    private final NotificationCenter notifications = new NotificationCenter();
    private final TaskCenter tasks = new TaskCenter(notifications);
    private final ShortcutRegistry shortcuts = new ShortcutRegistry();
    private final ShortcutDispatcher dispatcher = new ShortcutDispatcher(shortcuts);
    private final EditHistory history = new EditHistory();
    private final ExecutorService decodeThread;
    private FrameLoader loader;
    private final ChecklistViewModel checklist;
    private PlayerViewModel player;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private PlayerView playerView;
    private final ChecklistView checklistView;
    private final TaskPanel taskPanel;
    private final SplitPane mainSplit;
    private final SplitPane leftSplit;
    private final Label saveState = new Label();
    private final Label clipLabel = new Label();
    private final Label specLabel = new Label();
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private final List<MenuItem> keyedItems = new ArrayList<>();
    private Theme theme;
    private double fontScale;
    private Stage cheatSheetStage;
    private Stage stage;
    private LocalTime lastSaved;
    private final TabPane sideTabs = new TabPane();
    private final Tab checklistTab;
    private final Tab captionsTab;
    private final Tab reviewTab;
    private final ExecutorService modelThread;
    private CaptionStepperViewModel captions;
    private final ReviewViewModel review;
    private CaptionStepperView captionsView;
    private ReviewView reviewView;
    private String user;
    private io.chai.app.ui.checklist.AnalysisSuggestions analysis;
    private io.chai.app.ui.sync.SyncIndicator syncIndicator;
    private io.chai.app.ui.team.TeamWindow teamWindow;
    private final java.util.Optional<io.chai.app.ui.exam.ExamTabs> exam;
    private io.chai.app.ui.library.LibraryViewModel library;
    private io.chai.app.ui.library.LibraryView libraryView;
    private Tab libraryTab;
    private ExecutorService libraryThread;
    private ExecutorService thumbnailThread;
    private Runnable onStartScreen;

    /** The window's size the first time (later: as the user left it). */
    static final double DEFAULT_WIDTH = 1480;
    static final double DEFAULT_HEIGHT = 920;

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
        attachPlayer(content.clip());
        checklist = new ChecklistViewModel(content.specification(), history);
        loadAnswers(content);
        contentProperty.set(content);

        playerView = new PlayerView(player, tasks, notifications);
        checklistView = new ChecklistView(checklist);
        TutorialCard tutorial = new TutorialCard(checklist);
        leftSplit = new SplitPane(playerView, tutorial);
        leftSplit.setOrientation(Orientation.VERTICAL);
        leftSplit.setDividerPositions(settings.divider("left", 0.72));
        modelThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chai-model");
            t.setDaemon(true);
            return t;
        });
        checklistTab = new Tab("Checklist", checklistView);
        attachAnalysis(content);
        afterFirstFrame(checklistView::buildRemaining);
        CaptionSession session = content.captions().orElse(null);
        if (session != null) {
            user = settings.user().orElse(session.defaultUser());
            content.project().ifPresent(p -> p.setUser(user)); // the checklist saves as the user shown
            review = new ReviewViewModel(session.workflow(), session.works(), CaptionWorkflows.user(user),
                    java.time.Clock.systemUTC());
            // the tabs' views are built the first time each is shown (start-up builds only what is on screen)
            captionsTab = new Tab("Captions", new Region());
            reviewTab = new Tab("Review", new Region());
            attachCaptions(session);
            review.revisionProperty().addListener((o, a, b) -> captions.reload());
            captionsTab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    captionsView();
                }
            });
            reviewTab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    reviewView();
                }
            });
            reviewTab.textProperty().bind(Bindings.createStringBinding(() -> review.queue().isEmpty() ? "Review"
                    : "Review (" + review.queue().size() + ")", review.queue()));
        } else {
            user = null;
            captions = null;
            review = null;
            captionsView = null;
            reviewView = null;
            Label none = new Label("Captions and review work on a project: open one with --project DIR, or the demo"
                    + " project with --demo.");
            none.setWrapText(true);
            none.setPadding(new javafx.geometry.Insets(16));
            captionsTab = new Tab("Captions", none);
            reviewTab = new Tab("Review", new Label(""));
            captionsTab.setDisable(false);
            reviewTab.setDisable(true);
        }
        checklistTab.setId("tab-checklist");
        captionsTab.setId("tab-captions");
        reviewTab.setId("tab-review");
        sideTabs.getTabs().addAll(checklistTab, captionsTab, reviewTab);
        content.project().ifPresent(this::addLibrary);
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.setId("side-tabs");
        // an exam project (exam.json beside the store) adds the Exam tab, and for its lead only Trainees and Review
        exam = io.chai.app.ui.exam.ExamTabs.attach(content, checklist, captions, user, sideTabs, reviewTab,
                notifications);
        // an exam scores the first answer whose verdict showed: it is saved at once, not after the autosave delay
        exam.ifPresent(x -> x.exam().setOnReveal(() -> {
            if (checklist.dirtyProperty().get()) {
                autosave.stop();
                save();
            }
        }));
        mainSplit = new SplitPane(leftSplit, sideTabs);
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
        scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        dispatcher.install(scene);
        applyTheme(theme);
        applyFontScale(fontScale);
        for (String problem : shortcuts.applyOverrides(settings.shortcutOverrides())) {
            notifications.warning(problem);
        }
        refreshMenuKeys();
        shortcuts.revisionProperty().addListener((o, a, b) -> refreshMenuKeys());

        autosave.setOnFinished(e -> {
            if (checklist.dirtyProperty().get()) { // saved meanwhile (Ctrl+S, a switch): no second, equal revision
                save();
            }
        });
        clipLabel.getStyleClass().add("chai-muted");
        specLabel.getStyleClass().add("chai-muted");
        showClipLabels();
        // every change (re)starts the autosave delay; save() writes whatever is current when it fires
        checklist.revisionProperty().addListener((o, a, b) -> autosave.playFromStart());
        checklist.dirtyProperty().addListener((o, a, b) -> showSaveState(null));
        showSaveState(null);
    }

    /** The player and frame loader of {@code clip} (decoding on the window's decode thread). */
    private void attachPlayer(io.chai.app.ui.frames.FrameSource clip) {
        PlayerViewModel[] holder = new PlayerViewModel[1];
        loader = new FrameLoader(clip, decodeThread, Platform::runLater,
                p -> holder[0].frameDecoded(p),
                e -> notifications.error("Cannot decode a frame of " + clip.name() + ": " + e.getMessage(), e));
        player = new PlayerViewModel(clip, loader::request);
        holder[0] = player;
        player.start();
    }

    /** Loads {@code c}'s saved answers into the checklist (clearing undo); a failure is a notification. */
    private void loadAnswers(WorkstationContent c) {
        try {
            checklist.load(c.answers().load());
        } catch (UserFacingException e) {
            checklist.load(Map.of());
            notifications.error(e.getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            checklist.load(Map.of());
            notifications.error("Saved answers do not fit specification " + c.specification().id() + ": "
                    + e.getMessage() + "; starting empty (the file stays until the next save)", e);
        }
    }

    /** Analyzer suggestions on the checklist for clips with a media file; they follow the clip on screen. */
    private void attachAnalysis(WorkstationContent c) {
        java.util.Optional<java.nio.file.Path> file = c.clip().file();
        if (file.isEmpty()) {
            return;
        }
        analysis = new io.chai.app.ui.checklist.AnalysisSuggestions(checklist, checklistView, tasks, notifications,
                new io.chai.app.ui.checklist.viewmodel.ClipAnalyzer(
                        c.project().map(io.chai.app.ui.project.ProjectSession::indexes).orElse(null),
                        c.project().map(p -> p.root().resolve("cache/analysis")).orElse(null)), file.get());
        contentProperty.addListener((o, a, b) -> b.clip().file().ifPresent(analysis::setClip));
    }

    /** The checklist's analyzer suggestions; empty for a clip without a media file (the test pattern). */
    public java.util.Optional<io.chai.app.ui.checklist.AnalysisSuggestions> analysis() {
        return java.util.Optional.ofNullable(analysis);
    }

    /** The sync indicator of the status bar; empty without a project. */
    public java.util.Optional<io.chai.app.ui.sync.SyncIndicator> syncIndicator() {
        return java.util.Optional.ofNullable(syncIndicator);
    }

    /** Opens (or brings forward) the Team and quality window; null (with a notification) without a project. */
    public io.chai.app.ui.team.TeamWindow showTeam() {
        io.chai.app.ui.project.ProjectSession project = content.project().orElse(null);
        if (project == null) {
            notifications.warning("Team and quality figures come from a project: open one with --project DIR or --demo.");
            return null;
        }
        if (teamWindow == null) {
            teamWindow = new io.chai.app.ui.team.TeamWindow(new io.chai.app.ui.team.viewmodel.TeamViewModel(
                    project.store(), new io.chai.app.ui.team.viewmodel.TeamStatsCalculator(project.specification(),
                            java.time.ZoneId.systemDefault())), tasks, stage, project.info().name());
        }
        teamWindow.show();
        return teamWindow;
    }

    private javafx.scene.Node syncNode() {
        io.chai.app.ui.project.ProjectSession project = content.project().orElse(null);
        if (project == null) {
            return new Region();
        }
        io.chai.app.ui.sync.viewmodel.SyncViewModel vm;
        try {
            vm = new io.chai.app.ui.sync.viewmodel.SyncViewModel(project.store(),
                    io.chai.app.ui.sync.viewmodel.SharedStoreConfig.load(project.root()), java.time.ZoneId.systemDefault());
        } catch (io.chai.common.UserFacingException e) {
            notifications.error(e.getMessage(), e);
            vm = new io.chai.app.ui.sync.viewmodel.SyncViewModel(project.store(), java.util.Optional.empty(),
                    java.time.ZoneId.systemDefault());
        }
        syncIndicator = new io.chai.app.ui.sync.SyncIndicator(vm, tasks, notifications, () -> user);
        // others' clips and states: the library's rows are read again (caption editors are left alone: the user may
        // be typing; they follow the store at their next step)
        syncIndicator.setOnPulled(() -> {
            if (library != null) {
                library.refresh();
            }
        });
        afterFirstFrame(syncIndicator::refresh);
        return syncIndicator;
    }

    /** The caption stepper (view model and view) of a clip's caption session. */
    private void attachCaptions(CaptionSession session) {
        captions = new CaptionStepperViewModel(session.workflow(), session.works(), session.clip(),
                session.models(), CaptionWorkflows.user(user), modelThread, Platform::runLater,
                java.time.Clock.systemUTC());
        CaptionStepperViewModel vm = captions;
        vm.revisionProperty().addListener((o, a, b) -> {
            if (vm == captions) {
                review.refresh();
            }
        });
        // a new clip's stepper: its view is built now if its tab is on screen, else when the tab is next shown
        captionsView = null;
        captionsTab.setContent(new Region());
        if (captionsTab.isSelected()) {
            captionsView();
        }
    }

    /** The caption stepper's view, built (and put in its tab) the first time it is needed; null without a project. */
    private CaptionStepperView captionsView() {
        if (captionsView == null && captions != null) {
            captionsView = new CaptionStepperView(captions);
            captionsTab.setContent(captionsView);
            captionsView.applyCss();   // skins now, so the view's parts can be found (and focused) at once
        }
        return captionsView;
    }

    /** The review view, built (and put in its tab) the first time it is needed; null without a project. */
    private ReviewView reviewView() {
        if (reviewView == null && review != null) {
            reviewView = new ReviewView(review);
            reviewTab.setContent(reviewView);
            reviewView.applyCss();
        }
        return reviewView;
    }

    private String windowTitle() {
        return "CHAI Workstation — " + content.title();
    }

    private void showClipLabels() {
        clipLabel.setText(content.clip().name() + " · " + content.clip().frameCount() + " frames @ "
                + content.clip().timing().rate() + " fps");
        specLabel.setText(content.specification().id() + " " + content.specification().version()
                + " · answers: " + content.answers().describe());
    }

    /**
     * The clip on screen and its parts (frames, answers, caption session, project); changes when the user opens
     * another clip of the project. Views that follow the clip (a player surface, an exam overlay) listen here.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<WorkstationContent> contentProperty() {
        return contentProperty.getReadOnlyProperty();
    }

    /** The open project (for the library and the queue); empty for the test pattern. */
    public java.util.Optional<io.chai.app.ui.project.ProjectSession> project() {
        return content.project();
    }

    /** The id of the clip on screen (hex), when it is a project clip. */
    public java.util.Optional<String> clipId() {
        return content.captions().map(c -> c.clip().hex());
    }

    /** Whether a clip switch is in progress. */
    public boolean switching() {
        return switching;
    }

    /**
     * Opens another clip of the project in place of the one on screen: the answers are saved first (a failed save
     * keeps the clip), unsaved caption-editor text is kept for when the user comes back, the player, checklist
     * answers and caption stepper switch to the new clip. The clip is opened off the UI thread; the future
     * completes on the UI thread with whether the clip is now on screen. Refused (false, with a notification)
     * without a project, while a model call runs, or when the clip cannot be opened.
     */
    public java.util.concurrent.CompletableFuture<Boolean> openClip(String clipRef) {
        java.util.concurrent.CompletableFuture<Boolean> done = new java.util.concurrent.CompletableFuture<>();
        io.chai.app.ui.project.ProjectSession project = content.project().orElse(null);
        if (project == null) {
            notifications.warning("Other clips open from a project: start with --project DIR or --demo.");
            done.complete(false);
            return done;
        }
        if (switching) {
            notifications.warning("Another clip is being opened; wait a moment.");
            done.complete(false);
            return done;
        }
        if (captions != null && captions.busyProperty().get()) {
            notifications.warning("A model call is running for this clip: wait for it or cancel it ("
                    + shortcuts.keyOf("captions.cancel") + ") before opening another clip.");
            done.complete(false);
            return done;
        }
        if (clipId().isPresent() && clipRef != null && clipRef.equals(clipId().get())) {
            done.complete(true);
            return done;
        }
        autosave.stop();
        if (checklist.dirtyProperty().get() && !save()) {
            notifications.warning("The answers of this clip could not be saved, so it stays open.");
            done.complete(false);
            return done;
        }
        switching = true;
        javafx.concurrent.Task<WorkstationContent> open = new javafx.concurrent.Task<>() {
            @Override
            protected WorkstationContent call() {
                updateTitle("Opening clip " + (clipRef == null ? "" : clipRef.length() > 12 ? clipRef.substring(0, 12)
                        : clipRef));
                return project.openClip(clipRef);
            }
        };
        open.setOnSucceeded(e -> {
            switching = false;
            WorkstationContent next = open.getValue();
            if (cannotSwitchNow()) {
                closeClipLater(next.clip());
                done.complete(false);
                return;
            }
            swapTo(next);
            done.complete(true);
        });
        open.setOnFailed(e -> {
            switching = false;
            Throwable t = open.getException();
            notifications.error(t instanceof UserFacingException ? t.getMessage()
                    : "Cannot open the clip: " + t.getMessage(), t);
            done.complete(false);
        });
        open.setOnCancelled(e -> {
            switching = false;
            done.complete(false);
        });
        tasks.submit(open);
        return done;
    }

    private boolean cannotSwitchNow() {
        if (captions != null && captions.busyProperty().get()) {
            notifications.warning("A model call started meanwhile; the other clip was not opened.");
            return true;
        }
        if (checklist.dirtyProperty().get() && !save()) {
            notifications.warning("The answers of this clip could not be saved, so it stays open.");
            return true;
        }
        return false;
    }

    /** Replaces the per-clip parts with {@code next}'s; the old clip's decoder closes on the decode thread. */
    private void swapTo(WorkstationContent next) {
        WorkstationContent old = content;
        rememberDraft();
        // the old clip: stop its player, drop its pending frames and thumbnails, close its decoder after them
        playerView.stop();
        player.pause();
        loader.close();
        String filmstrip = "Filmstrip of " + old.clip().name();
        for (javafx.concurrent.Task<?> t : List.copyOf(tasks.running())) {
            if (filmstrip.equals(t.getTitle())) {
                t.cancel();
            }
        }
        closeClipLater(old.clip());
        try {
            old.answers().close();
        } catch (RuntimeException ex) {
            notifications.error(ex.getMessage(), ex);
        }
        if (captions != null) {
            captions.close();
        }
        content = next;
        // the new clip
        attachPlayer(next.clip());
        double[] left = leftSplit.getDividerPositions();
        boolean hadFocus = playerView.isFocusWithin();
        playerView = new PlayerView(player, tasks, notifications);
        leftSplit.getItems().set(0, playerView);
        leftSplit.setDividerPositions(left);
        for (var g : checklist.groups()) {
            for (String field : List.copyOf(g.suggestions().keySet())) {
                checklist.dismissSuggestion(field);
            }
        }
        loadAnswers(next);
        autosave.stop();
        next.captions().ifPresent(session -> {
            attachCaptions(session);
            restoreDraft();
            review.refresh();
        });
        showClipLabels();
        showSaveState(null);
        if (stage != null) {
            stage.setTitle(windowTitle());
        }
        contentProperty.set(next);
        exam.ifPresent(x -> x.showContent(next, captions));
        if (hadFocus) {
            playerView.focusVideo();
        }
    }

    private void closeClipLater(io.chai.app.ui.frames.FrameSource clip) {
        try {
            decodeThread.execute(() -> {
                synchronized (clip) {
                    clip.close();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (clip) {
                clip.close();
            }
        }
    }

    /**
     * The caption editors' unsaved state of one clip for one user: kept while the user works on other clips, or while
     * someone else is the user (text typed but not yet stepped is the typist's: the next user starts from the stored
     * work, and finds their own unsaved text again when they come back).
     */
    private record StepperDraft(io.chai.model.domain.Aspect aspect,
            io.chai.model.workflow.AspectWork work, int rating, String critique,
            List<io.chai.model.domain.CritiqueItem> items, String caption) {
    }

    private String draftKey() {
        return captions.clip().hex() + "/" + user;
    }

    private void rememberDraft() {
        if (captions == null) {
            return;
        }
        var a = captions.selectedProperty().get();
        stepperDrafts.put(draftKey(), new StepperDraft(a, captions.current(),
                captions.ratingProperty().get(), captions.critiqueProperty().get(), List.copyOf(captions.items()),
                captions.captionProperty().get()));
    }

    private void restoreDraft() {
        StepperDraft d = stepperDrafts.remove(draftKey());
        if (d == null) {
            return;
        }
        captions.select(d.aspect());
        if (!captions.current().equals(d.work())) {
            return;     // the work changed meanwhile (a review, another window): the stored state wins
        }
        captions.ratingProperty().set(d.rating());
        captions.critiqueProperty().set(d.critique());
        captions.items().setAll(d.items());
        captions.captionProperty().set(d.caption());
    }

    /** The Library tab (clips of the project, filters, 'Next in my queue'). */
    private void addLibrary(io.chai.app.ui.project.ProjectSession project) {
        libraryThread = daemonThread("chai-library");
        thumbnailThread = daemonThread("chai-thumbnails");
        library = new io.chai.app.ui.library.LibraryViewModel(
                io.chai.app.ui.library.LibrarySource.of(project.store()), libraryThread, Platform::runLater);
        var thumbs = new io.chai.app.ui.library.ThumbnailCache<javafx.scene.image.Image>(
                id -> FxImages.toImage(project.thumbnail(id, io.chai.app.ui.library.LibraryView.THUMB_WIDTH * 2)),
                400, thumbnailThread, Platform::runLater);
        // the table is built the first time the tab is shown; its rows load in the background after the first frame
        libraryTab = new Tab("Library", new Region());
        libraryTab.setId("tab-library");
        sideTabs.getTabs().add(libraryTab);
        libraryTab.selectedProperty().addListener((o, was, now) -> {
            if (now && libraryView == null) {
                libraryView = new io.chai.app.ui.library.LibraryView(library, thumbs, () -> clipId().orElse(null),
                        id -> openClip(id), this::nextInQueue, "Ctrl+N");
                libraryTab.setContent(libraryView);
                libraryView.applyCss();
            }
        });
        // the library needs width: while its tab is shown the side pane takes two thirds of the window
        double[] before = {-1};
        libraryTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                before[0] = mainSplit.getDividerPositions()[0];
                mainSplit.setDividerPositions(Math.min(before[0], LIBRARY_DIVIDER));
            } else if (before[0] >= 0) {
                mainSplit.setDividerPositions(before[0]);
                before[0] = -1;
            }
        });
        // after a caption step or a review only the clips concerned are read again (a full load is for imports)
        java.util.Set<String> stepped = new java.util.LinkedHashSet<>();
        PauseTransition reload = new PauseTransition(Duration.millis(400));
        reload.setOnFinished(e -> {
            library.refreshClips(List.copyOf(stepped));
            stepped.clear();
        });
        java.util.function.Consumer<CaptionStepperViewModel> follow = vm -> vm.revisionProperty().addListener(
                (x, y, z) -> {
                    stepped.add(vm.clip().hex());
                    reload.playFromStart();
                });
        if (review != null) {
            review.revisionProperty().addListener((o, a, b) -> {
                ReviewViewModel.Item decided = review.selectedProperty().get();
                if (decided == null) {
                    library.refresh();
                } else {
                    stepped.add(decided.clip().hex());
                    reload.playFromStart();
                }
            });
        }
        contentProperty.addListener((o, a, b) -> {
            if (libraryView != null) {
                libraryView.refreshRows();
            }
            if (captions != null) {
                follow.accept(captions);
            }
        });
        if (captions != null) {
            follow.accept(captions);
        }
        afterFirstFrame(library::refresh);
    }

    /**
     * Runs {@code work} (on the JavaFX thread) once the first frame is on screen: work that would compete with the
     * first frame for the CPU (the rest of the checklist, loading the library's rows, the sync status) waits for it.
     */
    private void afterFirstFrame(Runnable work) {
        Observables.whenTrue(playerView.firstFrameDrawnProperty(), work);
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What File > Open / new / recent project does: the launcher closes this window and shows the start screen in
     * its place (set by {@link WorkstationLauncher}).
     */
    public void setOnStartScreen(Runnable action) {
        onStartScreen = action;
    }

    /** Goes to the start screen (recent, open, new, demo); this window saves and closes first. */
    public void showStartScreen() {
        if (onStartScreen == null) {
            notifications.warning("Projects are chosen on the start screen: run 'chai workstation' without --project.");
            return;
        }
        onStartScreen.run();
    }

    /** Selects the Library tab and focuses its table. */
    public void showLibrary() {
        if (libraryTab == null) {
            notifications.warning("The library lists the clips of a project: open one with --project DIR or --demo.");
            return;
        }
        sideTabs.getSelectionModel().select(libraryTab);
        if (libraryView != null) {
            libraryView.focus();
        }
    }

    /** The library view model; empty without a project. */
    public java.util.Optional<io.chai.app.ui.library.LibraryViewModel> library() {
        return java.util.Optional.ofNullable(library);
    }

    /** The library view; empty without a project. */
    public java.util.Optional<io.chai.app.ui.library.LibraryView> libraryView() {
        return java.util.Optional.ofNullable(libraryView);
    }

    /**
     * Opens the next clip assigned to the current user that still needs work (after the clip on screen, in import
     * order, wrapping round); says so when the queue is empty.
     */
    public void nextInQueue() {
        if (library == null || user == null) {
            notifications.warning("The work queue belongs to a project: open one with --project DIR or --demo.");
            return;
        }
        String who = user;
        library.nextInQueue(who, clipId().orElse(null)).whenComplete((next, error) -> {
            if (error != null) {
                notifications.error("Cannot read the work queue: " + error.getMessage(), error);
            } else if (next.isEmpty()) {
                notifications.info("Your queue is empty: no clip assigned to " + who + " needs work.");
            } else if (next.get().equals(clipId().orElse(null))) {
                notifications.info("This clip is the only one in your queue.");
            } else {
                openClip(next.get()).thenAccept(ok -> {
                    if (ok && libraryView != null) {
                        libraryView.reveal(next.get());
                    }
                });
            }
        });
    }

    /** Puts {@code stage} where the window was last (when that is still on a screen), maximized if it was. */
    static void placeAsSaved(Stage stage, WorkstationSettings settings) {
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
    }

    /** Shows the window on {@code stage}, restoring the remembered size and position. */
    public void show(Stage stage) {
        this.stage = stage;
        stage.setTitle(windowTitle());
        stage.setScene(scene);
        placeAsSaved(stage, settings);
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
        if (captions != null) {
            captions.close();
        }
        modelThread.shutdownNow();
        content.captions().ifPresent(c -> {
            try {
                c.resources().close();
            } catch (Exception e) {
                System.err.println("chai: " + e.getMessage());
            }
        });
        content.project().ifPresent(p -> {
            try {
                p.close();
            } catch (RuntimeException e) {
                System.err.println("chai: " + e.getMessage());
            }
        });
        decodeThread.shutdownNow();
        if (libraryThread != null) {
            libraryThread.shutdownNow();
            thumbnailThread.shutdownNow();
        }
        if (cheatSheetStage != null) {
            cheatSheetStage.close();
        }
        if (teamWindow != null) {
            teamWindow.stage().close();
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

    /** The caption stepper's view model; empty without a project. */
    public java.util.Optional<CaptionStepperViewModel> captions() {
        return java.util.Optional.ofNullable(captions);
    }

    /** The review view model; empty without a project. */
    public java.util.Optional<ReviewViewModel> review() {
        return java.util.Optional.ofNullable(review);
    }

    /** The exam tabs; present when the project is an exam. */
    public java.util.Optional<io.chai.app.ui.exam.ExamTabs> exam() {
        return exam;
    }

    public TabPane sideTabs() {
        return sideTabs;
    }

    /** The current workstation user (who annotates and reviews); null without a project. */
    public String user() {
        return user;
    }

    /**
     * Switches the current user (stored in the settings): the checklist's answers, the caption stepper and the
     * review queue now act as {@code id}. Unsaved answers are saved first as the previous user (a failed save
     * refuses the switch). A blank id is refused with a notification.
     */
    public boolean switchUser(String id) {
        if (captions == null) {
            notifications.warning("Users matter for captions and review only; open a project first.");
            return false;
        }
        if (id == null || id.isBlank() || !id.strip().matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            notifications.warning("A user name is 1–64 letters, digits, '.', '_', '@' or '-'.");
            return false;
        }
        // what the previous user changed in the checklist is theirs: saved under their name before the switch
        autosave.stop();
        if (checklist.dirtyProperty().get() && !save()) {
            notifications.warning("The answers of " + user + " could not be saved, so " + user + " stays the user.");
            return false;
        }
        rememberDraft();   // the caption text the previous user typed but did not step stays theirs
        user = id.strip();
        content.project().ifPresent(p -> p.setUser(user));
        var u = review.works().user(user); // the project's roles (every role when it records none)
        captions.userProperty().set(u);
        review.userProperty().set(u);
        captions.reload();
        restoreDraft();
        exam.ifPresent(x -> x.setUser(user));
        settings.setUser(user);
        try {
            settings.save();
        } catch (RuntimeException e) {
            notifications.error(e.getMessage(), e);
        }
        notifications.info("Now working as " + user + ".");
        return true;
    }

    /** Opens the Switch user dialog (non-blocking). */
    public TextInputDialog showSwitchUser() {
        TextInputDialog d = new TextInputDialog(user == null ? "" : user);
        d.setTitle("Switch user");
        d.setHeaderText("Who is working now? (annotating, reviewing; never reviewing one's own work)");
        d.getEditor().setId("switch-user-name");
        if (stage != null) {
            d.initOwner(stage);
        }
        d.setOnHidden(e -> {
            String r = d.getResult();
            if (r != null) {
                switchUser(r);
            }
        });
        d.show();
        return d;
    }

    private void onCaptions(Tab tab, java.util.function.Consumer<CaptionStepperViewModel> action) {
        if (captions == null) {
            return;
        }
        sideTabs.getSelectionModel().select(tab);
        action.accept(captions);
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

    /** Opens Help > About: version, build time, commit and the JavaFX, FFmpeg and libVLC versions found. */
    public io.chai.app.ui.about.AboutDialog showAbout() {
        return io.chai.app.ui.about.AboutDialog.show(stage, scene.getStylesheets(), root.getStyle(),
                settings.file().getParent());
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
        reg("player.playPause", p, "Play / pause", "Space", () -> player.togglePlay());
        reg("player.shuttleBack", p, "Play backwards (again: faster)", "J", () -> player.shuttleBackward());
        reg("player.stop", p, "Pause", "K", () -> player.pause());
        reg("player.shuttleForward", p, "Play forwards (again: faster)", "L", () -> player.shuttleForward());
        reg("player.prevFrame", p, "Previous frame", "Left", () -> player.step(-1));
        reg("player.nextFrame", p, "Next frame", "Right", () -> player.step(1));
        reg("player.back10", p, "Back 10 frames", "Shift+Left", () -> player.step(-PlayerViewModel.BIG_STEP));
        reg("player.forward10", p, "Forward 10 frames", "Shift+Right", () -> player.step(PlayerViewModel.BIG_STEP));
        reg("player.home", p, "First frame", "Home", () -> player.home());
        reg("player.end", p, "Last frame", "End", () -> player.end());
        reg("player.markIn", p, "Set loop in", "I", () -> player.markIn());
        reg("player.markOut", p, "Set loop out", "O", () -> player.markOut());
        reg("player.clearLoop", p, "Clear loop", "Alt+X", () -> player.clearLoop());
        reg("player.goTo", p, "Go to frame or timecode", "Ctrl+G", () -> scene.lookup("#player-goto").requestFocus());
        reg("player.focus", p, "Focus the video", "Ctrl+1", () -> playerView.focusVideo());
        String f = "Checklist";
        reg("form.focus", f, "Focus the checklist", "Ctrl+2", () -> {
            sideTabs.getSelectionModel().select(checklistTab);
            checklistView.focusSelected();
        });
        reg("form.nextGroup", f, "Next question", "Ctrl+Down", () -> checklistView.moveGroup(1));
        reg("form.prevGroup", f, "Previous question", "Ctrl+Up", () -> checklistView.moveGroup(-1));
        String c = "Captions";
        reg("captions.show", c, "Show the caption stepper", "Ctrl+3", () -> onCaptions(captionsTab,
                x -> captionsView().focusCurrentStep()));
        reg("captions.nextAspect", c, "Next aspect", "Ctrl+Alt+Right", () -> onCaptions(captionsTab,
                x -> x.select(io.chai.model.domain.Aspect.values()[Math.min(4, x.selectedProperty().get().ordinal() + 1)])));
        reg("captions.prevAspect", c, "Previous aspect", "Ctrl+Alt+Left", () -> onCaptions(captionsTab,
                x -> x.select(io.chai.model.domain.Aspect.values()[Math.max(0, x.selectedProperty().get().ordinal() - 1)])));
        reg("captions.generate", c, "Generate / regenerate the pre-caption", "Ctrl+Enter",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::generate));
        reg("captions.cancel", c, "Cancel the running model call", "Ctrl+Period",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::cancel));
        for (int i = 1; i <= 5; i++) {
            int score = i;
            reg("captions.rate" + i, c, "Rate " + i + " " + CaptionStepperViewModel.face(i), "Alt+" + i,
                    () -> onCaptions(captionsTab, x -> x.ratingProperty().set(score)));
        }
        reg("captions.addItem", c, "Attach a critique item to the selected pre-caption text", "Ctrl+M",
                () -> onCaptions(captionsTab, x -> captionsView().addItemFromSelection()));
        reg("captions.critique", c, "Rate and critique (one step)", "Ctrl+Shift+Enter",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::submitCritique));
        reg("captions.polish", c, "Polish the critique", "Ctrl+Shift+P",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::polish));
        reg("captions.revise", c, "Revise into a post-caption", "Ctrl+R",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::revise));
        reg("captions.saveCaption", c, "Save the edited post-caption", "Ctrl+Shift+S",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::saveCaption));
        reg("captions.submit", c, "Submit for review", "Ctrl+Alt+Enter",
                () -> onCaptions(captionsTab, CaptionStepperViewModel::submit));
        String r = "Review";
        reg("review.show", r, "Show the review queue", "Ctrl+4", () -> {
            if (review != null && sideTabs.getTabs().contains(reviewTab)) {
                sideTabs.getSelectionModel().select(reviewTab);
                reviewView().focusQueue();
            }
        });
        reg("review.approve", r, "Approve the selected item", "Ctrl+Alt+A", () -> {
            if (review != null && sideTabs.getTabs().contains(reviewTab)) {
                sideTabs.getSelectionModel().select(reviewTab);
                review.approve(null);
            }
        });
        reg("file.switchUser", "File", "Switch user…", "Ctrl+Shift+U", this::showSwitchUser);
        reg("file.openProject", "File", "Open or create a project… (start screen)", "Ctrl+Shift+O",
                this::showStartScreen);
        reg("library.show", "Library", "Show the library of clips", "Ctrl+L", this::showLibrary);
        reg("library.next", "Library", "Open the next clip in my queue", "Ctrl+N", this::nextInQueue);
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
        reg("view.team", v, "Team and quality figures", "Ctrl+Shift+Q", this::showTeam);
        reg("sync.now", "File", "Sync now with the shared store", "Ctrl+Shift+Y", () -> {
            if (syncIndicator != null) {
                syncIndicator.syncNow();
            }
        });
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
        file.getItems().add(1, item("Switch user…", "file.switchUser", this::showSwitchUser));
        file.getItems().add(0, item("Open / new / recent project…", "file.openProject", this::showStartScreen));
        file.getItems().add(3, item("Library", "library.show", this::showLibrary));
        file.getItems().add(4, item("Next in my queue", "library.next", this::nextInQueue));
        Menu view = new Menu("_View", null,
                item("Switch light / dark theme", "view.theme", () -> applyTheme(theme.other())),
                item("Larger text", "view.fontLarger", () -> applyFontScale(FontScale.larger(fontScale))),
                item("Smaller text", "view.fontSmaller", () -> applyFontScale(FontScale.smaller(fontScale))),
                item("Normal text size", "view.fontReset", () -> applyFontScale(1.0)),
                item("Show / hide tasks", "view.tasks", this::toggleTaskPanel));
        view.getItems().add(item("Team and quality…", "view.team", this::showTeam));
        file.getItems().add(file.getItems().size() - 1, item("Sync now", "sync.now", () -> {
            if (syncIndicator != null) {
                syncIndicator.syncNow();
            } else {
                notifications.warning("Sync works on a project: open one with --project DIR or --demo.");
            }
        }));
        MenuItem about = new MenuItem("About CHAI Workstation");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, item("Keyboard shortcuts", "help.shortcuts", this::showCheatSheet), about);
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
        clipLabel.setId("clip-label");
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
        HBox bar = new HBox(saveState, clipLabel, specLabel, spacer, syncNode(), tasksButton, themeButton, help);
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
