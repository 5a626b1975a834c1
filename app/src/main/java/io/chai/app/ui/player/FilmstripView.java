// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.player;

import io.chai.app.ui.FxImages;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.tasks.TaskCenter;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.AccessibleRole;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * A row of evenly spaced thumbnails of the clip with a marker at the frame on screen and the loop range
 * shaded; clicking or dragging seeks. Thumbnails decode in a background task listed in the task panel.
 */
public final class FilmstripView extends Pane {
    public static final int THUMBNAILS = 12;
    /** Width in pixels of each decoded thumbnail. */
    static final int THUMB_WIDTH = 160;
    private static final double HEIGHT = 54;

    private final PlayerViewModel vm;
    private final HBox thumbs = new HBox(2);
    private final Rectangle marker = new Rectangle(3, HEIGHT);
    private final Rectangle loop = new Rectangle(0, HEIGHT);

    /** @param drawn true once the player's first frame is drawn: the thumbnails are decoded after it */
    public FilmstripView(PlayerViewModel vm, TaskCenter tasks, javafx.beans.value.ObservableBooleanValue drawn) {
        this.vm = vm;
        getStyleClass().add("filmstrip");
        setAccessibleRole(AccessibleRole.SLIDER);
        setAccessibleText("Filmstrip: click to jump to a frame");
        setMinHeight(HEIGHT + 4);
        setPrefHeight(HEIGHT + 4);
        setMaxHeight(HEIGHT + 4);
        marker.getStyleClass().add("filmstrip-marker");
        marker.setMouseTransparent(true);
        loop.getStyleClass().add("filmstrip-loop");
        loop.setMouseTransparent(true);
        getChildren().addAll(thumbs, loop, marker);
        vm.shownProperty().addListener((o, a, b) -> requestLayout());
        vm.loopInProperty().addListener((o, a, b) -> requestLayout());
        vm.loopOutProperty().addListener((o, a, b) -> requestLayout());
        setOnMousePressed(e -> seekTo(e.getX()));
        setOnMouseDragged(e -> seekTo(e.getX()));
        List<Integer> indices = vm.filmstripIndices(THUMBNAILS);
        for (int i = 0; i < indices.size(); i++) {
            ImageView iv = new ImageView();
            iv.setPreserveRatio(true);
            iv.setFitHeight(HEIGHT);
            thumbs.getChildren().add(iv);
        }
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() {
                updateTitle("Filmstrip of " + vm.source().name());
                for (int i = 0; i < indices.size(); i++) {
                    if (isCancelled()) {
                        break;
                    }
                    FramePicture p = vm.source().thumbnail(indices.get(i), THUMB_WIDTH);
                    int slot = i;
                    Platform.runLater(() -> ((ImageView) thumbs.getChildren().get(slot)).setImage(FxImages.toImage(p)));
                    updateProgress(i + 1, indices.size());
                    updateMessage((i + 1) + " / " + indices.size() + " thumbnails");
                }
                return null;
            }
        };
        // the thumbnails wait for the first frame: decoding them would compete with it for the CPU
        io.chai.app.ui.Observables.whenTrue(drawn, () -> tasks.submit(t));
    }

    private void seekTo(double x) {
        double w = Math.max(1, getWidth());
        int f = (int) Math.round(Math.max(0, Math.min(1, x / w)) * (vm.frameCount() - 1));
        vm.pause();
        vm.seek(f);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        int n = thumbs.getChildren().size();
        double tw = n == 0 ? 0 : (w - 2 * (n - 1)) / n;
        for (var node : new ArrayList<>(thumbs.getChildren())) {
            ((ImageView) node).setFitWidth(Math.max(1, tw));
        }
        thumbs.resizeRelocate(0, 2, w, HEIGHT);
        FramePicture shown = vm.shownProperty().get();
        int frame = shown == null ? vm.positionProperty().get() : shown.index();
        marker.setX(vm.fraction(frame) * (w - marker.getWidth()));
        marker.setY(2);
        int in = vm.loopInProperty().get();
        int out = vm.loopOutProperty().get();
        if (in >= 0 || out >= 0) {
            double x0 = vm.fraction(Math.max(0, in)) * w;
            double x1 = vm.fraction(out < 0 ? vm.frameCount() - 1 : out) * w;
            loop.setX(x0);
            loop.setY(2);
            loop.setWidth(Math.max(2, x1 - x0));
            loop.setVisible(true);
        } else {
            loop.setVisible(false);
        }
    }
}
