// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation of a scan: another thread calls {@link #cancel()}; the scan notices within one packet
 * and throws {@link CancellationException}, releasing its native resources. Interrupting the scanning thread has
 * the same effect.
 */
public final class CancellationToken {
    /** A token that is never cancelled (thread interruption still cancels). */
    public static final CancellationToken NONE = new CancellationToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this == NONE) {
            throw new IllegalStateException("the shared NONE token cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} if cancelled or if the current thread was interrupted. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
    }
}
