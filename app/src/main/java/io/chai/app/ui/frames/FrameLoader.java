// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Decodes requested frames in the background, newest request first: while a decode runs, further requests
 * replace each other and only the latest is decoded next (so stepping or playing faster than the decoder
 * skips frames instead of queueing them). Each decoded {@link FramePicture} is delivered on the delivery
 * executor (the JavaFX thread in the app). Decodes are serialized on the source's monitor.
 */
public final class FrameLoader {
    private final FrameSource source;
    private final Executor decodeExecutor;
    private final Executor deliveryExecutor;
    private final Consumer<FramePicture> onFrame;
    private final Consumer<RuntimeException> onError;
    private final AtomicInteger wanted = new AtomicInteger(-1);
    private final AtomicBoolean scheduled = new AtomicBoolean(false);
    private volatile boolean closed;

    public FrameLoader(FrameSource source, Executor decodeExecutor, Executor deliveryExecutor,
            Consumer<FramePicture> onFrame, Consumer<RuntimeException> onError) {
        this.source = Objects.requireNonNull(source);
        this.decodeExecutor = Objects.requireNonNull(decodeExecutor);
        this.deliveryExecutor = Objects.requireNonNull(deliveryExecutor);
        this.onFrame = Objects.requireNonNull(onFrame);
        this.onError = Objects.requireNonNull(onError);
    }

    /** Asks for frame {@code index}; it will be delivered unless a newer request overtakes it. */
    public void request(int index) {
        if (closed) {
            return;
        }
        wanted.set(index);
        if (scheduled.compareAndSet(false, true)) {
            decodeExecutor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            int i = wanted.getAndSet(-1);
            if (i < 0 || closed) {
                scheduled.set(false);
                // a request may have arrived between getAndSet and set(false)
                if (!closed && wanted.get() >= 0 && scheduled.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            try {
                FramePicture p;
                synchronized (source) {
                    p = source.frame(i);
                }
                if (p.index() != i) {
                    throw new IllegalStateException("frame source returned frame " + p.index() + " for " + i);
                }
                deliveryExecutor.execute(() -> onFrame.accept(p));
            } catch (RuntimeException e) {
                deliveryExecutor.execute(() -> onError.accept(e));
            }
        }
    }

    /** Stops delivering; pending requests are dropped. */
    public void close() {
        closed = true;
    }
}
