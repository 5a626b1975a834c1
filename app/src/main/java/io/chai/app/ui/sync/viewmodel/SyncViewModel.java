// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync.viewmodel;

import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.sync.Conflict;
import io.chai.model.sync.Conflicts;
import io.chai.model.sync.SharedStore;
import io.chai.model.sync.SyncEngine;
import io.chai.model.sync.SyncException;
import io.chai.model.sync.SyncReport;
import io.chai.model.sync.SyncState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar's sync indicator as a view model: whether the project has a shared store ({@code chai sync}
 * remembered one), when it last synced, how many revisions wait to be pushed, the unresolved conflicts; Sync now
 * (push then pull through {@link SyncEngine}, cancellable between its durable steps) and resolving a conflict by
 * keeping one version ({@link Conflicts#resolve}: a merge revision). The blocking methods ({@link #readStatus},
 * {@link #syncNow}, {@link #resolve}) run off the UI thread; {@link #show} and the properties are for the UI thread.
 */
public final class SyncViewModel {
    /** What one Sync now did and where the store stands afterwards. */
    public record Outcome(SyncReport report, SyncStatus status) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProjectStore project;
    private Optional<SharedStoreConfig> config;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper();
    private final ReadOnlyLongWrapper pending = new ReadOnlyLongWrapper(0);
    private final ReadOnlyObjectWrapper<Instant> lastSync = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();

    /**
     * @param config the remembered shared store ({@link SharedStoreConfig#load}); empty: the project is not shared
     */
    public SyncViewModel(ProjectStore project, Optional<SharedStoreConfig> config, ZoneId zone) {
        this.project = Objects.requireNonNull(project);
        this.config = Objects.requireNonNull(config);
        this.zone = Objects.requireNonNull(zone);
        showConfig();
    }

    /**
     * Reads {@code <project>/sync/remote.json} again (the store may have been shared with {@code chai sync} while
     * the window was open); true when the project is shared now. A damaged file throws SyncException (one line).
     */
    public boolean reloadConfig() {
        Optional<SharedStoreConfig> now = SharedStoreConfig.load(project.directory());
        if (!now.equals(config)) {
            config = now;
            showConfig();
        }
        return config.isPresent();
    }

    private void showConfig() {
        if (config.isEmpty()) {
            text.set("Not shared");
            tooltip.set("This project has no shared store. Share it with 'chai sync --store DIR' (a shared folder)"
                    + " or 'chai sync --postgres URL'; the indicator then shows its state here.");
        } else {
            text.set("Shared · status not read yet");
            tooltip.set("Shared store: " + config.get().describe());
        }
    }

    /** True when the project has a shared store. */
    public boolean shared() {
        return config.isPresent();
    }

    public Optional<SharedStoreConfig> config() {
        return config;
    }

    /** Reads the state of the shared store (opens it; blocking). */
    public SyncStatus readStatus() {
        SharedStoreConfig c = requireShared();
        try (SharedStore store = c.open(project.info())) {
            long n = SyncEngine.pendingPush(project, store);
            SyncState st = SyncState.load(project.directory(), SyncEngine.stateKey(store));
            Optional<Instant> last = Optional.ofNullable(st.lastSync()).map(Instant::parse);
            return new SyncStatus(last, n, Conflicts.all(project));
        } catch (SyncException e) {
            throw e;
        } catch (Exception e) {
            throw new SyncException("cannot read the shared store " + c.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pushes then pulls (blocking). {@code progress} hears each durable step ("pushed-revisions", "pulled", …);
     * when {@code cancelled} turns true the sync stops at its next durable step with a CancellationException,
     * having lost nothing (the next sync continues from there).
     */
    public Outcome syncNow(BooleanSupplier cancelled, Consumer<String> progress) {
        SharedStoreConfig c = requireShared();
        SyncEngine engine = new SyncEngine(5_000, step -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("sync cancelled after step " + step);
            }
            progress.accept(step);
        });
        SyncReport report;
        try (SharedStore store = c.open(project.info())) {
            report = engine.sync(project, store);
        } catch (SyncException | CancellationException e) {
            throw e;
        } catch (Exception e) {
            throw new SyncException("sync with " + c.describe() + " failed: " + e.getMessage(), e);
        }
        return new Outcome(report, readStatus());
    }

    /**
     * Resolves {@code conflict} by keeping {@code keep} (one of its heads): appends a merge revision by
     * {@code author} whose parents are all heads. The next sync shares it. Blocking.
     */
    public Revision resolve(Conflict conflict, Revision keep, String author) {
        if (conflict.heads().stream().noneMatch(h -> h.uuid().equals(keep.uuid()))) {
            throw new IllegalArgumentException("revision " + keep.uuid() + " is not a version of this conflict");
        }
        return Conflicts.resolve(project, conflict, keep.payload(), author);
    }

    /** Shows a status (UI thread). */
    public void show(SyncStatus s) {
        lastSync.set(s.lastSync().orElse(null));
        pending.set(s.pending());
        conflicts.setAll(s.conflicts());
        text.set(describe(s));
        tooltip.set("Shared store: " + config.map(SharedStoreConfig::describe).orElse("none") + "\nLast sync: "
                + s.lastSync().map(t -> TIME.format(t.atZone(zone))).orElse("never") + "\nRevisions to push: "
                + s.pending() + "\nConflicts: " + s.conflicts().size());
    }

    /** Shows that reading the store or syncing failed (UI thread); the last known figures stay. */
    public void showFailure(String message) {
        text.set("Sync problem · " + (lastSync.get() == null ? "never synced"
                : "last " + TIME.format(lastSync.get().atZone(zone))));
        tooltip.set(message);
    }

    /** Marks a sync as running (UI thread). */
    public void setSyncing(boolean on) {
        syncing.set(on);
        if (on) {
            text.set("Syncing…");
        }
    }

    String describe(SyncStatus s) {
        String when = s.lastSync().map(t -> "Synced " + TIME.format(t.atZone(zone))).orElse("Never synced");
        int k = s.conflicts().size();
        return when + " · " + s.pending() + " to push" + (k == 0 ? "" : " · " + k + " conflict" + (k == 1 ? "" : "s"));
    }

    private SharedStoreConfig requireShared() {
        return config.orElseThrow(() -> new SyncException("this project has no shared store: share it with "
                + "'chai sync --store DIR' or 'chai sync --postgres URL'"));
    }

    /** The indicator's one line ("Not shared", "Synced 2026-11-29 14:02 · 3 to push · 1 conflict"). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Details for the indicator's tooltip (store, last sync, counts, or what failed). */
    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** The unresolved conflicts as last read. */
    public ObservableList<Conflict> conflicts() {
        return conflicts;
    }
}
