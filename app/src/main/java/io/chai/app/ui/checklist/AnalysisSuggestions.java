// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.checklist.viewmodel.ClipAnalyzer;
import io.chai.app.ui.checklist.viewmodel.Suggestion;
import io.chai.app.ui.checklist.viewmodel.SuggestionAdapter;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.tasks.TaskCenter;
import io.chai.media.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;

/**
 * Analyzer suggestions for the checklist: runs {@link ClipAnalyzer} on the clip as a background task in the task
 * centre (with progress and cancel) when the user asks, turns its evidence into field suggestions with
 * {@link SuggestionAdapter} and offers them on the form, where each group's suggestion is accepted (one undoable
 * edit) or dismissed. When a clip opens whose analysis is cached (in memory, or on disk from an earlier session),
 * its suggestions are offered at once: the disk is read on a background thread, and no analysis is ever started
 * without the user asking. Nothing is applied automatically. Use from the JavaFX application thread.
 */
public final class AnalysisSuggestions {
    private final ChecklistViewModel checklist;
    private final ChecklistView view;
    private final TaskCenter tasks;
    private final NotificationCenter notifications;
    private final ClipAnalyzer analyzer;
    private Path file;
    private final SuggestionAdapter adapter;
    private Task<ClipAnalyzer.Result> running;
    /** Counts clip switches and analysis runs: a cache look-up that finishes after either is dropped. */
    private long generation;
    private java.util.concurrent.ExecutorService lookups;
    private java.util.concurrent.CompletableFuture<Boolean> lookup =
            java.util.concurrent.CompletableFuture.completedFuture(false);

    public AnalysisSuggestions(ChecklistViewModel checklist, ChecklistView view, TaskCenter tasks,
            NotificationCenter notifications, ClipAnalyzer analyzer, Path file) {
        this.checklist = Objects.requireNonNull(checklist);
        this.view = Objects.requireNonNull(view);
        this.tasks = Objects.requireNonNull(tasks);
        this.notifications = Objects.requireNonNull(notifications);
        this.analyzer = Objects.requireNonNull(analyzer);
        this.file = Objects.requireNonNull(file);
        this.adapter = new SuggestionAdapter(checklist.specification());
        view.enableAnalysis(this::run);
        showCached();
    }

    /**
     * Follows the clip on screen: drops the suggestions of the previous clip (and stops its analysis), then shows
     * the new clip's cached suggestions, if it was analysed before.
     */
    public void setClip(Path next) {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
        running = null;
        file = Objects.requireNonNull(next);
        checklist.replaceSuggestions(java.util.List.of());
        view.setAnalysisNote("");
        showCached();
    }

    /**
     * Offers the clip's cached analysis: at once from memory, else after reading the cache folder on a background
     * thread (when the analyzer keeps results on disk). Never analyses.
     */
    private void showCached() {
        long gen = ++generation;
        Path target = file;
        var hit = analyzer.cached(target);
        if (hit.isPresent() || !analyzer.persistent()) {
            hit.ifPresent(this::offer);
            lookup = java.util.concurrent.CompletableFuture.completedFuture(hit.isPresent());
            return;
        }
        java.util.concurrent.CompletableFuture<Boolean> done = new java.util.concurrent.CompletableFuture<>();
        lookup = done;
        if (lookups == null) {
            // one thread at most, gone when idle
            lookups = new java.util.concurrent.ThreadPoolExecutor(0, 1, 10, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "chai-analysis-cache");
                        t.setDaemon(true);
                        return t;
                    });
        }
        lookups.execute(() -> {
            java.util.Optional<ClipAnalyzer.Result> stored;
            try {
                stored = analyzer.stored(target);
            } catch (RuntimeException e) {
                stored = java.util.Optional.empty();
            }
            java.util.Optional<ClipAnalyzer.Result> found = stored;
            javafx.application.Platform.runLater(() -> {
                boolean current = gen == generation && target.equals(file);
                if (current && found.isPresent()) {
                    offer(found.get());
                }
                done.complete(current && found.isPresent());
            });
        });
    }

    /**
     * The newest look-up of the clip's cached analysis: completes on the UI thread with whether it offered
     * suggestions (false when nothing was cached, or the clip changed meanwhile).
     */
    public java.util.concurrent.CompletableFuture<Boolean> cachedLookup() {
        return lookup;
    }

    /** Starts the analysis (or shows the cached result at once); returns the task, or null when cached. */
    public Task<ClipAnalyzer.Result> run() {
        if (running != null && running.isRunning()) {
            return running;
        }
        var hit = analyzer.cached(file);
        if (hit.isPresent()) {
            offer(hit.get());
            return null;
        }
        generation++;   // a cache look-up still under way is overtaken by the analysis
        CancellationToken token = new CancellationToken();
        String name = file.getFileName().toString();
        Path target = file;
        Task<ClipAnalyzer.Result> task = new Task<>() {
            @Override
            protected ClipAnalyzer.Result call() throws Exception {
                updateTitle("Analysing " + name + " (suggestions)");
                updateProgress(0, 2);
                return analyzer.analyze(target, token, step -> {
                    updateMessage(step.equals("motion") ? "camera motion" : "on-screen overlays");
                    updateProgress(step.equals("motion") ? 0 : 1, 2);
                });
            }

            @Override
            protected void cancelled() {
                token.cancel();
            }
        };
        task.setOnSucceeded(e -> {
            if (target.equals(file)) {
                offer(task.getValue());
            }
        });
        task.setOnCancelled(e -> {
            if (running == task) {
                view.setAnalysisNote("Analysis cancelled.");
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                view.setAnalysisNote(task.getException() instanceof CancellationException ? "Analysis cancelled."
                        : "Analysis failed (see notifications).");
            }
        });
        view.analyzeButton().disableProperty().bind(task.runningProperty());
        view.setAnalysisNote("Analysing the clip… (Tasks panel: progress, cancel)");
        running = task;
        tasks.submit(task);
        return task;
    }

    private void offer(ClipAnalyzer.Result r) {
        List<Suggestion> s = adapter.suggestions(r.evidence(), checklist.snapshot());
        try {
            checklist.replaceSuggestions(s);
        } catch (IllegalArgumentException e) {
            notifications.error("An analyzer suggestion does not fit the checklist: " + e.getMessage(), e);
            return;
        }
        long groups = s.stream().map(x -> checklist.specification().groupByField(x.field()).orElseThrow().id())
                .distinct().count();
        view.setAnalysisNote(s.isEmpty() ? "The analyzers suggest nothing beyond your answers."
                : "Analyzer suggestions for " + groups + " question" + (groups == 1 ? "" : "s")
                        + ": accept or dismiss each (never applied by itself).");
    }
}
