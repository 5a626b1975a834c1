// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import static io.chai.model.workflow.Fixtures.ADA;
import static io.chai.model.workflow.Fixtures.ANNA;
import static io.chai.model.workflow.Fixtures.CLIP;
import static io.chai.model.workflow.Fixtures.PRE_TEXT;
import static io.chai.model.workflow.Fixtures.REX;
import static io.chai.model.workflow.Fixtures.SAM;
import static io.chai.model.workflow.Fixtures.SENTINEL;
import static io.chai.model.workflow.Fixtures.T0;
import static io.chai.model.workflow.Fixtures.WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.InvalidValueException;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Review;
import io.chai.model.domain.Role;
import io.chai.model.domain.User;
import io.chai.model.domain.UserId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The workflow rules one by one. */
class WorkflowRulesTest {

    @Nested
    class Gating {
        private final AspectWork motion = AspectWork.start(CLIP, Aspect.MOTION);
        private final AspectWork spatial = AspectWork.start(CLIP, Aspect.SPATIAL);

        @Test
        void motionWaitsForSubjectApproval() {
            assertThatThrownBy(() -> WORKFLOW.precaption(motion, Fixtures.pre(),
                    Map.of(Aspect.SUBJECT, WorkflowState.SUBMITTED), Optional.empty()))
                    .isInstanceOf(WorkflowException.class)
                    .hasMessage("Cannot pre-caption motion before subject is approved (subject is submitted);"
                            + " finish the review first or override the gating.");
        }

        @Test
        void spatialNamesEveryMissingDependency() {
            assertThatThrownBy(() -> WORKFLOW.precaption(spatial, Fixtures.pre(), Map.of(), Optional.empty()))
                    .hasMessage("Cannot pre-caption spatial before subject and scene are approved (subject is not"
                            + " started, scene is not started); finish the review first or override the gating.");
        }

        @Test
        void approvedOrRejectedDependencyIsAReference() {
            for (WorkflowState s : List.of(WorkflowState.APPROVED, WorkflowState.REJECTED)) {
                AspectWork done = WORKFLOW.precaption(motion, Fixtures.pre(), Map.of(Aspect.SUBJECT, s),
                        Optional.empty());
                assertThat(done.state()).isEqualTo(WorkflowState.PRECAPTIONED);
                assertThat(done.gatingOverride()).isEmpty();
            }
        }

        @Test
        void overrideIsRecordedWithTheBypassedDependencies() {
            AspectWork done = WORKFLOW.precaption(spatial, Fixtures.pre(),
                    Map.of(Aspect.SUBJECT, WorkflowState.APPROVED, Aspect.SCENE, WorkflowState.CRITIQUED),
                    Optional.of(GatingOverride.request(UserId.of("ada"), "Scene is trivial here.", T0)));
            assertThat(done.gatingOverride()).isPresent();
            assertThat(done.gatingOverride().get().bypassed()).containsExactly(Aspect.SCENE);
            assertThat(done.gatingOverride().get().reason()).isEqualTo("Scene is trivial here.");
        }

        @Test
        void overrideIsNotRecordedWhenNotNeeded() {
            AspectWork done = WORKFLOW.precaption(AspectWork.start(CLIP, Aspect.SUBJECT), Fixtures.pre(), Map.of(),
                    Optional.of(GatingOverride.request(UserId.of("ada"), "just in case", T0)));
            assertThat(done.gatingOverride()).isEmpty();
        }

        @Test
        void dependencyMustComeEarlierInTheOrder() {
            assertThatThrownBy(() -> new Workflow(SENTINEL, Map.of(Aspect.SUBJECT, Set.of(Aspect.CAMERA))))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Aspect subject cannot depend on camera, which does not come before it in the fixed"
                            + " order.");
            assertThatThrownBy(() -> new Workflow(" ", Map.of())).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void dependenciesAreExposed() {
            assertThat(WORKFLOW.dependenciesOf(Aspect.SPATIAL)).containsExactlyInAnyOrder(Aspect.SUBJECT,
                    Aspect.SCENE);
            assertThat(WORKFLOW.dependenciesOf(Aspect.CAMERA)).isEmpty();
            assertThat(WORKFLOW.unapprovedDependencies(Aspect.SPATIAL, Map.of(Aspect.SUBJECT, WorkflowState.REJECTED)))
                    .containsExactly(Aspect.SCENE);
        }
    }

    @Nested
    class Regenerate {
        @Test
        void regenerationKeepsEarlierWorkAsADiscardedDraft() {
            AspectWork revised = Fixtures.revised();
            AspectWork again = WORKFLOW.precaption(revised, Fixtures.pre("Another draft."), Map.of(), Optional.empty());
            assertThat(again.state()).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(again.preCaption().orElseThrow().text()).isEqualTo("Another draft.");
            assertThat(again.rating()).isEmpty();
            assertThat(again.critique()).isEmpty();
            assertThat(again.postCaption()).isEmpty();
            assertThat(again.discardedDrafts()).hasSize(1);
            Draft d = again.discardedDrafts().get(0);
            assertThat(d.preCaption()).isEqualTo(revised.preCaption().orElseThrow());
            assertThat(d.rating()).isEqualTo(revised.rating());
            assertThat(d.critique()).isEqualTo(revised.critique());
            assertThat(d.caption()).isEqualTo(revised.postCaption());
        }
    }

    @Nested
    class RateAndCritique {
        @Test
        void critiqueRequiredBelowFive() {
            for (String empty : new String[] {null, "", "   "}) {
                assertThatThrownBy(() -> WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.of(3), empty,
                        List.of()))
                        .isInstanceOf(WorkflowException.class)
                        .hasMessage("A critique is required when the rating is below 5 (rating 3 given).");
            }
        }

        @Test
        void sentinelRefusedBelowFive() {
            assertThatThrownBy(() -> WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.of(4), SENTINEL,
                    List.of()))
                    .hasMessage("A rating of 4 needs a critique that names the errors, not the 'no edits needed'"
                            + " sentence; describe the errors or rate 5.");
        }

        @Test
        void ratingFiveStoresSentinelAndKeepsPreCaption() {
            AspectWork w = Fixtures.revisedPerfect();
            assertThat(w.state()).isEqualTo(WorkflowState.REVISED);
            assertThat(w.critique().orElseThrow().finalText()).isEqualTo(SENTINEL);
            assertThat(w.critique().orElseThrow().raw()).isEqualTo(SENTINEL);
            assertThat(w.postCaption().orElseThrow().text()).isEqualTo(PRE_TEXT);
            assertThat(w.postCaption().orElseThrow().revised()).isEmpty();
            assertThat(w.postCaption().orElseThrow().manuallyEdited()).isFalse();
            assertThat(w.workflowType()).contains(WorkflowType.PERFECT_PRECAPTION);
            AspectWork explicit = WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.PERFECT, SENTINEL,
                    List.of());
            assertThat(explicit).isEqualTo(w);
        }

        @Test
        void ratingFiveRefusesAnyOtherCritique() {
            assertThatThrownBy(() -> WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.PERFECT,
                    "Looks fine but the coat is blue.", List.of()))
                    .hasMessage("A rating of 5 keeps the pre-caption as is, so the critique must be the 'no edits"
                            + " needed' sentence; rate lower to critique it.");
        }

        @Test
        void ratingFiveRefusesMarkedSpans() {
            assertThatThrownBy(() -> WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.PERFECT, "",
                    List.of(Fixtures.redCoatSpan())))
                    .hasMessage("A rating of 5 keeps the pre-caption as is; remove the 1 marked span or rate lower.");
        }

        @Test
        void spansMustQuoteThePreCaption() {
            CritiqueItem wrong = new CritiqueItem(11, 19, "blue coa", "", CritiqueItem.ErrorType.IMPRECISION, "");
            assertThatThrownBy(() -> WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.of(2), "Blue coat.",
                    List.of(wrong)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Critique span 11–19 quotes 'blue coa' but the pre-caption there reads 'red coat'.");
            CritiqueItem outside = new CritiqueItem(50, 60, "0123456789", "", CritiqueItem.ErrorType.OMISSION, "");
            assertThatThrownBy(() -> WORKFLOW.rateAndCritique(Fixtures.precaptioned(), Rating.of(2), "Blue coat.",
                    List.of(outside)))
                    .hasMessage("Critique span 50–60 lies outside the pre-caption (53 characters).");
        }

        @Test
        void reRatingAfterRevisionKeepsThePair() {
            AspectWork revised = Fixtures.revised();
            AspectWork rerated = WORKFLOW.rateAndCritique(revised, Rating.of(2), "Coat blue; walks right.", List.of());
            assertThat(rerated.state()).isEqualTo(WorkflowState.CRITIQUED);
            assertThat(rerated.rating()).contains(Rating.of(2));
            assertThat(rerated.postCaption()).isEmpty();
            assertThat(rerated.iterations()).containsExactly(new Iteration(revised.critique().orElseThrow(),
                    revised.postCaption().orElseThrow()));
            AspectWork perfect = WORKFLOW.rateAndCritique(revised, Rating.PERFECT, null, List.of());
            assertThat(perfect.state()).isEqualTo(WorkflowState.REVISED);
            assertThat(perfect.workflowType()).contains(WorkflowType.PERFECT_PRECAPTION);
        }
    }

    @Nested
    class RefinementLoop {
        @Test
        void polishReplacesFinalTextAndKeepsRaw() {
            AspectWork w = WORKFLOW.polishCritique(Fixtures.critiqued(), "The coat is blue rather than red.",
                    Fixtures.polisher());
            Critique c = w.critique().orElseThrow();
            assertThat(c.raw()).isEqualTo("The coat is blue, not red.");
            assertThat(c.polished()).contains("The coat is blue rather than red.");
            assertThat(c.finalText()).isEqualTo("The coat is blue rather than red.");
            assertThat(c.polisher().orElseThrow().model()).isEqualTo("gpt-4o-2024-08-06");
            assertThat(c.items()).containsExactly(Fixtures.redCoatSpan());
        }

        @Test
        void editCritiqueThenReviseKeepsIntermediatePairs() {
            AspectWork first = Fixtures.revised();
            AspectWork edited = WORKFLOW.editCritique(first, "The coat is navy blue, not red.");
            assertThat(edited.state()).isEqualTo(WorkflowState.CRITIQUED);
            assertThat(edited.postCaption()).isEmpty();
            assertThat(edited.iterations()).hasSize(1);
            AspectWork second = WORKFLOW.revise(edited, "A man in a navy blue coat walks left.", Fixtures.reviser());
            assertThat(second.state()).isEqualTo(WorkflowState.REVISED);
            assertThat(second.iterations()).hasSize(1);
            AspectWork third = WORKFLOW.revise(second, "A man in a navy coat walks left.", Fixtures.reviser());
            assertThat(third.iterations()).hasSize(2);
            assertThat(third.iterations().get(0).caption()).isEqualTo(first.postCaption().orElseThrow());
            assertThat(third.iterations().get(1).caption().text()).isEqualTo("A man in a navy blue coat walks left.");
            assertThat(third.critique().orElseThrow().finalText()).isEqualTo("The coat is navy blue, not red.");
        }

        @Test
        void editCritiqueThatChangesNothingIsANoOp() {
            AspectWork revised = Fixtures.revised();
            assertThat(WORKFLOW.editCritique(revised, revised.critique().orElseThrow().finalText()))
                    .isSameAs(revised);
        }

        @Test
        void polishedOrEditedCritiqueMustNotBeEmptyOrSentinel() {
            assertThatThrownBy(() -> WORKFLOW.polishCritique(Fixtures.critiqued(), "", Fixtures.polisher()))
                    .hasMessage("A critique is required when the rating is below 5 (rating 3 given).");
            assertThatThrownBy(() -> WORKFLOW.editCritique(Fixtures.critiqued(), SENTINEL))
                    .hasMessageStartingWith("A rating of 3 needs a critique that names the errors");
        }

        @Test
        void manualCaptionEditsAreFlagged() {
            AspectWork revised = Fixtures.revised();
            assertThat(revised.postCaption().orElseThrow().manuallyEdited()).isFalse();
            AspectWork edited = WORKFLOW.editCaption(revised, "A man in a blue coat strolls left.");
            PostCaption p = edited.postCaption().orElseThrow();
            assertThat(p.manuallyEdited()).isTrue();
            assertThat(p.revised()).isEqualTo(revised.postCaption().orElseThrow().revised());
            AspectWork back = WORKFLOW.editCaption(edited, revised.postCaption().orElseThrow().text());
            assertThat(back.postCaption().orElseThrow().manuallyEdited()).isFalse();
            AspectWork handWritten = WORKFLOW.editCaption(Fixtures.critiqued(), "A man in a blue coat walks left.");
            assertThat(handWritten.state()).isEqualTo(WorkflowState.REVISED);
            assertThat(handWritten.postCaption().orElseThrow().manuallyEdited()).isTrue();
            assertThat(handWritten.postCaption().orElseThrow().reviser()).isEmpty();
            assertThatThrownBy(() -> WORKFLOW.editCaption(revised, " "))
                    .hasMessage("The caption must not be empty.");
            assertThatThrownBy(() -> WORKFLOW.revise(Fixtures.critiqued(), "", Fixtures.reviser()))
                    .hasMessage("The reviser returned an empty caption; run it again or write the caption.");
        }
    }

    @Nested
    class SubmitAndReview {
        @Test
        void submitNeedsAnnotatorRoleAndRecordsSubmitter() {
            assertThatThrownBy(() -> WORKFLOW.submit(Fixtures.revised(), REX, T0))
                    .isInstanceOf(WorkflowException.class)
                    .hasMessage("Only a user with the annotator role can submit; rex does not have it.");
            AspectWork s = Fixtures.submitted();
            assertThat(s.submitter()).contains(ANNA.id());
            assertThat(s.submittedAt()).contains(T0.plusSeconds(60));
            assertThat(s.exportStatus()).isEqualTo(ExportStatus.COMPLETED_NOT_REVIEWED);
            assertThat(s.captionData().orElseThrow().author()).isEqualTo(ANNA.id());
            assertThat(s.referenceVersion()).isEmpty();
        }

        @Test
        void reviewerNeverReviewsOwnWork() {
            AspectWork s = WORKFLOW.submit(Fixtures.revised(), SAM, T0);
            assertThatThrownBy(() -> WORKFLOW.approve(s, SAM, Optional.empty(), T0))
                    .hasMessage("sam submitted subject of clip 0123456789ab and cannot review their own work;"
                            + " another reviewer must.");
            assertThatThrownBy(() -> WORKFLOW.reject(s, SAM, Fixtures.redo(), Optional.empty(), T0))
                    .hasMessage("sam submitted subject of clip 0123456789ab and cannot review their own work;"
                            + " another reviewer must.");
            assertThat(s.allowedActionsFor(SAM)).doesNotContain(Action.APPROVE, Action.REJECT);
            assertThat(s.allowedActionsFor(REX)).containsExactlyInAnyOrder(Action.APPROVE, Action.REJECT);
        }

        @Test
        void approveNeedsReviewerRole() {
            assertThatThrownBy(() -> WORKFLOW.approve(Fixtures.submitted(), ADA, Optional.empty(), T0))
                    .hasMessage("Only a user with the reviewer role can approve; ada does not have it.");
        }

        @Test
        void approvalMakesTheAnnotatorsVersionTheReference() {
            AspectWork a = Fixtures.approved();
            assertThat(a.exportStatus()).isEqualTo(ExportStatus.APPROVED);
            assertThat(a.review().orElseThrow().reviewerDoubleCheck()).isTrue();
            assertThat(a.referenceVersion()).isEqualTo(a.submittedVersion());
            assertThat(a.negativeExample()).isEmpty();
            assertThat(a.workflowType()).contains(WorkflowType.IMPROVED_PRECAPTION);
        }

        @Test
        void rejectionKeepsAnnotatorVersionAsNegativeExample() {
            AspectWork r = Fixtures.rejected();
            assertThat(r.exportStatus()).isEqualTo(ExportStatus.REJECTED);
            assertThat(r.review().orElseThrow().reviewerDoubleCheck()).isFalse();
            CaptionVersion negative = r.negativeExample().orElseThrow();
            assertThat(negative.author()).isEqualTo(ANNA.id());
            assertThat(negative.caption()).isEqualTo(Fixtures.revised().postCaption().orElseThrow());
            CaptionVersion data = r.captionData().orElseThrow();
            assertThat(data.author()).isEqualTo(REX.id());
            assertThat(data.caption()).isEqualTo(Fixtures.redo().caption());
            assertThat(data.rating()).isEqualTo(Rating.of(2));
            assertThat(r.referenceVersion()).contains(data);
        }

        @Test
        void rejectionRedoFollowsTheRatingRules() {
            Redo badPerfect = new Redo(Rating.PERFECT, Critique.typed("Blue coat.", List.of()),
                    PostCaption.handWritten(PRE_TEXT));
            assertThatThrownBy(() -> WORKFLOW.reject(Fixtures.submitted(), REX, badPerfect, Optional.empty(), T0))
                    .hasMessage("A rating of 5 keeps the pre-caption as is, so the critique must be the 'no edits"
                            + " needed' sentence; rate lower to critique it.");
            Redo changedPerfect = new Redo(Rating.PERFECT, Critique.typed(SENTINEL, List.of()),
                    PostCaption.handWritten("Something else."));
            assertThatThrownBy(() -> WORKFLOW.reject(Fixtures.submitted(), REX, changedPerfect, Optional.empty(), T0))
                    .hasMessage("A rating of 5 keeps the pre-caption as is, but the caption differs from it; rate"
                            + " lower to change it.");
            Redo sentinelLow = new Redo(Rating.of(1), Critique.typed(SENTINEL, List.of()),
                    PostCaption.handWritten("Something else."));
            assertThatThrownBy(() -> WORKFLOW.reject(Fixtures.submitted(), REX, sentinelLow, Optional.empty(), T0))
                    .hasMessageStartingWith("A rating of 1 needs a critique that names the errors");
            Redo perfect = new Redo(Rating.PERFECT, Critique.typed(SENTINEL, List.of()),
                    PostCaption.keptPreCaption(Fixtures.pre()));
            AspectWork r = WORKFLOW.reject(Fixtures.submitted(), REX, perfect, Optional.empty(), T0);
            assertThat(r.workflowType()).contains(WorkflowType.PERFECT_PRECAPTION);
        }

        @Test
        void withdrawOnlyByTheSubmitter() {
            assertThatThrownBy(() -> WORKFLOW.withdraw(Fixtures.submitted(), SAM))
                    .hasMessage("Only anna, who submitted subject of clip 0123456789ab, can withdraw.");
            AspectWork back = WORKFLOW.withdraw(Fixtures.submitted(), ANNA);
            assertThat(back).isEqualTo(Fixtures.revised());
        }
    }

    @Nested
    class Appeals {
        @Test
        void onlyTheSubmitterAppeals() {
            assertThatThrownBy(() -> WORKFLOW.appeal(Fixtures.rejected(), SAM, "Look again.", T0))
                    .hasMessage("Only anna, who submitted subject of clip 0123456789ab, can appeal.");
            assertThatThrownBy(() -> WORKFLOW.appeal(Fixtures.rejected(), ANNA, " ", T0))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Appeal note must not be empty.");
        }

        @Test
        void appealIsRecordedAndOpen() {
            AspectWork a = Fixtures.rejectedAppealed();
            assertThat(a.state()).isEqualTo(WorkflowState.REJECTED);
            assertThat(a.appeal().orElseThrow().isOpen()).isTrue();
            assertThat(a.appeal().orElseThrow().author()).isEqualTo(ANNA.id());
            assertThat(a.allowedActionsFor(ADA)).containsExactly(Action.RULE_ON_APPEAL);
            assertThat(a.allowedActionsFor(ANNA)).isEmpty();
        }

        @Test
        void rulingNeedsAdminWhoIsNotTheSubmitter() {
            assertThatThrownBy(() -> WORKFLOW.ruleOnAppeal(Fixtures.rejectedAppealed(), REX,
                    AppealRuling.Outcome.UPHELD, "No.", T0))
                    .hasMessage("Only a user with the admin role can rule on the appeal; rex does not have it.");
            User annaAdmin = User.of("anna", Role.ANNOTATOR, Role.ADMIN);
            assertThatThrownBy(() -> WORKFLOW.ruleOnAppeal(Fixtures.rejectedAppealed(), annaAdmin,
                    AppealRuling.Outcome.OVERTURNED, "I was right.", T0))
                    .hasMessage("anna submitted subject of clip 0123456789ab and cannot rule on the appeal of their"
                            + " own work; another admin must.");
        }

        @Test
        void upheldRejectionStands() {
            AspectWork u = Fixtures.rejectedUpheld();
            assertThat(u.state()).isEqualTo(WorkflowState.REJECTED);
            assertThat(u.appeal().orElseThrow().ruling().orElseThrow().outcome())
                    .isEqualTo(AppealRuling.Outcome.UPHELD);
            assertThat(u.review()).isEqualTo(Fixtures.rejected().review());
            assertThat(u.negativeExample()).isPresent();
        }

        @Test
        void overturnedRejectionApprovesTheAnnotatorAndKeepsTheOldReview() {
            AspectWork o = Fixtures.approvedOnAppeal();
            assertThat(o.state()).isEqualTo(WorkflowState.APPROVED);
            Review approval = o.review().orElseThrow();
            assertThat(approval.reviewer()).isEqualTo(ADA.id());
            assertThat(approval.decision()).isEqualTo(Review.Decision.APPROVE);
            assertThat(o.supersededReviews()).containsExactly(Fixtures.rejected().review().orElseThrow());
            assertThat(o.captionData().orElseThrow().author()).isEqualTo(ANNA.id());
            assertThat(o.negativeExample()).isEmpty();
        }
    }

    @Nested
    class Reopen {
        @Test
        void reopenNeedsAdmin() {
            assertThatThrownBy(() -> WORKFLOW.reopen(Fixtures.approved(), REX, "error", T0))
                    .hasMessage("Only a user with the admin role can re-open; rex does not have it.");
        }

        @Test
        void reopenedApprovalKeepsTheRoundAndStartsFromTheApprovedVersion() {
            AspectWork approved = Fixtures.approved();
            AspectWork r = WORKFLOW.reopen(approved, ADA, "Camera direction was wrong.", T0.plusSeconds(999));
            assertThat(r.state()).isEqualTo(WorkflowState.REVISED);
            assertThat(r.submitter()).isEmpty();
            assertThat(r.review()).isEmpty();
            assertThat(r.postCaption()).isEqualTo(approved.postCaption());
            ReviewRound round = r.pastRounds().get(0);
            assertThat(round.submitted()).isEqualTo(approved.submittedVersion().orElseThrow());
            assertThat(round.review()).isEqualTo(approved.review().orElseThrow());
            assertThat(round.reopenedBy()).isEqualTo(ADA.id());
            AspectWork again = WORKFLOW.approve(WORKFLOW.submit(r, ANNA, T0.plusSeconds(1000)), REX, Optional.empty(),
                    T0.plusSeconds(1001));
            assertThat(again.pastRounds()).hasSize(1);
        }

        @Test
        void reopenedRejectionStartsFromTheReviewersRedo() {
            AspectWork rejected = Fixtures.rejected();
            AspectWork r = WORKFLOW.reopen(rejected, ADA, "Redo has a typo.", T0.plusSeconds(999));
            assertThat(r.rating()).contains(Fixtures.redo().rating());
            assertThat(r.critique()).contains(Fixtures.redo().critique());
            assertThat(r.postCaption()).contains(Fixtures.redo().caption());
            assertThat(r.pastRounds().get(0).submitted()).isEqualTo(rejected.negativeExample().orElseThrow());
        }
    }

    @Test
    void allowedActionsForFiltersByRole() {
        AspectWork revised = Fixtures.revised();
        assertThat(revised.allowedActionsFor(ANNA)).isEqualTo(revised.allowedActions());
        assertThat(revised.allowedActionsFor(REX)).isEmpty();
        assertThat(Fixtures.approved().allowedActionsFor(ADA)).containsExactly(Action.REOPEN);
        assertThat(Fixtures.rejected().allowedActionsFor(ANNA)).containsExactly(Action.APPEAL);
    }

    @Test
    void exportStatusOfEveryState() {
        Map<WorkflowState, ExportStatus> expected = Map.of(
                WorkflowState.NOT_STARTED, ExportStatus.NOT_COMPLETED,
                WorkflowState.PRECAPTIONED, ExportStatus.NOT_COMPLETED,
                WorkflowState.CRITIQUED, ExportStatus.NOT_COMPLETED,
                WorkflowState.REVISED, ExportStatus.NOT_COMPLETED,
                WorkflowState.SUBMITTED, ExportStatus.COMPLETED_NOT_REVIEWED,
                WorkflowState.APPROVED, ExportStatus.APPROVED,
                WorkflowState.REJECTED, ExportStatus.REJECTED);
        for (WorkflowState s : WorkflowState.values()) {
            assertThat(ExportStatus.of(s)).as(s.name()).isEqualTo(expected.get(s));
        }
        assertThat(EnumSet.allOf(ExportStatus.class)).extracting(ExportStatus::key)
                .containsExactly("not_completed", "completed_not_reviewed", "approved", "rejected");
        assertThat(Fixtures.precaptioned().workflowType()).isEmpty();
        assertThat(Fixtures.critiqued().workflowType()).contains(WorkflowType.IMPROVED_PRECAPTION);
    }

    @Test
    void inconsistentDataIsRefused() {
        AspectWork s = Fixtures.submitted();
        assertThatThrownBy(() -> new AspectWork(s.clip(), s.aspect(), WorkflowState.SUBMITTED, s.gatingOverride(),
                s.preCaption(), s.rating(), s.critique(), s.postCaption(), s.iterations(), s.discardedDrafts(),
                Optional.empty(), s.submittedAt(), s.review(), s.appeal(), s.supersededReviews(), s.pastRounds()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("A submitted work item must have a submitter.");
        assertThatThrownBy(() -> new AspectWork(s.clip(), s.aspect(), WorkflowState.APPROVED, s.gatingOverride(),
                s.preCaption(), s.rating(), s.critique(), s.postCaption(), s.iterations(), s.discardedDrafts(),
                s.submitter(), s.submittedAt(), Fixtures.rejected().review(), s.appeal(), s.supersededReviews(),
                s.pastRounds()))
                .hasMessage("An approved work item cannot hold a review that rejects it.");
        AspectWork p = Fixtures.precaptioned();
        assertThatThrownBy(() -> new AspectWork(p.clip(), p.aspect(), WorkflowState.NOT_STARTED, p.gatingOverride(),
                p.preCaption(), p.rating(), p.critique(), p.postCaption(), p.iterations(), p.discardedDrafts(),
                p.submitter(), p.submittedAt(), p.review(), p.appeal(), p.supersededReviews(), p.pastRounds()))
                .hasMessage("A not started work item must not have a pre-caption.");
    }
}
