// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves edits as they happen. Text edits ({@link #edit}) are debounced: the latest draft of each (clip, aspect,
 * kind) is appended once typing pauses for {@code quiet}, and never later than {@code maxDelay} after the first
 * unsaved keystroke, so continuous typing is saved at least once per {@code maxDelay}. Decisions
 * ({@link #commitNow}) are appended at once, after any pending text. Every append is a durable transaction (the
 * store syncs its WAL on commit), so with {@code maxDelay} below one second a crash loses at most the last second
 * of typing. {@code onCommitted} is called after each durable append (on the thread that made it).
 */
public final class AutosaveWriter implements AutoCloseable {
    /** Defaults: save after 300 ms without typing, at most 700 ms after the first unsaved edit. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(300);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(700);
    private static final long TICK_MILLIS = 50;

    private record Key(String clipId, String aspect, RevisionKind kind) {
    }

    private record Pending(RevisionDraft draft, long firstNanos, long lastNanos) {
    }

    private final ProjectStore store;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Consumer<Revision> onCommitted;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile RuntimeException lastFailure;

    public AutosaveWriter(ProjectStore store, Duration quiet, Duration maxDelay, Consumer<Revision> onCommitted) {
        this.store = Objects.requireNonNull(store);
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        if (maxDelay.compareTo(Duration.ofSeconds(1)) >= 0 || quiet.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("need quiet <= maxDelay < 1 s");
        }
        this.onCommitted = onCommitted == null ? r -> { } : onCommitted;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chai-autosave");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flushDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public AutosaveWriter(ProjectStore store, Consumer<Revision> onCommitted) {
        this(store, DEFAULT_QUIET, DEFAULT_MAX_DELAY, onCommitted);
    }

    /** Records the latest text of a field; replaces an unsaved earlier draft of the same field. */
    public void edit(RevisionDraft draft) {
        long now = System.nanoTime();
        Key key = new Key(draft.clipId(), draft.aspect(), draft.kind());
        synchronized (pending) {
            Pending old = pending.get(key);
            pending.put(key, new Pending(draft, old == null ? now : old.firstNanos(), now));
        }
    }

    /** Saves pending text, then appends {@code decision} immediately; returns it once durable. */
    public Revision commitNow(RevisionDraft decision) {
        flush();
        Revision r = store.append(decision);
        onCommitted.accept(r);
        return r;
    }

    /** Saves every pending draft now. */
    public void flush() {
        save(true);
    }

    /** The error of the last failed background save, if any (the drafts stay pending and are retried). */
    public RuntimeException lastFailure() {
        return lastFailure;
    }

    private void flushDue() {
        try {
            save(false);
            lastFailure = null;
        } catch (RuntimeException e) {
            lastFailure = e;
        }
    }

    private void save(boolean all) {
        // one saver at a time, so a draft is never overtaken by an older one of the same field
        synchronized (this) {
            List<Map.Entry<Key, Pending>> due = new ArrayList<>();
            long now = System.nanoTime();
            synchronized (pending) {
                for (Map.Entry<Key, Pending> e : pending.entrySet()) {
                    Pending p = e.getValue();
                    if (all || now - p.lastNanos() >= quietNanos || now - p.firstNanos() >= maxDelayNanos - TICK_MILLIS * 1_000_000) {
                        due.add(Map.entry(e.getKey(), p));
                    }
                }
            }
            if (due.isEmpty()) {
                return;
            }
            List<RevisionDraft> drafts = new ArrayList<>();
            due.forEach(e -> drafts.add(e.getValue().draft()));
            List<Revision> saved = store.appendAll(drafts);
            synchronized (pending) {
                for (Map.Entry<Key, Pending> e : due) {
                    pending.remove(e.getKey(), e.getValue()); // keep a newer draft typed meanwhile
                }
            }
            saved.forEach(onCommitted);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
