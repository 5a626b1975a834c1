// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Thumbnails of the library's rows, loaded lazily off the UI thread and kept in a least-recently-used cache. The
 * newest request is served first (the rows just scrolled to), and a cell that scrolls away {@link #forget}s its
 * request, so fast scrolling never queues thousands of decodes. All methods but the loader run on the UI thread.
 *
 * @param <T> the thumbnail (a small picture)
 */
public final class ThumbnailCache<T> {
    private final Function<String, T> loader;
    private final int capacity;
    private final Executor worker;
    private final Executor ui;
    private final LinkedHashMap<String, T> cache;
    private final Map<String, List<Consumer<T>>> waiting = new HashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> failed = new HashSet<>();
    private boolean draining;
    private long loads;

    /**
     * @param loader   makes the thumbnail of a clip id (blocking; on {@code worker}); an exception marks the clip as
     *                 having none
     * @param capacity most thumbnails kept
     * @param worker   where loads run (one at a time)
     * @param ui       where results are delivered
     */
    public ThumbnailCache(Function<String, T> loader, int capacity, Executor worker, Executor ui) {
        this.loader = Objects.requireNonNull(loader);
        this.capacity = capacity;
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
        this.cache = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> e) {
                return size() > ThumbnailCache.this.capacity;
            }
        };
    }

    /**
     * The thumbnail of {@code clipId} if cached; otherwise null, and {@code ready} gets it once loaded (unless
     * {@link #forget} is called first, or it cannot be made).
     */
    public T get(String clipId, Consumer<T> ready) {
        T t = cache.get(clipId);
        if (t != null || failed.contains(clipId)) {
            return t;
        }
        List<Consumer<T>> w = waiting.get(clipId);
        if (w == null) {
            w = new ArrayList<>(1);
            waiting.put(clipId, w);
        } else {
            queue.remove(clipId);
        }
        w.add(ready);
        queue.addLast(clipId);
        drain();
        return null;
    }

    /** Drops the waiting requests of {@code clipId} (its cell now shows another clip). */
    public void forget(String clipId, Consumer<T> ready) {
        List<Consumer<T>> w = waiting.get(clipId);
        if (w != null) {
            w.remove(ready);
            if (w.isEmpty()) {
                waiting.remove(clipId);
                queue.remove(clipId);
            }
        }
    }

    /** How many thumbnails are cached. */
    public int size() {
        return cache.size();
    }

    /** How many loads ran (for tests and the bench). */
    public long loads() {
        return loads;
    }

    /** How many requests wait. */
    public int pending() {
        return queue.size();
    }

    private void drain() {
        if (draining || queue.isEmpty()) {
            return;
        }
        String id = queue.pollLast();
        draining = true;
        loads++;
        try {
            worker.execute(() -> {
                T t;
                try {
                    t = loader.apply(id);
                } catch (RuntimeException e) {
                    t = null;
                }
                T result = t;
                ui.execute(() -> done(id, result));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            draining = false;
            queue.clear();
            waiting.clear();
        }
    }

    private void done(String id, T t) {
        draining = false;
        if (t == null) {
            failed.add(id);
        } else {
            cache.put(id, t);
        }
        List<Consumer<T>> w = waiting.remove(id);
        queue.remove(id);
        if (w != null && t != null) {
            for (Consumer<T> c : w) {
                c.accept(t);
            }
        }
        drain();
    }
}
