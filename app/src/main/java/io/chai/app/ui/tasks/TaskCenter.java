// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.tasks;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import io.chai.app.ui.notify.NotificationCenter;

/**
 * Every background task of the workstation in one list (the task panel shows it, each with progress and a
 * cancel button). Tasks run on a small daemon pool; a failure becomes a notification, never a dialog.
 * Must be used from the JavaFX application thread.
 */
public final class TaskCenter implements AutoCloseable {
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();
    private final ObservableList<Task<?>> running = tasks.filtered(t -> !isDone(t));
    private final ExecutorService pool;
    private final NotificationCenter notifications;

    public TaskCenter(NotificationCenter notifications) {
        this.notifications = Objects.requireNonNull(notifications);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "chai-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(2, tf);
    }

    /** Submits {@code task}; its title names it in the panel. Finished tasks stay listed until {@link #clearFinished}. */
    public <T> Task<T> submit(Task<T> task) {
        tasks.add(0, task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.FAILED) {
                Throwable ex = task.getException();
                notifications.error(task.getTitle() + " failed: " + oneLine(ex), ex);
            }
            // re-filter the running view
            int i = tasks.indexOf(task);
            if (i >= 0) {
                tasks.set(i, task);
            }
        });
        pool.execute(task);
        return task;
    }

    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    /** Tasks not yet succeeded, failed or cancelled. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    public IntegerBinding runningCount() {
        return Bindings.size(running);
    }

    public void clearFinished() {
        tasks.removeIf(TaskCenter::isDone);
    }

    public void cancelAll() {
        tasks.forEach(Task::cancel);
    }

    static boolean isDone(Task<?> t) {
        Worker.State s = t.getState();
        return s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED;
    }

    static String oneLine(Throwable ex) {
        if (ex == null) {
            return "unknown error";
        }
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    @Override
    public void close() {
        cancelAll();
        pool.shutdownNow();
    }
}
