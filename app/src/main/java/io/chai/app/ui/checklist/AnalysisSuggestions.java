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
 * edit) or dismissed. Nothing is applied automatically. Use from the JavaFX application thread.
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
        analyzer.cached(file).ifPresent(this::offer);
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
        analyzer.cached(file).ifPresent(this::offer);
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
