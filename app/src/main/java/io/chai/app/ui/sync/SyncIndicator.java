// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync;

import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.sync.viewmodel.SyncStatus;
import io.chai.app.ui.sync.viewmodel.SyncViewModel;
import io.chai.app.ui.tasks.TaskCenter;
import io.chai.model.sync.SyncReport;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The sync indicator of the status bar: "Not shared" without a shared store; otherwise last sync, revisions to push
 * and conflicts, a Sync now button (a task in the task centre: progress per durable step, cancel) and a Conflicts
 * button that opens the list where a conflict is resolved by keeping one version. Errors become notifications.
 */
public final class SyncIndicator extends HBox {
    private final SyncViewModel vm;
    private final TaskCenter tasks;
    private final NotificationCenter notifications;
    private final Supplier<String> user;
    private final Button syncNow = new Button("Sync now");
    private final Button conflictsButton = new Button();
    private Task<?> running;
    private ConflictsWindow conflictsWindow;

    /** @param user who resolves conflicts (the workstation's current user) */
    private Runnable onPulled = () -> { };

    public SyncIndicator(SyncViewModel vm, TaskCenter tasks, NotificationCenter notifications, Supplier<String> user) {
        super(6);
        this.vm = vm;
        this.tasks = tasks;
        this.notifications = notifications;
        this.user = user;
        setId("sync-indicator");
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("sync-indicator");
        Label text = new Label();
        text.setId("sync-state");
        text.textProperty().bind(vm.textProperty());
        text.setAccessibleText("Sync state");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.tooltipProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        text.setTooltip(tip);
        syncNow.setId("sync-now");
        syncNow.setFocusTraversable(false);
        syncNow.setOnAction(e -> syncNow());
        conflictsButton.setId("sync-conflicts");
        conflictsButton.setFocusTraversable(false);
        conflictsButton.textProperty().bind(Bindings.createStringBinding(() -> "Conflicts (" + vm.conflicts().size()
                + ")", vm.conflicts()));
        conflictsButton.setOnAction(e -> showConflicts());
        getChildren().addAll(text, syncNow, conflictsButton);
        showShared();
    }

    /** Sync now and Conflicts only for a shared project; "Not shared" is muted. */
    private void showShared() {
        boolean shared = vm.shared();
        Label text = (Label) getChildren().get(0);
        text.getStyleClass().remove("chai-muted");
        if (!shared) {
            text.getStyleClass().add("chai-muted");
        }
        syncNow.setVisible(shared);
        syncNow.setManaged(shared);
        conflictsButton.visibleProperty().unbind();
        conflictsButton.visibleProperty().bind(Bindings.isNotEmpty(vm.conflicts()).and(
                javafx.beans.binding.Bindings.createBooleanBinding(vm::shared)));
        conflictsButton.managedProperty().bind(conflictsButton.visibleProperty());
    }

    public SyncViewModel viewModel() {
        return vm;
    }

    /**
     * Reads the remembered store again (it may have been shared while the window was open) and then its state, in a
     * background task (on open, after a resolution or a cancelled sync); null when the project is not shared.
     */
    public Task<SyncStatus> refresh() {
        try {
            vm.reloadConfig();
        } catch (RuntimeException e) {
            notifications.error(e.getMessage(), e);
        }
        showShared();
        if (!vm.shared()) {
            return null;
        }
        Task<SyncStatus> t = new Task<>() {
            @Override
            protected SyncStatus call() {
                updateTitle("Sync status");
                updateMessage(vm.config().orElseThrow().describe());
                return vm.readStatus();
            }
        };
        t.setOnSucceeded(e -> vm.show(t.getValue()));
        t.setOnFailed(e -> vm.showFailure(oneLine(t.getException())));
        tasks.submit(t);
        return t;
    }

    /**
     * What to do after a sync brought others' work into the project (the window reloads its library); runs on the
     * JavaFX thread.
     */
    public void setOnPulled(Runnable r) {
        onPulled = r == null ? () -> { } : r;
    }

    /** Push then pull as a task of the task centre; cancelling stops at the next durable step. */
    public Task<SyncViewModel.Outcome> syncNow() {
        if (!vm.shared()) {
            notifications.warning("This project has no shared store: share it with 'chai sync --store DIR' first.");
            return null;
        }
        if (running != null && running.isRunning()) {
            @SuppressWarnings("unchecked")
            Task<SyncViewModel.Outcome> r = (Task<SyncViewModel.Outcome>) running;
            return r;
        }
        String[] order = {"acknowledged", "pushed-clips", "pushed-revisions", "saved-scan", "pulled",
                "applied-clips", "applied-revisions", "saved-pull"};
        Task<SyncViewModel.Outcome> t = new Task<>() {
            @Override
            protected SyncViewModel.Outcome call() {
                updateTitle("Sync with " + vm.config().orElseThrow().describe());
                updateMessage("pushing");
                updateProgress(-1, 1);
                return vm.syncNow(this::isCancelled, step -> {
                    int i = java.util.Arrays.asList(order).indexOf(step);
                    updateMessage(step.replace('-', ' '));
                    if (i >= 0) {
                        updateProgress(i + 1, order.length);
                    }
                });
            }
        };
        t.setOnSucceeded(e -> {
            vm.setSyncing(false);
            SyncViewModel.Outcome o = t.getValue();
            vm.show(o.status());
            SyncReport r = o.report();
            if (r.pulledRecords() > 0 || r.appliedRevisions() > 0) {
                onPulled.run();
            }
            String msg = String.format(Locale.ROOT, "Synced: pushed %d revisions, applied %d from others%s%s.",
                    r.pushedRevisions(), r.appliedRevisions(), r.waitingRevisions() == 0 ? ""
                            : ", " + r.waitingRevisions() + " waiting for their clip",
                    o.status().conflicts().isEmpty() ? "" : "; " + o.status().conflicts().size()
                            + " conflict(s) to resolve");
            if (o.status().conflicts().isEmpty()) {
                notifications.info(msg);
            } else {
                notifications.warning(msg);
            }
        });
        t.setOnFailed(e -> {
            vm.setSyncing(false);
            // the task centre posts the error notification; the indicator keeps the last known figures
            vm.showFailure(oneLine(t.getException()));
        });
        t.setOnCancelled(e -> {
            vm.setSyncing(false);
            refresh();
            notifications.info("Sync cancelled; nothing was lost, the next sync continues from there.");
        });
        vm.setSyncing(true);
        syncNow.disableProperty().bind(t.runningProperty());
        running = t;
        tasks.submit(t);
        return t;
    }

    /** Opens (or brings forward) the conflicts list. */
    public ConflictsWindow showConflicts() {
        if (conflictsWindow == null) {
            Window owner = getScene() == null ? null : getScene().getWindow();
            conflictsWindow = new ConflictsWindow(vm, tasks, notifications, user, owner, this::refresh);
        }
        conflictsWindow.show();
        return conflictsWindow;
    }

    static String oneLine(Throwable t) {
        if (t instanceof CancellationException) {
            return "cancelled";
        }
        String m = t == null || t.getMessage() == null ? "unknown error" : t.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
