// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.store.ClipTable;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library and work queue of a project: every clip in a table that filters (state, aspect, assignee, tag,
 * text) and sorts on any column. Loading, searching, filtering and sorting run on the background executor
 * (newest request wins); the result replaces the rows on the UI executor in one change, and rows are made only for
 * what the table shows, so a project of 100,000 clips stays smooth. After a step on a few clips
 * ({@link #refreshClips}) only their rows are read again; when they keep their places under the filter and sort
 * order, only their positions are reported as updated (the table keeps its selection and scroll position). Uses JavaFX properties but
 * no scene graph.
 */
public final class LibraryViewModel {
    /** Most full-text hits a text filter takes into account (the newest annotations first). */
    public static final int SEARCH_LIMIT = 20_000;
    /** More changed clips than this at once are read with a full load instead ({@link #refreshClips}). */
    public static final int MAX_CLIP_UPDATE = 500;

    private final LibrarySource source;
    private final Executor background;
    private final Executor ui;
    private final RowList rows = new RowList();
    private final ObservableList<LibraryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<LibraryFilter> filter = new SimpleObjectProperty<>(LibraryFilter.ALL);
    private final ObservableList<SortKey> sortOrder = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(0);
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> assignees = FXCollections.observableArrayList();
    private volatile ClipTable table;
    /** The newest table the background has made (shown or about to be): what the next update starts from. */
    private volatile ClipTable latest;
    /** Clips changed since the last background run (guarded by this). */
    private final Set<String> changedClips = new java.util.LinkedHashSet<>();
    private final java.util.concurrent.atomic.AtomicBoolean reloadWanted = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();
    private String lastSearch;
    private Set<String> lastHits;

    public LibraryViewModel(LibrarySource source, Executor background, Executor ui) {
        this.source = Objects.requireNonNull(source);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        filter.addListener((o, a, b) -> apply(false));
        sortOrder.addListener((javafx.collections.ListChangeListener<SortKey>) c -> apply(false));
    }

    /** The rows shown, in order (read-only). */
    public ObservableList<LibraryRow> rows() {
        return rowsView;
    }

    public ObjectProperty<LibraryFilter> filterProperty() {
        return filter;
    }

    /** The sort order, most significant first; empty = import order. */
    public ObservableList<SortKey> sortOrder() {
        return sortOrder;
    }

    /** True while a load or a filter runs. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "12 of 3,000 clips" and the like. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last failure (one line), "" when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Increases each time new rows are shown. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Every tag of the project (for the tag filter). */
    public ObservableList<String> tags() {
        return tags;
    }

    /** Every assignee of the project (for the assignee filter). */
    public ObservableList<String> assignees() {
        return assignees;
    }

    /** The loaded table; null before the first load. */
    public ClipTable table() {
        return table;
    }

    /** Position of a clip among the rows shown, or -1. */
    public int indexOf(String clipId) {
        return rows.indexOf(clipId);
    }

    /** (Re)loads every clip from the store, then filters and sorts (imports, sync pulls, anything broad). */
    public void refresh() {
        apply(true);
    }

    /**
     * After a step on {@code clipIds} (a caption step, a review, an assignment): reads only their rows again (queue
     * states, assignees, tags) and keeps the filter and the sort order; a row that still fits where it was is
     * replaced in place. A full load instead before the first load, for more than {@value #MAX_CLIP_UPDATE} clips,
     * or when a clip is not in the table (imported since).
     */
    public void refreshClips(java.util.Collection<String> clipIds) {
        if (clipIds.isEmpty()) {
            return;
        }
        synchronized (this) {
            changedClips.addAll(clipIds);
        }
        apply(false);
    }

    private void apply(boolean reload) {
        long token = requested.incrementAndGet();
        if (reload) {
            reloadWanted.set(true);
        }
        LibraryFilter f = filter.get();
        List<SortKey> sort = List.copyOf(sortOrder);
        loading.set(true);
        try {
            background.execute(() -> {
                try {
                    if (token != requested.get()) {
                        return;         // a newer request will do the work (and the reload, if one is wanted)
                    }
                    ClipTable current = latest;
                    Set<String> changed;
                    synchronized (LibraryViewModel.this) {
                        changed = Set.copyOf(changedClips);
                        changedClips.clear();
                    }
                    boolean load = reloadWanted.getAndSet(false) || current == null
                            || changed.size() > MAX_CLIP_UPDATE;
                    ClipTable t = load ? null : changed.isEmpty() ? current
                            : source.update(current, changed).orElse(null);
                    if (t == null) {
                        load = true;
                        t = source.load();
                    }
                    latest = t;
                    // a changed clip's captions may now match the search, or no longer
                    Set<String> hits = f.searches() ? hits(f.text(), load || !changed.isEmpty()) : null;
                    int[] order = LibraryQuery.apply(t, f, hits, sort);
                    int[] positions = load || changed.isEmpty() ? null : positions(t, order, changed);
                    ClipTable shown = t;
                    ui.execute(() -> show(token, shown, order, positions));
                } catch (RuntimeException e) {
                    reloadWanted.set(true);   // what failed (a load, a clip update) is redone by the next request
                    ui.execute(() -> {
                        if (token == requested.get()) {
                            loading.set(false);
                            error.set("Cannot load the library: " + message(e));
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            loading.set(false);
        }
    }

    private Set<String> hits(String text, boolean fresh) {
        synchronized (this) {
            if (!fresh && text.equals(lastSearch)) {
                return lastHits;
            }
        }
        Set<String> h = source.search(text, SEARCH_LIMIT);
        synchronized (this) {
            lastSearch = text;
            lastHits = h;
        }
        return h;
    }

    /** Where the rows of {@code clipIds} are in {@code order}, ascending (those shown). */
    private static int[] positions(ClipTable t, int[] order, Set<String> clipIds) {
        java.util.BitSet rowsOf = new java.util.BitSet(t.size());
        for (String id : clipIds) {
            int r = t.rowOf(id);
            if (r >= 0) {
                rowsOf.set(r);
            }
        }
        int[] out = new int[clipIds.size()];
        int n = 0;
        for (int i = 0; i < order.length && n < out.length; i++) {
            if (rowsOf.get(order[i])) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Shows a result: with {@code positions} (after a clip update) and the same row order as shown, only those
     * positions are reported updated; otherwise the whole list is replaced.
     */
    private void show(long token, ClipTable t, int[] order, int[] positions) {
        if (t != table) {
            table = t;
            if (!tags.equals(t.tagNames())) {
                tags.setAll(t.tagNames());
            }
            if (!assignees.equals(t.assigneeNames())) {
                assignees.setAll(t.assigneeNames());
            }
        }
        if (token != requested.get()) {
            return;
        }
        if (positions != null && rows.table() != null && rows.sameOrder(order)) {
            rows.update(t, positions);
        } else {
            rows.replace(t, order);
        }
        loading.set(false);
        error.set("");
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.ROOT);
        nf.setGroupingUsed(true);
        status.set(order.length == t.size() ? nf.format(t.size()) + " clips"
                : nf.format(order.length) + " of " + nf.format(t.size()) + " clips");
        revision.set(revision.get() + 1);
    }

    /**
     * Finds the next clip in {@code user}'s queue after {@code currentClipId} (import order, wrapping; the current
     * clip itself comes last): a clip with an aspect assigned to them that still needs work. Completes on the UI
     * executor; empty when the queue is empty.
     */
    public CompletableFuture<Optional<String>> nextInQueue(String user, String currentClipId) {
        CompletableFuture<Optional<String>> out = new CompletableFuture<>();
        ClipTable t = table;
        long after = 0;
        if (t != null && currentClipId != null) {
            int r = t.rowOf(currentClipId);
            after = r < 0 ? 0 : t.clipNo(r);
        }
        long from = after;
        try {
            background.execute(() -> {
                try {
                    Optional<String> next = source.nextAssigned(user, from);
                    ui.execute(() -> out.complete(next));
                } catch (RuntimeException e) {
                    ui.execute(() -> out.completeExceptionally(e));
                }
            });
        } catch (RejectedExecutionException e) {
            out.completeExceptionally(e);
        }
        return out;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
