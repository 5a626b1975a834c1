// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Appeal;
import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Checks;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.InvalidValueException;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Review;
import io.chai.model.domain.User;
import io.chai.model.domain.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The immutable state of one (clip, aspect) work item: its {@link WorkflowState} and the data gathered so far.
 * Transitions live in {@link Workflow} and return a new {@code AspectWork}; this record only holds data,
 * checks that the data fits the state, and derives what follows from it ({@link #allowedActions()},
 * {@link #exportStatus()}, {@link #workflowType()}, {@link #captionData()}, {@link #negativeExample()}).
 *
 * <p>{@code rating}, {@code critique} and {@code postCaption} are the annotator's working version; from
 * {@code SUBMITTED} on they are the submitted version, frozen. A reviewer's redo lives in {@code review.redo}.
 *
 * <p>JSON field names and the authors' §4.3 record ({@code feedback}) they map to:
 * <table>
 *   <caption>JSON → authors' field</caption>
 *   <tr><td>{@code clip_id}, {@code aspect}</td><td>{@code video_id}, the key under {@code captions}</td></tr>
 *   <tr><td>{@code precaption.pre_caption}</td><td>{@code pre_caption}</td></tr>
 *   <tr><td>{@code precaption.provenance.model / prompt / mode}</td>
 *       <td>{@code pre_caption_llm / pre_caption_prompt / pre_caption_mode}</td></tr>
 *   <tr><td>{@code initial_caption_rating_score}</td><td>{@code initial_caption_rating_score}; its face
 *       ({@link Rating#face()}) is {@code initial_caption_rating}; {@code feedback_is_needed} = score ≠ 5</td></tr>
 *   <tr><td>{@code critique.initial_feedback / gpt_feedback / final_feedback}</td><td>same names</td></tr>
 *   <tr><td>{@code critique.polisher.model / prompt}</td><td>{@code gpt_feedback_llm / gpt_feedback_prompt}</td></tr>
 *   <tr><td>{@code post_caption.gpt_caption / final_caption}</td><td>same names</td></tr>
 *   <tr><td>{@code post_caption.reviser.model / prompt}</td><td>{@code gpt_caption_llm / gpt_caption_prompt}</td></tr>
 *   <tr><td>{@code user}, {@code submitted_at}</td><td>{@code user}, {@code timestamp}</td></tr>
 *   <tr><td>{@code review.reviewer_name / review_timestamp / reviewer_double_check / decision_reason}</td>
 *       <td>§4.5 {@code review} record, same names</td></tr>
 *   <tr><td>{@link #negativeExample()} (derived)</td><td>{@code feedback_prev} / export {@code negative_example}</td></tr>
 * </table>
 * The authors' secondary ratings ({@code feedback_rating}, {@code caption_rating}) default to 5 and are not
 * collected; an export writes the default.
 *
 * @param clip              the clip
 * @param aspect            the aspect
 * @param state             the workflow state
 * @param gatingOverride    the dependency-gating override the current pre-caption was generated under
 * @param preCaption        the current pre-caption
 * @param rating            the annotator's rating of it
 * @param critique          the annotator's critique
 * @param postCaption       the annotator's post-caption
 * @param iterations        intermediate critique / caption pairs of the refinement loop, oldest first
 * @param discardedDrafts   work on earlier pre-captions replaced by regeneration, oldest first
 * @param submitter         who submitted (from {@code SUBMITTED} on)
 * @param submittedAt       when
 * @param review            the decisive review (in {@code APPROVED} and {@code REJECTED})
 * @param appeal            the appeal of a rejection, open or ruled
 * @param supersededReviews reviews replaced by an appeal ruling in this round
 * @param pastRounds        earlier review rounds that an admin re-opened, oldest first
 */
public record AspectWork(
        @JsonProperty("clip_id") ClipId clip,
        @JsonProperty("aspect") Aspect aspect,
        @JsonProperty("state") WorkflowState state,
        @JsonProperty("gating_override") Optional<GatingOverride> gatingOverride,
        @JsonProperty("precaption") Optional<PreCaption> preCaption,
        @JsonProperty("initial_caption_rating_score") Optional<Rating> rating,
        @JsonProperty("critique") Optional<Critique> critique,
        @JsonProperty("post_caption") Optional<PostCaption> postCaption,
        @JsonProperty("iterations") List<Iteration> iterations,
        @JsonProperty("discarded_drafts") List<Draft> discardedDrafts,
        @JsonProperty("user") Optional<UserId> submitter,
        @JsonProperty("submitted_at") Optional<Instant> submittedAt,
        @JsonProperty("review") Optional<Review> review,
        @JsonProperty("appeal") Optional<Appeal> appeal,
        @JsonProperty("superseded_reviews") List<Review> supersededReviews,
        @JsonProperty("past_rounds") List<ReviewRound> pastRounds) {

    /** Actions that change the annotator's draft (steps B–G before submission). */
    static final Set<Action> ANNOTATION_ACTIONS = Collections.unmodifiableSet(EnumSet.of(Action.PRECAPTION,
            Action.RATE_AND_CRITIQUE, Action.POLISH_CRITIQUE, Action.EDIT_CRITIQUE, Action.REVISE,
            Action.EDIT_CAPTION, Action.SUBMIT));

    /** Actions that a pre-caption rated 5 does not allow: its critique and caption are fixed. */
    static final Set<Action> CRITIQUE_EDITS = Collections.unmodifiableSet(EnumSet.of(Action.POLISH_CRITIQUE,
            Action.EDIT_CRITIQUE, Action.REVISE, Action.EDIT_CAPTION));

    public AspectWork {
        Checks.required(clip, "clip id");
        Checks.required(aspect, "aspect");
        Checks.required(state, "workflow state");
        gatingOverride = Checks.opt(gatingOverride);
        preCaption = Checks.opt(preCaption);
        rating = Checks.opt(rating);
        critique = Checks.opt(critique);
        postCaption = Checks.opt(postCaption);
        iterations = Checks.list(iterations, "iterations");
        discardedDrafts = Checks.list(discardedDrafts, "discarded drafts");
        submitter = Checks.opt(submitter);
        submittedAt = Checks.opt(submittedAt);
        review = Checks.opt(review);
        appeal = Checks.opt(appeal);
        supersededReviews = Checks.list(supersededReviews, "superseded reviews");
        pastRounds = Checks.list(pastRounds, "past rounds");
        checkConsistent(state, preCaption, rating, critique, postCaption, submitter, submittedAt, review, appeal);
    }

    /** A fresh item: {@code NOT_STARTED}, no data. */
    public static AspectWork start(ClipId clip, Aspect aspect) {
        return new AspectWork(clip, aspect, WorkflowState.NOT_STARTED, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** The actions the current state and data allow, whoever asks (see {@link #allowedActionsFor(User)}). */
    public Set<Action> allowedActions() {
        EnumSet<Action> out = EnumSet.noneOf(Action.class);
        boolean perfect = rating.map(Rating::isPerfect).orElse(false);
        switch (state) {
            case NOT_STARTED -> out.add(Action.PRECAPTION);
            case PRECAPTIONED -> out.addAll(EnumSet.of(Action.PRECAPTION, Action.RATE_AND_CRITIQUE));
            case CRITIQUED -> {
                out.addAll(EnumSet.of(Action.PRECAPTION, Action.RATE_AND_CRITIQUE));
                out.addAll(CRITIQUE_EDITS);
            }
            case REVISED -> {
                out.addAll(EnumSet.of(Action.PRECAPTION, Action.RATE_AND_CRITIQUE, Action.SUBMIT));
                if (!perfect) {
                    out.addAll(CRITIQUE_EDITS);
                }
            }
            case SUBMITTED -> out.addAll(EnumSet.of(Action.WITHDRAW, Action.APPROVE, Action.REJECT));
            case APPROVED -> out.add(Action.REOPEN);
            case REJECTED -> {
                if (appeal.isEmpty()) {
                    out.add(Action.APPEAL);
                }
                if (appeal.map(Appeal::isOpen).orElse(false)) {
                    out.add(Action.RULE_ON_APPEAL);
                } else {
                    out.add(Action.REOPEN);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The actions {@code user} may take now: {@link #allowedActions()} narrowed by role (annotating and
     * submitting need the annotator role, approve/reject the reviewer role and not being the submitter, appeal
     * and withdraw being the submitter, ruling on an appeal the admin role and not being the submitter,
     * re-opening the admin role).
     */
    public Set<Action> allowedActionsFor(User user) {
        EnumSet<Action> out = EnumSet.noneOf(Action.class);
        for (Action a : allowedActions()) {
            if (Workflow.actorRefusal(this, a, user).isEmpty()) {
                out.add(a);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Why {@code action} is not allowed now (one line), or empty when it is allowed. */
    public Optional<String> refusal(Action action) {
        if (allowedActions().contains(action)) {
            return Optional.empty();
        }
        String what = "Cannot " + action.verb() + " (" + describe() + ")";
        if (state == WorkflowState.REVISED && rating.map(Rating::isPerfect).orElse(false)
                && CRITIQUE_EDITS.contains(action)) {
            return Optional.of(what + ": the pre-caption was rated 5 and is kept as is; rate it again to change"
                    + " the critique or caption.");
        }
        if (state == WorkflowState.REJECTED && action == Action.APPEAL) {
            return Optional.of(what + ": it has already been appealed.");
        }
        if (state == WorkflowState.REJECTED && action == Action.RULE_ON_APPEAL) {
            return Optional.of(what + ": there is no open appeal.");
        }
        if (state == WorkflowState.REJECTED && action == Action.REOPEN) {
            return Optional.of(what + ": its appeal is still open; rule on the appeal first.");
        }
        String allowed = allowedActions().stream().map(Action::verb).collect(Collectors.joining(", "));
        return Optional.of(what + ": it is " + state.phrase() + " (allowed now: " + allowed + ").");
    }

    /** E.g. {@code "subject of clip 0123456789ab"}, for messages. */
    public String describe() {
        return aspect.key() + " of clip " + clip.shortForm();
    }

    /** The export status derived from the state. */
    public ExportStatus exportStatus() {
        return ExportStatus.of(state);
    }

    /**
     * The {@code workflow_type} of the version an export would write: the reviewer's redo after a rejection,
     * otherwise the annotator's rating; empty before any rating.
     */
    public Optional<WorkflowType> workflowType() {
        Optional<CaptionVersion> data = captionData();
        if (data.isPresent()) {
            return Optional.of(data.get().workflowType());
        }
        return rating.map(WorkflowType::of);
    }

    /** The annotator's submitted version, from {@code SUBMITTED} on. */
    public Optional<CaptionVersion> submittedVersion() {
        if (submitter.isEmpty() || submittedAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CaptionVersion(submitter.get(), submittedAt.get(), rating.orElseThrow(),
                critique.orElseThrow(), postCaption.orElseThrow()));
    }

    /**
     * The export's {@code caption_data}: the annotator's version when submitted or approved, the reviewer's redo
     * when rejected, empty before submission.
     */
    public Optional<CaptionVersion> captionData() {
        return switch (state) {
            case SUBMITTED, APPROVED -> submittedVersion();
            case REJECTED -> {
                Review r = review.orElseThrow();
                var redo = r.redo().orElseThrow();
                yield Optional.of(new CaptionVersion(r.reviewer(), r.reviewedAt(), redo.rating(), redo.critique(),
                        redo.caption()));
            }
            default -> Optional.empty();
        };
    }

    /**
     * The reference version later aspects build on (specification §2.4): {@link #captionData()} when approved or
     * rejected, otherwise empty.
     */
    public Optional<CaptionVersion> referenceVersion() {
        return state.isReference() ? captionData() : Optional.empty();
    }

    /** The annotator's rejected version, kept as the negative example ({@code feedback_prev}); only when rejected. */
    public Optional<CaptionVersion> negativeExample() {
        return state == WorkflowState.REJECTED ? submittedVersion() : Optional.empty();
    }

    // ---- copy helpers used by Workflow (package-private) ----

    AspectWork withState(WorkflowState s) {
        return new AspectWork(clip, aspect, s, gatingOverride, preCaption, rating, critique, postCaption,
                iterations, discardedDrafts, submitter, submittedAt, review, appeal, supersededReviews, pastRounds);
    }

    AspectWork withDraft(WorkflowState s, Optional<GatingOverride> g, Optional<PreCaption> p, Optional<Rating> r,
            Optional<Critique> c, Optional<PostCaption> pc, List<Iteration> it, List<Draft> dd) {
        return new AspectWork(clip, aspect, s, g, p, r, c, pc, it, dd, submitter, submittedAt, review, appeal,
                supersededReviews, pastRounds);
    }

    AspectWork withSubmission(WorkflowState s, Optional<UserId> by, Optional<Instant> at) {
        return new AspectWork(clip, aspect, s, gatingOverride, preCaption, rating, critique, postCaption,
                iterations, discardedDrafts, by, at, review, appeal, supersededReviews, pastRounds);
    }

    AspectWork withReview(WorkflowState s, Optional<Review> r, Optional<Appeal> a, List<Review> superseded) {
        return new AspectWork(clip, aspect, s, gatingOverride, preCaption, rating, critique, postCaption,
                iterations, discardedDrafts, submitter, submittedAt, r, a, superseded, pastRounds);
    }

    AspectWork reopened(Optional<Rating> r, Optional<Critique> c, Optional<PostCaption> pc, List<ReviewRound> rounds) {
        return new AspectWork(clip, aspect, WorkflowState.REVISED, gatingOverride, preCaption, r, c, pc,
                iterations, discardedDrafts, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), rounds);
    }

    private static void checkConsistent(WorkflowState state, Optional<PreCaption> pre, Optional<Rating> rating,
            Optional<Critique> critique, Optional<PostCaption> post, Optional<UserId> submitter,
            Optional<Instant> submittedAt, Optional<Review> review, Optional<Appeal> appeal) {
        int rank = state.ordinal();
        expect(pre.isPresent(), rank >= WorkflowState.PRECAPTIONED.ordinal(), state, "a pre-caption");
        boolean rated = rank >= WorkflowState.CRITIQUED.ordinal();
        expect(rating.isPresent(), rated, state, "a rating");
        expect(critique.isPresent(), rated, state, "a critique");
        expect(post.isPresent(), rank >= WorkflowState.REVISED.ordinal(), state, "a post-caption");
        boolean submitted = rank >= WorkflowState.SUBMITTED.ordinal();
        expect(submitter.isPresent(), submitted, state, "a submitter");
        expect(submittedAt.isPresent(), submitted, state, "a submission time");
        expect(review.isPresent(), state.isReference(), state, "a review");
        if (state == WorkflowState.CRITIQUED && rating.get().isPerfect()) {
            throw new InvalidValueException("A work item rated 5 cannot be critiqued without its post-caption.");
        }
        review.ifPresent(r -> {
            boolean approve = r.decision() == Review.Decision.APPROVE;
            if (approve != (state == WorkflowState.APPROVED)) {
                throw new InvalidValueException(article(state) + " work item cannot hold a review that "
                        + (approve ? "approves" : "rejects") + " it.");
            }
        });
        appeal.ifPresent(a -> {
            boolean overturned = a.ruling().map(x -> x.outcome() == AppealRuling.Outcome.OVERTURNED).orElse(false);
            WorkflowState expected = overturned ? WorkflowState.APPROVED : WorkflowState.REJECTED;
            if (state != expected) {
                throw new InvalidValueException(article(state) + " work item cannot hold "
                        + (a.isOpen() ? "an open" : overturned ? "an overturned" : "an upheld") + " appeal.");
            }
        });
    }

    private static void expect(boolean present, boolean required, WorkflowState state, String what) {
        if (present != required) {
            throw new InvalidValueException(article(state) + " work item must " + (required ? "have " : "not have ")
                    + what + ".");
        }
    }

    private static String article(WorkflowState state) {
        String p = state.phrase();
        return ("aeiou".indexOf(p.charAt(0)) >= 0 ? "An " : "A ") + p;
    }
}
