// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.notify;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Non-blocking notifications: a one-line message, a level, and optional details (e.g. a stack trace) that the
 * user can expand. The newest is first. Must be used from the JavaFX application thread.
 */
public final class NotificationCenter {
    /** How serious a notification is. */
    public enum Level { INFO, WARNING, ERROR }

    /** One notification. {@code details} is empty when there is nothing more to say. */
    public record Notification(long id, Level level, String message, String details, Instant time) {
    }

    public static final int MAX_KEPT = 200;

    private final ObservableList<Notification> all = FXCollections.observableArrayList();
    private final Clock clock;
    private long nextId = 1;

    public NotificationCenter() {
        this(Clock.systemUTC());
    }

    public NotificationCenter(Clock clock) {
        this.clock = clock;
    }

    public Notification info(String message) {
        return post(Level.INFO, message, "");
    }

    public Notification warning(String message) {
        return post(Level.WARNING, message, "");
    }

    public Notification error(String message, Throwable cause) {
        return post(Level.ERROR, message, cause == null ? "" : stackTrace(cause));
    }

    public Notification post(Level level, String message, String details) {
        Notification n = new Notification(nextId++, level, message, details == null ? "" : details, clock.instant());
        all.add(0, n);
        if (all.size() > MAX_KEPT) {
            all.remove(MAX_KEPT, all.size());
        }
        return n;
    }

    public void dismiss(Notification n) {
        all.remove(n);
    }

    /** Newest first. */
    public ObservableList<Notification> all() {
        return all;
    }

    private static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
