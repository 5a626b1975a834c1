// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running model call: its provisional text, its final result (present only once the whole answer has arrived and
 * passed every check), and {@link #cancel()} to abort the HTTP exchange.
 */
public final class ChatCall {
    /** Where the call is. */
    public enum State { RUNNING, COMPLETED, FAILED, CANCELLED }

    private final String serverName;
    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean cancelRequested;
    private volatile Runnable abortAction;
    private volatile Thread worker;

    ChatCall(String serverName) {
        this.serverName = serverName;
    }

    /** Aborts the exchange (closing the connection) and fails the call with {@link CallCancelledException}. */
    public void cancel() {
        cancelRequested = true;
        Runnable a = abortAction;
        if (a != null) {
            a.run();
        }
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
        result.completeExceptionally(new CallCancelledException(serverName,
                "The request to server '" + serverName + "' was cancelled; nothing was saved."));
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** Waits for the final result; throws the call's {@link ModelServerException} when it failed. */
    public ChatResult await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CallCancelledException(serverName, "Interrupted while waiting for server '" + serverName + "'.");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new CallCancelledException(serverName, "The request to server '" + serverName + "' was cancelled.");
        }
    }

    /** Like {@link #await()} but gives up (and cancels) after {@code timeout}. */
    public ChatResult await(Duration timeout) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel();
            throw new ServerTimeoutException(serverName, "Server '" + serverName + "' did not finish within "
                    + timeout.toSeconds() + " s; the request was cancelled.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CallCancelledException(serverName, "Interrupted while waiting for server '" + serverName + "'.");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(t);
    }

    /** A view of the outcome for composition; completing it has no effect on the call. */
    public CompletableFuture<ChatResult> future() {
        return result.copy();
    }

    /** The final result, present only when the call completed successfully. */
    public Optional<ChatResult> finalResult() {
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return Optional.of(result.join());
        }
        return Optional.empty();
    }

    /** The failure, present only when the call failed or was cancelled. */
    public Optional<Throwable> failure() {
        if (!result.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            result.join();
            return Optional.empty();
        } catch (java.util.concurrent.CompletionException e) {
            return Optional.of(e.getCause());
        } catch (CancellationException e) {
            return Optional.of(e);
        }
    }

    public State state() {
        if (!result.isDone()) {
            return State.RUNNING;
        }
        if (!result.isCompletedExceptionally()) {
            return State.COMPLETED;
        }
        return failure().filter(CallCancelledException.class::isInstance).isPresent() ? State.CANCELLED : State.FAILED;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** The text received so far (provisional; the final result is what counts). */
    public String partialText() {
        synchronized (partial) {
            return partial.toString();
        }
    }

    // ---------------------------------------------------------------- used by the client

    void appendPartial(String s) {
        synchronized (partial) {
            partial.append(s);
        }
    }

    void resetPartial() {
        synchronized (partial) {
            partial.setLength(0);
        }
    }

    void setAbortAction(Runnable r) {
        this.abortAction = r;
        if (cancelRequested && r != null) {
            r.run();
        }
    }

    void setWorker(Thread t) {
        this.worker = t;
    }

    boolean complete(ChatResult r) {
        return result.complete(r);
    }

    boolean fail(Throwable t) {
        if (t instanceof ModelServerException m && m.partialText().isEmpty()) {
            m.withPartialText(partialText());
        }
        return result.completeExceptionally(t);
    }
}
