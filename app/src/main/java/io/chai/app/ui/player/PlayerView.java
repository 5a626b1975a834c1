// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.player;

import io.chai.app.ui.FxImages;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.playback.PlayerEngine;
import io.chai.app.ui.playback.VlcLibrary;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.tasks.TaskCenter;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The player: the frame on screen (paused or stepping: always the exact decoder's picture of the number shown
 * beside it; playing forward with libVLC present: libVLC's picture, see {@link PlayerEngine}), transport
 * buttons, speed, go-to field, frame/timecode/seconds readout, the playback engine (and a one-line notice when
 * playback is from FFmpeg), loop state and the filmstrip. Keyboard control (Space, J/K/L, arrows, Home/End,
 * I/O) comes from the shortcut registry.
 */
public final class PlayerView extends BorderPane {
    private final PlayerViewModel vm;
    private final VideoSurface surface = new VideoSurface();
    /** True from the pulse after the one that laid out the first frame: it has been drawn. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper firstFrameDrawn =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final Label frameLabel = new Label();
    private final Label timecodeLabel = new Label();
    private final Label secondsLabel = new Label();
    private final AnimationTimer timer;
    private final PlayerEngine engine;

    /** A player whose engine is chosen as the system properties say ({@link VlcLibrary.Config#fromSystem}). */
    public PlayerView(PlayerViewModel vm, TaskCenter tasks, NotificationCenter notifications) {
        this(vm, tasks, notifications, VlcLibrary.Config.fromSystem());
    }

    /** A player whose libVLC use follows {@code vlc}. */
    public PlayerView(PlayerViewModel vm, TaskCenter tasks, NotificationCenter notifications, VlcLibrary.Config vlc) {
        this.vm = vm;
        getStyleClass().add("player");
        surface.setId("player-video");
        surface.getStyleClass().add("player-video");
        surface.setFocusTraversable(true);
        surface.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        surface.setAccessibleText("Video frame. Space plays or pauses, J K L shuttle, arrows step frames.");
        surface.setOnMousePressed(e -> surface.requestFocus());
        vm.shownProperty().addListener((o, a, p) -> surface.show(p));
        if (vm.shownProperty().get() != null) {
            surface.show(vm.shownProperty().get());
        }
        surface.streamView.visibleProperty().bind(vm.streamOnScreenProperty());
        surface.view.visibleProperty().bind(vm.streamOnScreenProperty().not());
        setCenter(surface);
        engine = PlayerEngine.attach(vm, surface.streamView, vlc, firstFrameDrawn.getReadOnlyProperty());

        frameLabel.setId("player-frame");
        frameLabel.textProperty().bind(vm.frameText());
        // while libVLC plays, a number it could not identify from the picture is an estimate: say so
        frameLabel.accessibleTextProperty().bind(vm.frameAccessibleText());
        vm.displayedExactProperty().addListener((o, a, exact) -> frameLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("estimated"), !exact));
        timecodeLabel.setId("player-timecode");
        timecodeLabel.textProperty().bind(vm.timecodeText());
        secondsLabel.setId("player-seconds");
        secondsLabel.textProperty().bind(vm.secondsText());
        for (Label l : new Label[] {frameLabel, timecodeLabel, secondsLabel}) {
            l.getStyleClass().add("player-readout");
        }
        Label speedLabel = new Label();
        speedLabel.setId("player-speed");
        speedLabel.textProperty().bind(vm.speedText());
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label loopLabel = new Label();
        loopLabel.textProperty().bind(vm.loopText());
        Label engineLabel = new Label();
        engineLabel.setId("player-engine");
        engineLabel.getStyleClass().add("chai-muted");
        engineLabel.textProperty().bind(vm.engineProperty().map(e -> "Playback: " + e));
        engineLabel.setTooltip(new Tooltip("Playing forward runs on libVLC (with sound) when it is installed;"
                + " paused and stepped frames always come from the exact FFmpeg decoder."));
        Label notice = new Label();
        notice.setId("player-engine-notice");
        notice.setStyle("-fx-text-fill: -chai-warning; -fx-padding: 0.2em 0.5em;");
        notice.setWrapText(false);
        notice.textProperty().bind(vm.engineNoticeProperty());
        notice.visibleProperty().bind(vm.engineNoticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        Button home = button("⇤", "First frame (Home)", vm::home);
        Button back = button("◀ 1", "Previous frame (Left)", () -> vm.step(-1));
        Button play = button("▶ Play", "Play or pause (Space)", vm::togglePlay);
        play.setId("player-play");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.textProperty().bind(vm.playingProperty().map(p -> p ? "❙❙ Pause" : "▶ Play"));
        Button fwd = button("1 ▶", "Next frame (Right)", () -> vm.step(1));
        Button end = button("⇥", "Last frame (End)", vm::end);

        ComboBox<Double> speed = new ComboBox<>(FXCollections.observableArrayList(0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 4.0));
        speed.setAccessibleText("Playback speed");
        speed.setTooltip(new Tooltip("Playback speed for Space (0.1× to 4×)"));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : PlayerViewModel.formatSpeed(d);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", "").trim());
            }
        });
        speed.setValue(vm.baseSpeedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.baseSpeedProperty().set(b);
            }
        });

        TextField goTo = new TextField();
        goTo.setId("player-goto");
        goTo.setPromptText("Go to frame, 00:00:05:00 or 5.2s");
        goTo.setAccessibleText("Go to frame, timecode or seconds");
        goTo.setPrefColumnCount(12);
        goTo.setOnAction(e -> {
            Optional<String> problem = vm.goTo(goTo.getText());
            if (problem.isPresent()) {
                notifications.warning(problem.get());
            } else {
                goTo.clear();
                surface.requestFocus();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox transport = new HBox(home, back, play, fwd, end, speed, speedLabel, loopLabel, spacer, goTo);
        transport.getStyleClass().add("player-controls");
        HBox readout = new HBox(frameLabel, timecodeLabel, secondsLabel, engineLabel);
        readout.getStyleClass().add("player-readout-row");
        FilmstripView filmstrip = new FilmstripView(vm, tasks, firstFrameDrawn.getReadOnlyProperty());
        VBox bottom = new VBox(filmstrip, readout, notice, transport);
        bottom.setPadding(new Insets(2, 0, 0, 0));
        setBottom(bottom);

        boolean marker = Boolean.getBoolean(FIRST_FRAME_MARKER_PROPERTY);
        timer = new AnimationTimer() {
            private int pulsesSinceFirstFrame = -1;

            @Override
            public void handle(long now) {
                vm.tick(now);
                if (pulsesSinceFirstFrame < 1 && surface.current != null) {
                    // the pulse after the one that laid out the first frame: it has been rendered
                    if (++pulsesSinceFirstFrame == 1) {
                        if (marker) {
                            io.chai.app.StartupTrace.markWithCosts("first frame shown", getScene());
                            System.out.println(FIRST_FRAME_MARKER + " " + surface.current.index());
                            System.out.flush();
                        }
                        firstFrameDrawn.set(true);
                    }
                }
            }
        };
        timer.start();
    }

    /** System property: when true, print {@link #FIRST_FRAME_MARKER} once the first frame is on screen. */
    public static final String FIRST_FRAME_MARKER_PROPERTY = "chai.marker.firstFrame";
    /** The line (followed by the frame number) printed to stdout when the first frame is on screen. */
    public static final String FIRST_FRAME_MARKER = "chai-first-frame-shown";

    /**
     * True once the first frame has been drawn (the pulse after the one that laid it out). Work that would compete
     * with the first frame for the CPU waits for it: the filmstrip's thumbnails, loading libVLC, the rest of the
     * window's start-up work.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty firstFrameDrawnProperty() {
        return firstFrameDrawn.getReadOnlyProperty();
    }

    /** The engine choice (libVLC or FFmpeg) and its libVLC player, if any. */
    public PlayerEngine engine() {
        return engine;
    }

    /** The image libVLC's pictures are shown in while playing (for tests and screenshots). */
    public ImageView streamView() {
        return surface.streamView;
    }

    public PlayerViewModel viewModel() {
        return vm;
    }

    /** The image on screen (for tests and screenshots). */
    public ImageView imageView() {
        return surface.view;
    }

    /** Gives keyboard focus to the video (where player keys act). */
    public void focusVideo() {
        surface.requestFocus();
    }

    /** Stops the clock and releases libVLC's player. */
    public void stop() {
        timer.stop();
        engine.close();
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE); // a narrow player (Library tab open) shrinks the go-to field, not "◀ 1"
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The video area: an image scaled to fit, letterboxed on black. */
    static final class VideoSurface extends Pane {
        final ImageView view = new ImageView();
        final ImageView streamView = new ImageView();
        private FramePicture current;

        VideoSurface() {
            for (ImageView v : new ImageView[] {view, streamView}) {
                v.setPreserveRatio(true);
                v.setSmooth(true);
                v.setManaged(false);
            }
            streamView.setVisible(false);
            streamView.imageProperty().addListener((o, a, b) -> requestLayout());
            getChildren().addAll(view, streamView);
            setMinSize(160, 90);
            setPrefSize(640, 360);
        }

        void show(FramePicture p) {
            if (p == null || p == current) {
                return;
            }
            current = p;
            view.setImage(FxImages.toImage(p));
            view.setUserData(p.index());
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            for (ImageView v : new ImageView[] {view, streamView}) {
                if (v.getImage() == null || w <= 0 || h <= 0) {
                    continue;
                }
                double iw = v.getImage().getWidth();
                double ih = v.getImage().getHeight();
                double s = Math.min(w / iw, h / ih);
                v.setFitWidth(iw * s);
                v.setFitHeight(ih * s);
                v.relocate((w - iw * s) / 2, (h - ih * s) / 2);
            }
        }
    }
}
