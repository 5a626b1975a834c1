// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.common.UserFacingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Starts JavaFX once, on a thread of its own, so that the toolkit (native libraries, the display connection, the
 * rendering pipeline: most of a second) starts while the program does other start-up work: {@code chai workstation}
 * starts it before parsing its command line and opening the project.
 */
public final class FxToolkit {
    private static CompletableFuture<Void> started;

    private FxToolkit() {
    }

    /** Starts JavaFX if nobody has yet; completes when it runs (at once if it was already running). */
    public static synchronized CompletableFuture<Void> start() {
        if (started == null) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            started = f;
            Thread t = new Thread(() -> {
                try {
                    Platform.startup(() -> f.complete(null));
                } catch (IllegalStateException alreadyRunning) {
                    f.complete(null);
                } catch (RuntimeException | LinkageError e) {
                    f.completeExceptionally(e);
                }
            }, "chai-fx-start");
            t.setDaemon(true);
            t.start();
        }
        return started;
    }

    /** Runs {@code first} on the JavaFX thread once JavaFX runs (starting it if needed); does not wait. */
    public static void whenStarted(Runnable first) {
        start().thenRun(() -> Platform.runLater(first));
    }

    /**
     * Blocks until JavaFX runs (starting it if needed). A machine without a usable display is a one-line
     * {@link UserFacingException}.
     */
    public static void awaitStarted() {
        try {
            start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JavaFX started", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new UserFacingException("cannot open a window: " + cause.getMessage()
                    + " (run on a desktop session, or under xvfb-run)", cause);
        }
    }
}
