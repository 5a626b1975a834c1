// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.app.ui.diff.WordDiff;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.User;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.QueueEntry;
import io.chai.model.store.QueueQuery;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.Action;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.Workflow;
import io.chai.model.workflow.WorkflowState;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Review mode, for reviewers and admins (everyone when the project records no roles, {@link TeamRoles}): the queue
 * of submitted items that the current user did not submit, the selected item side by side
 * (pre-caption, the annotator's critique and post-caption, word diff pre → post), and the decisions: approve, or
 * reject with the reviewer's own rating, critique and caption (the annotator's version stays as the negative
 * example). Decisions are written to the store as {@code review} revisions. No scene-graph types.
 */
public final class ReviewViewModel {
    /** One queue entry. */
    public record Item(ClipId clip, Aspect aspect, String clipName, String submitter) {
        @Override
        public String toString() {
            return aspect.displayName() + " · " + clipName + " · by " + submitter;
        }
    }

    /** The queue shows at most this many submitted items (the oldest imports first). */
    public static final int QUEUE_LIMIT = 5000;

    private final Workflow workflow;
    private final CaptionWorkStore store;
    private final Clock clock;
    private final ObjectProperty<User> user;
    private final ObservableList<Item> queue = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<AspectWork> work = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final LongProperty revision = new SimpleLongProperty(0);
    private final StringProperty rolesNotice = new SimpleStringProperty("");

    public ReviewViewModel(Workflow workflow, CaptionWorkStore store, User user, Clock clock) {
        this.workflow = Objects.requireNonNull(workflow);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        // the roles come from the project (every role when it records none)
        this.user = new SimpleObjectProperty<>(store.user(Objects.requireNonNull(user).id().value()));
        selected.addListener((o, a, b) -> work.set(b == null ? null : store.load(b.clip(), b.aspect())));
        this.user.addListener((o, a, b) -> refresh());
        refresh();
    }

    public ObjectProperty<User> userProperty() {
        return user;
    }

    /** Submitted items the current user did not submit, in import order then aspect order. */
    public ObservableList<Item> queue() {
        return queue;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    /** The selected item's work (null when nothing is selected). */
    public ObjectProperty<AspectWork> workProperty() {
        return work;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** What was last written (or why not). */
    public StringProperty statusProperty() {
        return status;
    }

    /**
     * What the review tab says about roles: that the project records none (so everyone may review), or why the
     * current user does not review; empty for a reviewer or admin under recorded roles.
     */
    public StringProperty rolesNoticeProperty() {
        return rolesNotice;
    }

    /** Whether the current user may see and act in the review queue (reviewer or admin). */
    public boolean mayReview() {
        return TeamRoles.mayReview(user.get());
    }

    /** The store bridge (its {@link CaptionWorkStore#team()} and {@link CaptionWorkStore#user(String)}). */
    public CaptionWorkStore works() {
        return store;
    }

    /**
     * Records {@code roles} for {@code member} as the current user (see {@link CaptionWorkStore#setRoles}); the
     * current user's own roles are read again, and the revision increases so other views re-read theirs.
     */
    public boolean setRoles(String member, java.util.Set<io.chai.model.domain.Role> roles) {
        try {
            store.setRoles(user.get(), member, roles);
        } catch (UserFacingException e) {
            return fail(e.getMessage());
        }
        status.set(roles.isEmpty() ? "Removed " + member.strip() + " from the team"
                : "Recorded " + member.strip() + " as " + TeamRoles.describe(store.user(member)));
        error.set("");
        user.set(store.user(user.get().id().value()));
        refresh();
        revision.set(revision.get() + 1);
        return true;
    }

    /** Increases after every decision. */
    public LongProperty revisionProperty() {
        return revision;
    }

    /** Reads the queue again from the store; keeps the selection when it is still queued. */
    public void refresh() {
        Item keep = selected.get();
        String me = user.get().id().value();
        rolesNotice.set(store.team().reviewNotice(user.get()).orElse(""));
        List<Item> items = new java.util.ArrayList<>();
        if (!mayReview()) {
            queue.clear();
            selected.set(null);
            return;
        }
        for (QueueEntry e : store.store().workQueue(new QueueQuery(null, WorkflowState.SUBMITTED, null, null, 0,
                QUEUE_LIMIT))) {
            String by = store.store().current(e.clipId(), e.aspect(), RevisionKind.SUBMISSION)
                    .map(CurrentValue::author).orElse("");
            if (by.equals(me)) {
                continue;
            }
            String name = store.store().clip(e.clipId()).map(ReviewViewModel::name).orElse(e.clipId());
            items.add(new Item(ClipId.of(e.clipId()), Aspect.fromKey(e.aspect()), name, by));
        }
        queue.setAll(items);
        if (keep != null && items.contains(keep)) {
            selected.set(null);
            selected.set(keep);
        } else {
            selected.set(items.isEmpty() ? null : items.get(0));
        }
    }

    private static String name(ClipRecord c) {
        return c.path().getFileName().toString();
    }

    /** Word diff from the selected item's pre-caption to the annotator's post-caption. */
    public List<WordDiff.Segment> diff() {
        AspectWork w = work.get();
        if (w == null) {
            return List.of();
        }
        return WordDiff.diff(w.preCaption().map(p -> p.text()).orElse(""),
                w.postCaption().map(p -> p.text()).orElse(""));
    }

    /** Approves the selected item. */
    public boolean approve(String reason) {
        AspectWork w = work.get();
        if (w == null) {
            return fail("Nothing selected to review.");
        }
        if (!w.allowedActionsFor(user.get()).contains(Action.APPROVE)) {
            return fail(refusal(w, Action.APPROVE));
        }
        Optional<String> why = reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason.strip());
        return decide(w, () -> workflow.approve(w, user.get(), why, clock.instant()), "Approved");
    }

    /**
     * Rejects the selected item with the reviewer's own version: a rating (5 keeps the pre-caption verbatim), a
     * critique (required below 5) and a caption (required below 5).
     */
    public boolean reject(int score, String critique, String caption, String reason) {
        AspectWork w = work.get();
        if (w == null) {
            return fail("Nothing selected to review.");
        }
        if (!w.allowedActionsFor(user.get()).contains(Action.REJECT)) {
            return fail(refusal(w, Action.REJECT));
        }
        Redo redo;
        try {
            Rating r = Rating.of(score);
            if (r.isPerfect()) {
                redo = new Redo(r, Critique.typed(workflow.sentinel(), List.of()),
                        PostCaption.keptPreCaption(w.preCaption().orElseThrow()));
            } else {
                if (critique == null || critique.isBlank()) {
                    return fail("Write your critique: a rejection carries your own rating, critique and caption.");
                }
                if (caption == null || caption.isBlank()) {
                    return fail("Write your caption: a rejection carries your own rating, critique and caption.");
                }
                redo = new Redo(r, Critique.typed(critique.strip(), List.of()), PostCaption.handWritten(caption.strip()));
            }
        } catch (UserFacingException e) {
            return fail(e.getMessage());
        }
        Optional<String> why = reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason.strip());
        Redo finalRedo = redo;
        return decide(w, () -> workflow.reject(w, user.get(), finalRedo, why, clock.instant()), "Rejected");
    }

    private String refusal(AspectWork w, Action a) {
        if (w.submitter().map(s -> s.equals(user.get().id())).orElse(false)) {
            return "You submitted this item; someone else must review it.";
        }
        return w.refusal(a).orElse("The " + user.get().id().value() + " account may not " + a.verb() + ".");
    }

    private boolean decide(AspectWork before, java.util.function.Supplier<AspectWork> change, String what) {
        AspectWork after;
        try {
            after = change.get();
        } catch (UserFacingException e) {
            return fail(e.getMessage());
        }
        try {
            store.save(before, after, user.get().id().value());
        } catch (RuntimeException e) {
            status.set("Not saved: " + CaptionStepperViewModel.message(e));
            return fail("Not saved: " + CaptionStepperViewModel.message(e));
        }
        status.set(what + " " + before.describe());
        error.set("");
        revision.set(revision.get() + 1);
        refresh();
        return true;
    }

    private boolean fail(String m) {
        error.set(m);
        return false;
    }
}
