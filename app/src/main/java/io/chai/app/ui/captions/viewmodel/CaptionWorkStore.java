// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.model.domain.Appeal;
import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Review;
import io.chai.model.domain.Role;
import io.chai.model.domain.User;
import io.chai.model.domain.UserId;
import io.chai.common.UserFacingException;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.ProjectTeam;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.WorkflowState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the caption work of one clip's aspects from the project store and writes each workflow step back as
 * revisions ({@code pre_caption}, {@code rating}, {@code critique}, {@code post_caption}, {@code submission},
 * {@code review}, {@code appeal}), all revisions of one step in one transaction. A step that empties a value
 * (regenerating the pre-caption drops the old rating, critique and caption; polishing drops the stale caption)
 * appends a clearing revision, so the store's derived queue state always equals the workflow state. Nothing is
 * overwritten: every step is a new revision, and an appeal's ruling is a new {@code appeal} revision.
 */
public final class CaptionWorkStore {
    private final ProjectStore store;
    private final String sentinel;
    private final Optional<AppealImport.Result> appealImport;
    private final JsonMapper json = ChaiJson.newMapper();

    private CaptionWorkStore(ProjectStore store, String sentinel, Optional<AppealImport.Result> appealImport) {
        this.store = Objects.requireNonNull(store);
        this.sentinel = Objects.requireNonNull(sentinel);
        this.appealImport = appealImport;
    }

    /**
     * Over a project store. An {@code appeals.jsonl} left in the project folder by an earlier version is imported
     * into the store once, first (see {@link AppealImport}); a failed import is reported by {@link #appealImport()}
     * and leaves the file in place.
     */
    public static CaptionWorkStore of(ProjectStore store, String sentinel) {
        return new CaptionWorkStore(store, sentinel, AppealImport.tryRun(store));
    }

    public ProjectStore store() {
        return store;
    }

    /** What the one-time import of an old {@code appeals.jsonl} did when this store was opened, if there was one. */
    public Optional<AppealImport.Result> appealImport() {
        return appealImport;
    }

    /** The roles the project records now (read from the store on every call). */
    public TeamRoles team() {
        return new TeamRoles(ProjectTeam.roles(store));
    }

    /** The workstation user {@code id} with the roles the project gives them (every role when it records none). */
    public User user(String id) {
        return team().user(id);
    }

    /**
     * Records the roles of {@code member} as {@code actor}: any user while the project records no roles (to set the
     * team up), afterwards admins only; refused when it would leave the team without an admin. An empty set
     * removes the member.
     */
    public void setRoles(User actor, String member, Set<Role> roles) {
        TeamRoles team = team();
        if (team.enforced() && !actor.has(Role.ADMIN)) {
            throw new UserFacingException("Only an admin can change roles; " + actor.id().value() + " has "
                    + TeamRoles.describe(actor) + ".");
        }
        String id = UserId.of(member).value();
        Map<String, Set<Role>> after = new java.util.TreeMap<>(team.recorded());
        if (roles.isEmpty()) {
            after.remove(id);
        } else {
            after.put(id, roles);
        }
        if (!after.isEmpty() && after.values().stream().noneMatch(r -> r.contains(Role.ADMIN))) {
            throw new UserFacingException("The team needs at least one admin (who settles appeals and changes roles);"
                    + " give someone the admin role first.");
        }
        ProjectTeam.setRoles(store, id, roles);
    }

    /** The current work on every aspect of {@code clip}. */
    public Map<Aspect, AspectWork> loadAll(ClipId clip) {
        Map<Aspect, AspectWork> out = new EnumMap<>(Aspect.class);
        for (Aspect a : Aspect.values()) {
            out.put(a, load(clip, a));
        }
        return out;
    }

    /** The current work on one (clip, aspect), assembled from the store's current values. */
    public AspectWork load(ClipId clip, Aspect a) {
        String id = clip.hex();
        WorkflowState state = store.state(id, a.key());
        if (state == WorkflowState.NOT_STARTED) {
            return AspectWork.start(clip, a);
        }
        Optional<PreCaption> pre = value(id, a, RevisionKind.PRE_CAPTION, PreCaption.class);
        boolean rated = state.ordinal() >= WorkflowState.CRITIQUED.ordinal();
        Optional<Rating> rating = rated ? value(id, a, RevisionKind.RATING, Rating.class) : Optional.empty();
        Optional<Critique> critique = rated ? value(id, a, RevisionKind.CRITIQUE, Critique.class) : Optional.empty();
        Optional<PostCaption> post = state.ordinal() >= WorkflowState.REVISED.ordinal()
                ? value(id, a, RevisionKind.POST_CAPTION, PostCaption.class) : Optional.empty();
        if (rating.map(Rating::isPerfect).orElse(false) && pre.isPresent()) {
            critique = critique.or(() -> Optional.of(Critique.typed(sentinel, List.of())));
            post = post.or(() -> Optional.of(PostCaption.keptPreCaption(pre.get())));
        }
        Optional<UserId> submitter = Optional.empty();
        Optional<Instant> submittedAt = Optional.empty();
        Optional<Review> review = Optional.empty();
        if (state.ordinal() >= WorkflowState.SUBMITTED.ordinal()) {
            CurrentValue s = store.current(id, a.key(), RevisionKind.SUBMISSION).orElseThrow();
            submitter = Optional.of(UserId.of(s.author()));
            submittedAt = Optional.of(Instant.ofEpochMilli(s.hlc().wallMillis()));
        }
        if (state.isReference()) {
            review = value(id, a, RevisionKind.REVIEW, Review.class);
        }
        Optional<Appeal> appeal = Optional.empty();
        if (review.isPresent()) {
            Review r = review.get();
            Optional<Appeal> stored = value(id, a, RevisionKind.APPEAL, Appeal.class);
            if (state == WorkflowState.REJECTED) {
                // the appeal of this rejection, not of an earlier round's
                appeal = stored.filter(x -> !x.createdAt().isBefore(r.reviewedAt()));
            } else if (state == WorkflowState.APPROVED) {
                // approved by overturning the appeal: the admin's approval was made with the ruling
                appeal = stored.filter(x -> x.ruling().map(g -> g.outcome() == AppealRuling.Outcome.OVERTURNED
                        && g.decidedAt().equals(r.reviewedAt()) && g.admin().equals(r.reviewer())).orElse(false));
            }
        }
        return new AspectWork(clip, a, state, Optional.empty(), pre, rating, critique, post, List.of(), List.of(),
                submitter, submittedAt, review, appeal, List.of(), List.of());
    }

    /**
     * Appends the revisions that take the store from {@code before} to {@code after} (one workflow step), in an
     * order that makes the derived state equal {@code after.state()}. Returns how many were written.
     */
    public int save(AspectWork before, AspectWork after, String author) {
        ClipId clip = after.clip();
        Aspect a = after.aspect();
        List<RevisionDraft> drafts = new ArrayList<>();
        diff(drafts, clip, a, RevisionKind.PRE_CAPTION, author, before.preCaption(), after.preCaption());
        diff(drafts, clip, a, RevisionKind.RATING, author, before.rating(), after.rating());
        diff(drafts, clip, a, RevisionKind.CRITIQUE, author, before.critique(), after.critique());
        diff(drafts, clip, a, RevisionKind.POST_CAPTION, author, before.postCaption(), after.postCaption());
        boolean wasSubmitted = before.submitter().isPresent();
        boolean isSubmitted = after.submitter().isPresent();
        if (isSubmitted && !wasSubmitted) {
            drafts.add(RevisionDraft.of(clip.hex(), a.key(), RevisionKind.SUBMISSION, after.submitter().get().value(),
                    "{\"submitted\": true}"));
        } else if (!isSubmitted && wasSubmitted) {
            drafts.add(RevisionDraft.of(clip.hex(), a.key(), RevisionKind.SUBMISSION, author,
                    "{\"submitted\": false}"));
        }
        if (after.review().isPresent() && !after.review().equals(before.review())) {
            Review r = after.review().get();
            drafts.add(RevisionDraft.ofRecord(clip, a, RevisionKind.REVIEW, r.reviewer().value(), r));
        }
        if (after.appeal().isPresent() && !after.appeal().equals(before.appeal())) {
            drafts.add(RevisionDraft.ofRecord(clip, a, RevisionKind.APPEAL, author, after.appeal().get()));
        }
        if (!drafts.isEmpty()) {
            store.appendAll(drafts);
        }
        return drafts.size();
    }

    private static void diff(List<RevisionDraft> out, ClipId clip, Aspect a, RevisionKind kind, String author,
            Optional<?> before, Optional<?> after) {
        if (before.equals(after)) {
            return;
        }
        if (after.isPresent()) {
            out.add(RevisionDraft.ofRecord(clip, a, kind, author, after.get()));
        } else {
            out.add(RevisionDraft.of(clip.hex(), a.key(), kind, author, "null"));
        }
    }

    private <T> Optional<T> value(String clip, Aspect a, RevisionKind kind, Class<T> type) {
        Optional<CurrentValue> v = store.current(clip, a.key(), kind);
        if (v.isEmpty() || v.get().cleared()) {
            return Optional.empty();
        }
        return Optional.of(ChaiJson.read(json, v.get().payload(), type, kind.id() + " of " + a.key() + " of clip "
                + clip.substring(0, 12)));
    }
}
