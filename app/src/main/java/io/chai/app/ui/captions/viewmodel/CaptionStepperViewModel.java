// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.app.ui.diff.WordDiff;
import io.chai.common.UserFacingException;
import io.chai.inference.client.StreamListener;
import io.chai.inference.roles.RoleOutput;
import io.chai.inference.roles.RoleStream;
import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Provenance;
import io.chai.model.domain.Rating;
import io.chai.model.domain.User;
import io.chai.model.workflow.Action;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.CaptionVersion;
import io.chai.model.workflow.Workflow;
import io.chai.model.workflow.WorkflowState;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The caption stepper of one clip: the five aspects in their fixed order, each through the workflow's steps
 * (generate the pre-caption, rate 1–5 and critique in one step with span items, polish, revise, edit, submit), with
 * gating by dependencies, a word-level diff pre → post, and every step persisted as revisions through
 * {@link CaptionWorkStore}. No scene-graph types: the view binds to the properties and calls the methods; tests
 * drive it without a display.
 *
 * <p>Model calls run on {@code background}; their results come back through {@code ui} (the FX thread in the
 * workstation, the calling thread in tests). A running generation can be cancelled; a result arriving after the
 * cancel is dropped.
 */
public final class CaptionStepperViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Workflow workflow;
    private final CaptionWorkStore store;
    private final ClipId clip;
    private final CaptionModels models;
    private final ExecutorService background;
    private final Executor ui;
    private final Clock clock;
    private final Map<Aspect, ObjectProperty<AspectWork>> work = new EnumMap<>(Aspect.class);
    private final ObjectProperty<User> user;
    private final ObjectProperty<Aspect> selected = new SimpleObjectProperty<>(Aspect.SUBJECT);
    private final IntegerProperty rating = new SimpleIntegerProperty(0);
    private final StringProperty critique = new SimpleStringProperty("");
    private final ObservableList<CritiqueItem> items = FXCollections.observableArrayList();
    private final StringProperty caption = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty busyText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty saveStatus = new SimpleStringProperty("No changes yet");
    private final LongProperty revision = new SimpleLongProperty(0);
    private final StringProperty streaming = new SimpleStringProperty("");
    private final ObjectProperty<Optional<ModelCall>> streamCall = new SimpleObjectProperty<>(Optional.empty());
    private Future<?> running;
    private volatile RoleStream stream;
    private volatile long generation;

    public CaptionStepperViewModel(Workflow workflow, CaptionWorkStore store, ClipId clip, CaptionModels models,
            User user, ExecutorService background, Executor ui, Clock clock) {
        this.workflow = Objects.requireNonNull(workflow);
        this.store = Objects.requireNonNull(store);
        this.clip = Objects.requireNonNull(clip);
        this.models = Objects.requireNonNull(models);
        this.user = new SimpleObjectProperty<>(Objects.requireNonNull(user));
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        for (Aspect a : Aspect.values()) {
            work.put(a, new SimpleObjectProperty<>(AspectWork.start(clip, a)));
        }
        reload();
        store.appealImport().ifPresent(r -> saveStatus.set(r.summary()));
        selected.addListener((o, a, b) -> loadEditors());
    }

    // ---------------------------------------------------------------- reading

    public ClipId clip() {
        return clip;
    }

    public CaptionModels models() {
        return models;
    }

    public ObjectProperty<User> userProperty() {
        return user;
    }

    public ObjectProperty<Aspect> selectedProperty() {
        return selected;
    }

    public ObjectProperty<AspectWork> workProperty(Aspect a) {
        return work.get(a);
    }

    /** The selected aspect's work. */
    public AspectWork current() {
        return work.get(selected.get()).get();
    }

    /** The rating being given, 1–5, or 0 when none is chosen. */
    public IntegerProperty ratingProperty() {
        return rating;
    }

    /** The critique being written (the final text once given). */
    public StringProperty critiqueProperty() {
        return critique;
    }

    /** Span items of the critique being written, anchored in the pre-caption. */
    public ObservableList<CritiqueItem> items() {
        return items;
    }

    /** The post-caption being edited. */
    public StringProperty captionProperty() {
        return caption;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /**
     * The pre-caption text received so far while it streams (provisional: it becomes the pre-caption only when the
     * whole answer arrived and passed the checks); empty when nothing streams.
     */
    public StringProperty streamingTextProperty() {
        return streaming;
    }

    /**
     * The model and prompt of the pre-caption being streamed (or last streamed in this session), for power users;
     * the stored pre-caption's own provenance is {@link #preCaptionProvenance()}.
     */
    public ObjectProperty<Optional<ModelCall>> streamCallProperty() {
        return streamCall;
    }

    /** A model request as sent: the model asked for, the server, and the rendered prompts. */
    public record ModelCall(String model, String server, String systemPrompt, String userPrompt) {
    }

    /** What the running model call is doing, for the progress line. */
    public StringProperty busyTextProperty() {
        return busyText;
    }

    /** The last refusal or failure (one line), empty when the last action succeeded. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The autosave status line: what was last written to the store, or why it failed. */
    public StringProperty saveStatusProperty() {
        return saveStatus;
    }

    /** Increases after every change of any aspect's work (views refresh on it). */
    public LongProperty revisionProperty() {
        return revision;
    }

    /**
     * Why {@code a} may not be pre-captioned yet ("Locked: needs subject approved (subject is submitted)"), or
     * empty when its dependencies have reference versions (or it was already started).
     */
    public Optional<String> lockReason(Aspect a) {
        AspectWork w = work.get(a).get();
        if (w.state() != WorkflowState.NOT_STARTED) {
            return Optional.empty();
        }
        Set<Aspect> missing = workflow.unapprovedDependencies(a, states());
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Locked: needs " + missing.stream().map(Aspect::displayName)
                .collect(Collectors.joining(" and ")) + " approved first ("
                + missing.stream().map(m -> m.displayName() + " is " + work.get(m).get().state().phrase())
                        .collect(Collectors.joining(", ")) + ").");
    }

    /** Whether the current user may take {@code action} on the selected aspect now (state and role). */
    public boolean allowed(Action action) {
        return current().allowedActionsFor(user.get()).contains(action);
    }

    /** The reference (approved or reviewer-redone) captions of the aspects before {@code a}, in order. */
    public Map<Aspect, String> approvedBefore(Aspect a) {
        Map<Aspect, String> out = new LinkedHashMap<>();
        for (Aspect earlier : Aspect.values()) {
            if (earlier.ordinal() >= a.ordinal()) {
                break;
            }
            work.get(earlier).get().referenceVersion().map(CaptionVersion::caption)
                    .ifPresent(c -> out.put(earlier, c.text()));
        }
        return out;
    }

    /** Word-level diff from the selected aspect's pre-caption to the caption being edited. */
    public List<WordDiff.Segment> diff() {
        String pre = current().preCaption().map(PreCaption::text).orElse("");
        return WordDiff.diff(pre, caption.get());
    }

    /** The face of a 1–5 rating. */
    public static String face(int score) {
        return Rating.of(score).face();
    }

    // ---------------------------------------------------------------- steps

    /**
     * Re-reads every aspect from the store (after another view wrote to it), and the current user's roles (the team
     * may have changed).
     */
    public void reload() {
        User u = store.user(user.get().id().value());
        if (!u.equals(user.get())) {
            user.set(u);
        }
        for (Aspect a : Aspect.values()) {
            work.get(a).set(store.load(clip, a));
        }
        loadEditors();
        revision.set(revision.get() + 1);
    }

    /** Selects an aspect; its editors show its current work. */
    public void select(Aspect a) {
        selected.set(a);
    }

    /**
     * Generates (or regenerates) the selected aspect's pre-caption in the background. Refused while locked,
     * while another call runs, or when the state does not allow it; the reason lands in {@link #errorProperty()}.
     */
    public boolean generate() {
        Aspect a = selected.get();
        if (busy.get()) {
            return fail("A model call is running; wait for it or cancel it.");
        }
        Optional<String> lock = lockReason(a);
        if (lock.isPresent()) {
            return fail(lock.get());
        }
        if (!allowed(Action.PRECAPTION)) {
            return fail(refusal(Action.PRECAPTION));
        }
        Map<String, String> approved = new LinkedHashMap<>();
        approvedBefore(a).forEach((k, v) -> approved.put(k.key(), v));
        long token = generation + 1;
        StreamListener deltas = new StreamListener() {
            @Override
            public void onText(String chunk) {
                ui.execute(() -> {
                    if (token == generation) {
                        streaming.set(streaming.get() + chunk);
                    }
                });
            }

            @Override
            public void onRestart(String reason) {
                ui.execute(() -> {
                    if (token == generation) {
                        streaming.set("");
                    }
                });
            }
        };
        streaming.set("");
        return runModel("Generating the " + a.displayName() + " pre-caption with " + models.describe() + "…",
                () -> {
                    RoleStream s = models.precaptionStream(a, approved, deltas);
                    stream = s;
                    ui.execute(() -> {
                        if (token == generation) {
                            streamCall.set(Optional.of(new ModelCall(s.model(), s.server(), s.systemPrompt(),
                                    s.userPrompt())));
                        }
                    });
                    if (token != generation) {
                        s.cancel(); // cancelled while the stream was being set up
                    }
                    return s.await();
                },
                out -> step(a, w -> workflow.precaption(w, PreCaption.generated(out.text(), out.provenance()),
                        states(), Optional.empty())));
    }

    /**
     * Cancels the running model call: a streaming pre-caption's HTTP exchange is aborted, and any result that still
     * arrives is dropped; nothing is saved.
     */
    public void cancel() {
        RoleStream s = stream;
        stream = null;
        if (s != null) {
            s.cancel();
        }
        if (running != null) {
            running.cancel(true);
            running = null;
        }
        generation++;
        if (busy.get()) {
            finishBusy();
            error.set("Cancelled; nothing was saved.");
        }
    }

    /** Adds a span item over {@code [start, end)} of the pre-caption (refused when it does not fit). */
    public boolean addItem(int start, int end, CritiqueItem.ErrorType type, String note) {
        String pre = current().preCaption().map(PreCaption::text).orElse(null);
        if (pre == null) {
            return fail("Generate a pre-caption first; span items point into it.");
        }
        if (start < 0 || end > pre.length() || start >= end) {
            return fail("Select some text of the pre-caption to attach a critique item to.");
        }
        try {
            items.add(CritiqueItem.of(pre, start, end, type, note == null ? "" : note));
        } catch (UserFacingException e) {
            return fail(e.getMessage());
        }
        error.set("");
        return true;
    }

    /**
     * Rates and critiques the selected aspect in one step: the first time (or when the rating changed) through
     * the workflow's rate-and-critique, afterwards as a critique edit. A rating of 5 keeps the pre-caption.
     */
    public boolean submitCritique() {
        int score = rating.get();
        if (score < 1 || score > 5) {
            return fail("Choose a rating from 1 to 5 first.");
        }
        Aspect a = selected.get();
        AspectWork w = current();
        List<CritiqueItem> spans = List.copyOf(items);
        boolean sameRating = w.rating().map(r -> r.score() == score).orElse(false);
        if (sameRating && score < 5 && w.critique().isPresent() && allowed(Action.EDIT_CRITIQUE)) {
            return step(a, x -> workflow.editCritique(x, critique.get(), spans));
        }
        if (!allowed(Action.RATE_AND_CRITIQUE)) {
            return fail(refusal(Action.RATE_AND_CRITIQUE));
        }
        String text = score == 5 ? null : critique.get();
        return step(a, x -> workflow.rateAndCritique(x, Rating.of(score), text, spans));
    }

    /** Asks the polisher to rewrite the critique (background); the result becomes the critique's final text. */
    public boolean polish() {
        Aspect a = selected.get();
        AspectWork w = current();
        if (busy.get()) {
            return fail("A model call is running; wait for it or cancel it.");
        }
        if (!allowed(Action.POLISH_CRITIQUE)) {
            return fail(refusal(Action.POLISH_CRITIQUE));
        }
        String pre = w.preCaption().orElseThrow().text();
        String raw = w.critique().orElseThrow().finalText();
        return runModel("Polishing the critique with " + models.describe() + "…", () -> models.polish(a, pre, raw),
                out -> step(a, x -> workflow.polishCritique(x, out.text(), out.provenance())));
    }

    /** Asks the reviser for a post-caption from the pre-caption and the critique (background). */
    public boolean revise() {
        Aspect a = selected.get();
        AspectWork w = current();
        if (busy.get()) {
            return fail("A model call is running; wait for it or cancel it.");
        }
        if (!allowed(Action.REVISE)) {
            return fail(refusal(Action.REVISE));
        }
        String pre = w.preCaption().orElseThrow().text();
        String crit = w.critique().orElseThrow().finalText();
        return runModel("Revising the caption with " + models.describe() + "…", () -> models.revise(pre, crit),
                out -> step(a, x -> workflow.revise(x, out.text(), out.provenance())));
    }

    /** Saves the caption editor's text as the post-caption (flagged manually edited unless it is the reviser's). */
    public boolean saveCaption() {
        if (!allowed(Action.EDIT_CAPTION)) {
            return fail(refusal(Action.EDIT_CAPTION));
        }
        String text = caption.get();
        if (current().postCaption().map(p -> p.text().equals(text)).orElse(false)) {
            error.set("");
            return true;
        }
        return step(selected.get(), x -> workflow.editCaption(x, text));
    }

    /** Submits the selected aspect for review as the current user (an unsaved caption edit is saved first). */
    public boolean submit() {
        AspectWork w = current();
        if (w.postCaption().isPresent() && !w.postCaption().get().text().equals(caption.get())
                && allowed(Action.EDIT_CAPTION) && !saveCaption()) {
            return false;
        }
        if (!allowed(Action.SUBMIT)) {
            return fail(refusal(Action.SUBMIT));
        }
        return step(selected.get(), x -> workflow.submit(x, user.get(), clock.instant()));
    }

    /** Takes the selected aspect's submission back before review. */
    public boolean withdraw() {
        if (!allowed(Action.WITHDRAW)) {
            return fail(refusal(Action.WITHDRAW));
        }
        return step(selected.get(), x -> workflow.withdraw(x, user.get()));
    }

    /**
     * The rejection of the selected aspect, if it was rejected: the reviewer's redo against the annotator's
     * submitted caption (word diff annotator → reviewer), with the reviewer's critique and reason.
     */
    public Optional<Rejection> rejection() {
        AspectWork w = current();
        if (w.state() != WorkflowState.REJECTED) {
            return Optional.empty();
        }
        var review = w.review().orElseThrow();
        var redo = review.redo().orElseThrow();
        String mine = w.postCaption().map(p -> p.text()).orElse("");
        return Optional.of(new Rejection(review.reviewer().value(), review.reason().orElse(""), redo.rating().score(),
                redo.critique().finalText(), redo.caption().text(), WordDiff.diff(mine, redo.caption().text()),
                w.appeal().map(x -> x.note())));
    }

    /**
     * The appeal of the selected aspect's review in one line, with its ruling when made: "Appeal by ann: “…” —
     * overturned by ada: …"; empty when there is none.
     */
    public Optional<String> appealSummary() {
        return current().appeal().map(x -> "Appeal by " + x.author().value() + ": “" + x.note() + "”"
                + x.ruling().map(r -> " — " + r.outcome().name().toLowerCase(java.util.Locale.ROOT) + " by "
                        + r.admin().value() + ": " + r.reason()).orElse(" — open, waiting for an admin's ruling"));
    }

    /** A rejection as the annotator sees it. */
    public record Rejection(String reviewer, String reason, int reviewerRating, String reviewerCritique,
            String reviewerCaption, List<WordDiff.Segment> diff, Optional<String> appealNote) {
    }

    /**
     * Appeals the selected aspect's rejection with a note (the submitter, once per round). The workflow refuses
     * anyone else with a one-line reason (as it does for rulings and re-opening), which lands in the error line.
     */
    public boolean appeal(String note) {
        if (current().refusal(Action.APPEAL).isPresent()) {
            return fail(current().refusal(Action.APPEAL).get());
        }
        if (note == null || note.isBlank()) {
            return fail("Write a note saying why the rejection is wrong.");
        }
        return step(selected.get(), x -> workflow.appeal(x, user.get(), note.strip(), clock.instant()));
    }

    /**
     * Rules on the open appeal of the selected aspect (admin, not the submitter): upheld keeps the rejection,
     * overturned approves the annotator's version.
     */
    public boolean ruleOnAppeal(boolean overturn, String reason) {
        if (current().refusal(Action.RULE_ON_APPEAL).isPresent()) {
            return fail(current().refusal(Action.RULE_ON_APPEAL).get());
        }
        if (reason == null || reason.isBlank()) {
            return fail("Give a reason for the ruling.");
        }
        return step(selected.get(), x -> workflow.ruleOnAppeal(x, user.get(),
                overturn ? AppealRuling.Outcome.OVERTURNED : AppealRuling.Outcome.UPHELD, reason.strip(),
                clock.instant()));
    }

    /**
     * Re-opens the selected reviewed aspect (admin): the reference version (the approved one, or the reviewer's
     * redo) becomes the working copy, to be fixed, submitted and reviewed again.
     */
    public boolean reopen(String reason) {
        if (current().refusal(Action.REOPEN).isPresent()) {
            return fail(current().refusal(Action.REOPEN).get());
        }
        if (reason == null || reason.isBlank()) {
            return fail("Say why the item is re-opened.");
        }
        return step(selected.get(), x -> workflow.reopen(x, user.get(), reason.strip(), clock.instant()));
    }

    /** Whether the selected post-caption was typed or edited by hand. */
    public boolean manuallyEdited() {
        return current().postCaption().map(p -> p.manuallyEdited()).orElse(false);
    }

    /** Provenance of the selected pre-caption (model, prompt), for power users. */
    public Optional<Provenance> preCaptionProvenance() {
        return current().preCaption().flatMap(PreCaption::provenance);
    }

    // ---------------------------------------------------------------- plumbing

    private Map<Aspect, WorkflowState> states() {
        Map<Aspect, WorkflowState> out = new EnumMap<>(Aspect.class);
        work.forEach((a, p) -> out.put(a, p.get().state()));
        return out;
    }

    private boolean runModel(String what, Supplier<RoleOutput> call, java.util.function.Function<RoleOutput, Boolean> done) {
        long token = ++generation;
        busy.set(true);
        busyText.set(what);
        error.set("");
        try {
            running = background.submit(() -> {
                try {
                    RoleOutput out = call.get();
                    ui.execute(() -> {
                        if (token != generation) {
                            return;
                        }
                        finishBusy();
                        done.apply(out);
                    });
                } catch (RuntimeException e) {
                    ui.execute(() -> {
                        if (token != generation) {
                            return;
                        }
                        finishBusy();
                        error.set(message(e));
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            finishBusy();
            return fail("The workstation is closing; nothing was started.");
        }
        return true;
    }

    private void finishBusy() {
        busy.set(false);
        busyText.set("");
        streaming.set("");
        running = null;
        stream = null;
    }

    /** Applies one workflow step to aspect {@code a}, writes it to the store, and refreshes. */
    private boolean step(Aspect a, UnaryOperator<AspectWork> change) {
        AspectWork before = work.get(a).get();
        AspectWork after;
        try {
            after = change.apply(before);
        } catch (UserFacingException e) {
            return fail(e.getMessage());
        }
        try {
            int n = store.save(before, after, user.get().id().value());
            saveStatus.set(n == 0 ? "No changes" : "Saved " + n + " revision" + (n == 1 ? "" : "s") + " at "
                    + LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault()).format(TIME));
        } catch (RuntimeException e) {
            saveStatus.set("Not saved: " + message(e));
            return fail("Not saved: " + message(e));
        }
        work.get(a).set(after);
        error.set("");
        if (a == selected.get()) {
            loadEditors();
        }
        revision.set(revision.get() + 1);
        return true;
    }

    private void loadEditors() {
        AspectWork w = current();
        rating.set(w.rating().map(Rating::score).orElse(0));
        critique.set(w.critique().map(c -> c.finalText()).orElse(""));
        items.setAll(w.critique().map(c -> c.items()).orElse(List.of()));
        caption.set(w.postCaption().map(p -> p.text()).orElse(""));
    }

    /** Why the current user may not take {@code a} now: the state's reason, else the user's roles. */
    private String refusal(Action a) {
        User u = user.get();
        return current().refusal(a).orElse(u.id().value() + " may not " + a.verb() + " here (roles in this project: "
                + TeamRoles.describe(u) + ").");
    }

        private boolean fail(String message) {
        error.set(message);
        return false;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Closes nothing it does not own; cancels a running call. */
    public void close() {
        cancel();
    }
}
