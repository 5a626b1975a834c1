// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Shows {@link VlcStream}'s pictures in an {@link ImageView}: a JavaFX {@link PixelBuffer} (BGRA premultiplied)
 * over the stream's buffer, refreshed on the JavaFX thread at most once per pulse however fast pictures come.
 */
public final class FxVideoSink implements VideoSink {
    private final ImageView view;
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private final AtomicLong pictures = new AtomicLong();
    private PixelBuffer<ByteBuffer> pixels;

    public FxVideoSink(ImageView view) {
        this.view = view;
    }

    @Override
    public void format(ByteBuffer buffer, int width, int height) {
        Platform.runLater(() -> {
            pixels = new PixelBuffer<>(width, height, buffer, PixelFormat.getByteBgraPreInstance());
            view.setImage(new WritableImage(pixels));
        });
    }

    @Override
    public void picture() {
        pictures.incrementAndGet();
        if (updatePending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                updatePending.set(false);
                if (pixels != null) {
                    pixels.updateBuffer(b -> null);
                }
            });
        }
    }

    /** How many pictures libVLC has displayed into this sink. */
    public long pictures() {
        return pictures.get();
    }

    public ImageView view() {
        return view;
    }
}
