// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import io.chai.model.domain.Appeal;
import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Checks;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.InvalidValueException;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Provenance;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Review;
import io.chai.model.domain.Role;
import io.chai.model.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-(clip, aspect) state machine of steps B–I (specification §2). Immutable; built once from the loaded
 * specification's {@code sentinel} and aspects' {@code dependsOn}. Each transition takes an {@link AspectWork}
 * and returns a new one, or throws a {@link WorkflowException} with a one-line message and changes nothing.
 *
 * <table>
 *   <caption>Transitions</caption>
 *   <tr><th>From</th><th>Action</th><th>To</th></tr>
 *   <tr><td>not started</td><td>precaption (dependencies approved, or an override recorded)</td><td>pre-captioned</td></tr>
 *   <tr><td>pre-captioned, critiqued, revised</td><td>precaption again (earlier work kept as a discarded draft)</td><td>pre-captioned</td></tr>
 *   <tr><td>pre-captioned, critiqued, revised</td><td>rate and critique: rating 1–4 with a critique</td><td>critiqued</td></tr>
 *   <tr><td>pre-captioned, critiqued, revised</td><td>rate and critique: rating 5 (sentinel critique, post = pre)</td><td>revised</td></tr>
 *   <tr><td>critiqued, revised (rating &lt; 5)</td><td>polish critique, edit critique</td><td>critiqued</td></tr>
 *   <tr><td>critiqued, revised (rating &lt; 5)</td><td>revise, edit caption</td><td>revised</td></tr>
 *   <tr><td>revised</td><td>submit (annotator role)</td><td>submitted</td></tr>
 *   <tr><td>submitted</td><td>withdraw (the submitter)</td><td>revised</td></tr>
 *   <tr><td>submitted</td><td>approve (reviewer role, not the submitter)</td><td>approved</td></tr>
 *   <tr><td>submitted</td><td>reject with the reviewer's redo (reviewer role, not the submitter)</td><td>rejected</td></tr>
 *   <tr><td>rejected</td><td>appeal (the submitter, once)</td><td>rejected</td></tr>
 *   <tr><td>rejected, appeal open</td><td>rule on appeal (admin, not the submitter): upheld / overturned</td><td>rejected / approved</td></tr>
 *   <tr><td>approved; rejected without an open appeal</td><td>re-open (admin): the reference version becomes the working copy</td><td>revised</td></tr>
 * </table>
 *
 * <p>Decisions: a rejected item is not handed back to the annotator for a resubmission, because the reviewer's
 * redo already is the ground truth and the annotator's version the negative example (§2.10); an annotator who
 * disagrees appeals, and an admin rules. An admin may re-open any reviewed item when an error turns up later;
 * the finished round is kept in {@link AspectWork#pastRounds()}. Steps B–G are not attributed to a user; the
 * annotator is recorded at submit.
 */
public final class Workflow {
    private final String sentinel;
    private final Map<Aspect, Set<Aspect>> dependsOn;

    /**
     * @param sentinel  the fixed "no edits needed" critique sentence of the specification
     * @param dependsOn for each aspect, the aspects that must be approved before it may be pre-captioned; missing
     *                  aspects have none. A dependency must come earlier in the fixed aspect order.
     */
    public Workflow(String sentinel, Map<Aspect, ? extends Set<Aspect>> dependsOn) {
        this.sentinel = Checks.nonBlank(sentinel, "'no edits needed' sentinel");
        EnumMap<Aspect, Set<Aspect>> deps = new EnumMap<>(Aspect.class);
        for (Aspect a : Aspect.values()) {
            Set<Aspect> d = dependsOn == null ? null : dependsOn.get(a);
            EnumSet<Aspect> copy = EnumSet.noneOf(Aspect.class);
            if (d != null) {
                for (Aspect dep : d) {
                    Checks.required(dep, "aspect dependency");
                    if (dep.ordinal() >= a.ordinal()) {
                        throw new InvalidValueException("Aspect " + a.key() + " cannot depend on " + dep.key()
                                + ", which does not come before it in the fixed order.");
                    }
                    copy.add(dep);
                }
            }
            deps.put(a, Collections.unmodifiableSet(copy));
        }
        this.dependsOn = Collections.unmodifiableMap(deps);
    }

    /** The sentinel critique stored for a pre-caption rated 5. */
    public String sentinel() {
        return sentinel;
    }

    /** The aspects {@code aspect} depends on. */
    public Set<Aspect> dependenciesOf(Aspect aspect) {
        return dependsOn.get(aspect);
    }

    /**
     * The dependencies of {@code aspect} that have no reference version yet, given the states of the same clip's
     * other aspects (a missing aspect counts as not started). Empty means it may be pre-captioned.
     */
    public Set<Aspect> unapprovedDependencies(Aspect aspect, Map<Aspect, WorkflowState> siblingStates) {
        EnumSet<Aspect> out = EnumSet.noneOf(Aspect.class);
        for (Aspect dep : dependsOn.get(aspect)) {
            if (!siblingStates.getOrDefault(dep, WorkflowState.NOT_STARTED).isReference()) {
                out.add(dep);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    // ---------------------------------------------------------------- step B

    /**
     * Sets (or replaces) the pre-caption. Allowed before submission. Earlier work on a replaced pre-caption is
     * kept in {@link AspectWork#discardedDrafts()}. Refused while a dependency has no reference version unless
     * {@code override} is given; the override is then recorded with the bypassed dependencies.
     */
    public AspectWork precaption(AspectWork work, PreCaption preCaption, Map<Aspect, WorkflowState> siblingStates,
            Optional<GatingOverride> override) {
        require(work, Action.PRECAPTION);
        Checks.required(preCaption, "pre-caption");
        Map<Aspect, WorkflowState> siblings = siblingStates == null ? Map.of() : siblingStates;
        Set<Aspect> missing = unapprovedDependencies(work.aspect(), siblings);
        Optional<GatingOverride> recorded = Optional.empty();
        if (!missing.isEmpty()) {
            if (override == null || override.isEmpty()) {
                throw new WorkflowException("Cannot pre-caption " + work.aspect().key() + " before "
                        + joinAnd(missing.stream().map(Aspect::key).collect(Collectors.toList()))
                        + (missing.size() == 1 ? " is" : " are") + " approved ("
                        + missing.stream().map(a -> a.key() + " is "
                                + siblings.getOrDefault(a, WorkflowState.NOT_STARTED).phrase())
                                .collect(Collectors.joining(", "))
                        + "); finish the review first or override the gating.");
            }
            recorded = Optional.of(override.get().bypassing(missing));
        }
        List<Draft> drafts = work.discardedDrafts();
        if (work.preCaption().isPresent()) {
            drafts = append(drafts, new Draft(work.preCaption().get(), work.gatingOverride(), work.rating(),
                    work.critique(), work.postCaption(), work.iterations()));
        }
        return work.withDraft(WorkflowState.PRECAPTIONED, recorded, Optional.of(preCaption), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), drafts);
    }

    // ---------------------------------------------------------------- steps C + D

    /**
     * Rates the pre-caption and gives the critique in one step. Rating 1–4: {@code critiqueText} is required and
     * must not be the sentinel; the item becomes critiqued. Rating 5: the critique must be empty or the sentinel
     * and no spans may be marked; the sentinel is stored, the post-caption is the pre-caption verbatim, and the
     * item is ready to submit. Re-rating is allowed before submission; a pair that had a post-caption is kept in
     * the iterations.
     */
    public AspectWork rateAndCritique(AspectWork work, Rating rating, String critiqueText, List<CritiqueItem> items) {
        require(work, Action.RATE_AND_CRITIQUE);
        Checks.required(rating, "rating");
        List<CritiqueItem> spans = Checks.list(items, "critique items");
        PreCaption pre = work.preCaption().orElseThrow();
        List<Iteration> iterations = keepPair(work);
        if (rating.isPerfect()) {
            if (critiqueText != null && !critiqueText.isBlank() && !critiqueText.strip().equals(sentinel)) {
                throw new WorkflowException("A rating of 5 keeps the pre-caption as is, so the critique must be the"
                        + " 'no edits needed' sentence; rate lower to critique it.");
            }
            if (!spans.isEmpty()) {
                throw new WorkflowException("A rating of 5 keeps the pre-caption as is; remove the " + spans.size()
                        + " marked span" + (spans.size() == 1 ? "" : "s") + " or rate lower.");
            }
            return work.withDraft(WorkflowState.REVISED, work.gatingOverride(), work.preCaption(),
                    Optional.of(rating), Optional.of(Critique.typed(sentinel, List.of())),
                    Optional.of(PostCaption.keptPreCaption(pre)), iterations, work.discardedDrafts());
        }
        checkCritiqueText(critiqueText, rating);
        anchor(spans, pre);
        return work.withDraft(WorkflowState.CRITIQUED, work.gatingOverride(), work.preCaption(), Optional.of(rating),
                Optional.of(Critique.typed(critiqueText, spans)), Optional.empty(), iterations,
                work.discardedDrafts());
    }

    // ---------------------------------------------------------------- step E

    /** Takes the polisher's rewrite as the critique's final text; a post-caption made from the old critique is kept in the iterations. */
    public AspectWork polishCritique(AspectWork work, String polished, Provenance polisher) {
        require(work, Action.POLISH_CRITIQUE);
        Checks.required(polisher, "polisher provenance");
        Rating rating = work.rating().orElseThrow();
        checkCritiqueText(polished, rating);
        Critique next = work.critique().orElseThrow().withPolished(polished, polisher);
        return work.withDraft(WorkflowState.CRITIQUED, work.gatingOverride(), work.preCaption(), work.rating(),
                Optional.of(next), Optional.empty(), keepPair(work), work.discardedDrafts());
    }

    // ---------------------------------------------------------------- step G (critique)

    /** Edits the critique's final text by hand, keeping its spans. */
    public AspectWork editCritique(AspectWork work, String text) {
        require(work, Action.EDIT_CRITIQUE);
        return editCritique(work, text, work.critique().orElseThrow().items());
    }

    /**
     * Edits the critique's final text and spans by hand. An edit that changes nothing returns {@code work}; any
     * other edit makes the post-caption stale: it is kept in the iterations and the item is critiqued again.
     */
    public AspectWork editCritique(AspectWork work, String text, List<CritiqueItem> items) {
        require(work, Action.EDIT_CRITIQUE);
        Rating rating = work.rating().orElseThrow();
        checkCritiqueText(text, rating);
        List<CritiqueItem> spans = Checks.list(items, "critique items");
        anchor(spans, work.preCaption().orElseThrow());
        Critique current = work.critique().orElseThrow();
        Critique next = current.withFinalText(text).withItems(spans);
        if (next.equals(current)) {
            return work;
        }
        return work.withDraft(WorkflowState.CRITIQUED, work.gatingOverride(), work.preCaption(), work.rating(),
                Optional.of(next), Optional.empty(), keepPair(work), work.discardedDrafts());
    }

    // ---------------------------------------------------------------- step F

    /** Takes the reviser's output as the post-caption; an earlier pair is kept in the iterations. */
    public AspectWork revise(AspectWork work, String revised, Provenance reviser) {
        require(work, Action.REVISE);
        Checks.required(reviser, "reviser provenance");
        if (revised == null || revised.isBlank()) {
            throw new WorkflowException("The reviser returned an empty caption; run it again or write the caption.");
        }
        return work.withDraft(WorkflowState.REVISED, work.gatingOverride(), work.preCaption(), work.rating(),
                work.critique(), Optional.of(PostCaption.revisedBy(revised, reviser)), keepPair(work),
                work.discardedDrafts());
    }

    // ---------------------------------------------------------------- step G (caption)

    /**
     * Writes or edits the post-caption by hand. It is flagged {@code manually_edited} unless it equals the
     * reviser's output (quality check "direct caption edit", §2.13).
     */
    public AspectWork editCaption(AspectWork work, String text) {
        require(work, Action.EDIT_CAPTION);
        if (text == null || text.isBlank()) {
            throw new WorkflowException("The caption must not be empty.");
        }
        PostCaption next = work.postCaption().map(p -> p.editedTo(text)).orElseGet(() -> PostCaption.handWritten(text));
        return work.withDraft(WorkflowState.REVISED, work.gatingOverride(), work.preCaption(), work.rating(),
                work.critique(), Optional.of(next), work.iterations(), work.discardedDrafts());
    }

    // ---------------------------------------------------------------- step G (accept)

    /** Accepts critique and caption (both non-empty) and sends them to review; needs the annotator role. */
    public AspectWork submit(AspectWork work, User annotator, Instant at) {
        require(work, Action.SUBMIT);
        requireActor(work, Action.SUBMIT, annotator);
        Checks.required(at, "submission time");
        Rating rating = work.rating().orElseThrow();
        Critique critique = work.critique().orElseThrow();
        PostCaption caption = work.postCaption().orElseThrow();
        checkVersion(rating, critique, caption, work.preCaption().orElseThrow());
        return work.withSubmission(WorkflowState.SUBMITTED, Optional.of(annotator.id()), Optional.of(at));
    }

    /** Takes a submission back before review; only its submitter may. */
    public AspectWork withdraw(AspectWork work, User user) {
        require(work, Action.WITHDRAW);
        requireActor(work, Action.WITHDRAW, user);
        return work.withSubmission(WorkflowState.REVISED, Optional.empty(), Optional.empty());
    }

    // ---------------------------------------------------------------- step H

    /** Approves the submission; needs the reviewer role and someone other than the submitter. */
    public AspectWork approve(AspectWork work, User reviewer, Optional<String> reason, Instant at) {
        require(work, Action.APPROVE);
        requireActor(work, Action.APPROVE, reviewer);
        Review review = new Review(reviewer.id(), Review.Decision.APPROVE, reason, at, Optional.empty());
        return work.withReview(WorkflowState.APPROVED, Optional.of(review), Optional.empty(), List.of());
    }

    /**
     * Rejects the submission with the reviewer's own rating, critique and caption, which obey the same rules as
     * the annotator's (rating 5: sentinel and the pre-caption verbatim). The annotator's version stays as the
     * negative example.
     */
    public AspectWork reject(AspectWork work, User reviewer, Redo redo, Optional<String> reason, Instant at) {
        require(work, Action.REJECT);
        requireActor(work, Action.REJECT, reviewer);
        Checks.required(redo, "reviewer's redo");
        checkVersion(redo.rating(), redo.critique(), redo.caption(), work.preCaption().orElseThrow());
        Review review = new Review(reviewer.id(), Review.Decision.REJECT, reason, at, Optional.of(redo));
        return work.withReview(WorkflowState.REJECTED, Optional.of(review), Optional.empty(), List.of());
    }

    // ---------------------------------------------------------------- step I

    /** Asks for a regrade of a rejection; only the submitter may, once per round. */
    public AspectWork appeal(AspectWork work, User annotator, String note, Instant at) {
        require(work, Action.APPEAL);
        requireActor(work, Action.APPEAL, annotator);
        Appeal appeal = Appeal.open(annotator.id(), note, at);
        return work.withReview(WorkflowState.REJECTED, work.review(), Optional.of(appeal), work.supersededReviews());
    }

    /**
     * Settles the open appeal (admin, not the submitter). Upheld: the rejection stands. Overturned: the
     * annotator's version is approved by a new review from the admin; the rejecting review is kept in
     * {@link AspectWork#supersededReviews()}.
     */
    public AspectWork ruleOnAppeal(AspectWork work, User admin, AppealRuling.Outcome outcome, String reason,
            Instant at) {
        require(work, Action.RULE_ON_APPEAL);
        requireActor(work, Action.RULE_ON_APPEAL, admin);
        AppealRuling ruling = new AppealRuling(admin.id(), outcome, reason, at);
        Appeal ruled = work.appeal().orElseThrow().ruled(ruling);
        if (outcome == AppealRuling.Outcome.UPHELD) {
            return work.withReview(WorkflowState.REJECTED, work.review(), Optional.of(ruled),
                    work.supersededReviews());
        }
        Review approval = new Review(admin.id(), Review.Decision.APPROVE, Optional.of(reason), at, Optional.empty());
        return work.withReview(WorkflowState.APPROVED, Optional.of(approval), Optional.of(ruled),
                append(work.supersededReviews(), work.review().orElseThrow()));
    }

    /**
     * Re-opens a reviewed item (admin): the finished round is kept in {@link AspectWork#pastRounds()}, the
     * reference version (the approved version, or the reviewer's redo) becomes the working copy, and the item
     * is revised again, to be submitted and reviewed anew.
     */
    public AspectWork reopen(AspectWork work, User admin, String reason, Instant at) {
        require(work, Action.REOPEN);
        requireActor(work, Action.REOPEN, admin);
        CaptionVersion reference = work.referenceVersion().orElseThrow();
        ReviewRound round = new ReviewRound(work.submittedVersion().orElseThrow(), work.review().orElseThrow(),
                work.appeal(), work.supersededReviews(), admin.id(), reason, at);
        return work.reopened(Optional.of(reference.rating()), Optional.of(reference.critique()),
                Optional.of(reference.caption()), append(work.pastRounds(), round));
    }

    // ---------------------------------------------------------------- rules

    /** Why {@code user} may not take {@code action} on {@code work}, judged on roles and identity only. */
    static Optional<String> actorRefusal(AspectWork work, Action action, User user) {
        if (user == null) {
            return Optional.of("Nobody is signed in; sign in to " + action.verb() + ".");
        }
        String name = user.id().value();
        Optional<String> submitter = work.submitter().map(u -> u.value());
        boolean isSubmitter = submitter.map(name::equals).orElse(false);
        switch (action) {
            case PRECAPTION, RATE_AND_CRITIQUE, POLISH_CRITIQUE, EDIT_CRITIQUE, REVISE, EDIT_CAPTION, SUBMIT -> {
                return lacks(user, Role.ANNOTATOR, action);
            }
            case WITHDRAW, APPEAL -> {
                if (!isSubmitter) {
                    return Optional.of("Only " + submitter.orElse("the submitter") + ", who submitted "
                            + work.describe() + ", can " + action.verb() + ".");
                }
                return Optional.empty();
            }
            case APPROVE, REJECT -> {
                Optional<String> r = lacks(user, Role.REVIEWER, action);
                if (r.isPresent()) {
                    return r;
                }
                if (isSubmitter) {
                    return Optional.of(name + " submitted " + work.describe()
                            + " and cannot review their own work; another reviewer must.");
                }
                return Optional.empty();
            }
            case RULE_ON_APPEAL -> {
                Optional<String> r = lacks(user, Role.ADMIN, action);
                if (r.isPresent()) {
                    return r;
                }
                if (isSubmitter) {
                    return Optional.of(name + " submitted " + work.describe()
                            + " and cannot rule on the appeal of their own work; another admin must.");
                }
                return Optional.empty();
            }
            case REOPEN -> {
                return lacks(user, Role.ADMIN, action);
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
    }

    private static Optional<String> lacks(User user, Role role, Action action) {
        if (user.has(role)) {
            return Optional.empty();
        }
        String roleName = role.name().toLowerCase(java.util.Locale.ROOT);
        return Optional.of("Only a user with the " + roleName + " role can " + action.verb() + "; "
                + user.id().value() + " does not have it.");
    }

    private static void require(AspectWork work, Action action) {
        Checks.required(work, "work item");
        Optional<String> refusal = work.refusal(action);
        if (refusal.isPresent()) {
            throw new WorkflowException(refusal.get());
        }
    }

    private static void requireActor(AspectWork work, Action action, User user) {
        Optional<String> refusal = actorRefusal(work, action, user);
        if (refusal.isPresent()) {
            throw new WorkflowException(refusal.get());
        }
    }

    /** Critique text rules for a rating below 5 (the rating-5 case never reaches here). */
    private void checkCritiqueText(String text, Rating rating) {
        if (text == null || text.isBlank()) {
            throw new WorkflowException("A critique is required when the rating is below 5 (rating "
                    + rating.score() + " given).");
        }
        if (text.strip().equals(sentinel)) {
            throw new WorkflowException("A rating of " + rating.score() + " needs a critique that names the errors,"
                    + " not the 'no edits needed' sentence; describe the errors or rate 5.");
        }
    }

    /** The rules an accepted version must meet, for the annotator's submission and the reviewer's redo alike. */
    private void checkVersion(Rating rating, Critique critique, PostCaption caption, PreCaption pre) {
        if (rating.isPerfect()) {
            if (!critique.finalText().strip().equals(sentinel)) {
                throw new WorkflowException("A rating of 5 keeps the pre-caption as is, so the critique must be the"
                        + " 'no edits needed' sentence; rate lower to critique it.");
            }
            if (!critique.items().isEmpty()) {
                throw new WorkflowException("A rating of 5 keeps the pre-caption as is; remove the "
                        + critique.items().size() + " marked span" + (critique.items().size() == 1 ? "" : "s")
                        + " or rate lower.");
            }
            if (!caption.text().equals(pre.text())) {
                throw new WorkflowException("A rating of 5 keeps the pre-caption as is, but the caption differs from"
                        + " it; rate lower to change it.");
            }
        } else {
            checkCritiqueText(critique.finalText(), rating);
        }
        anchor(critique.items(), pre);
    }

    private static void anchor(List<CritiqueItem> items, PreCaption pre) {
        for (CritiqueItem item : items) {
            item.checkAnchoredIn(pre.text());
        }
    }

    private static List<Iteration> keepPair(AspectWork work) {
        if (work.postCaption().isEmpty()) {
            return work.iterations();
        }
        return append(work.iterations(), new Iteration(work.critique().orElseThrow(), work.postCaption().get()));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return List.copyOf(out);
    }

    private static String joinAnd(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
