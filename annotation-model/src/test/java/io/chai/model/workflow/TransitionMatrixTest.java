// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import static io.chai.model.workflow.Fixtures.ADA;
import static io.chai.model.workflow.Fixtures.ANNA;
import static io.chai.model.workflow.Fixtures.REX;
import static io.chai.model.workflow.Fixtures.T0;
import static io.chai.model.workflow.Fixtures.WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Rating;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (situation, action) pair of the state machine: allowed pairs are performed and land in the expected
 * state; forbidden pairs throw a {@link WorkflowException} with the exact message and change nothing. The
 * table below is written out independently of {@link AspectWork#allowedActions()}.
 */
class TransitionMatrixTest {

    /** A state, or a state with data that changes what is allowed. */
    enum Situation {
        NOT_STARTED(WorkflowState.NOT_STARTED, Fixtures::notStarted),
        PRECAPTIONED(WorkflowState.PRECAPTIONED, Fixtures::precaptioned),
        CRITIQUED(WorkflowState.CRITIQUED, Fixtures::critiqued),
        REVISED(WorkflowState.REVISED, Fixtures::revised),
        REVISED_RATED_5(WorkflowState.REVISED, Fixtures::revisedPerfect),
        SUBMITTED(WorkflowState.SUBMITTED, Fixtures::submitted),
        APPROVED(WorkflowState.APPROVED, Fixtures::approved),
        APPROVED_ON_APPEAL(WorkflowState.APPROVED, Fixtures::approvedOnAppeal),
        REJECTED(WorkflowState.REJECTED, Fixtures::rejected),
        REJECTED_APPEAL_OPEN(WorkflowState.REJECTED, Fixtures::rejectedAppealed),
        REJECTED_APPEAL_UPHELD(WorkflowState.REJECTED, Fixtures::rejectedUpheld);

        final WorkflowState state;
        final Supplier<AspectWork> make;

        Situation(WorkflowState state, Supplier<AspectWork> make) {
            this.state = state;
            this.make = make;
        }
    }

    /** Allowed actions and the state each leads to. */
    static final Map<Situation, Map<Action, WorkflowState>> ALLOWED = new EnumMap<>(Situation.class);

    static {
        allow(Situation.NOT_STARTED, Action.PRECAPTION, WorkflowState.PRECAPTIONED);
        allow(Situation.PRECAPTIONED, Action.PRECAPTION, WorkflowState.PRECAPTIONED);
        allow(Situation.PRECAPTIONED, Action.RATE_AND_CRITIQUE, WorkflowState.CRITIQUED);
        for (Situation s : List.of(Situation.CRITIQUED, Situation.REVISED)) {
            allow(s, Action.PRECAPTION, WorkflowState.PRECAPTIONED);
            allow(s, Action.RATE_AND_CRITIQUE, WorkflowState.CRITIQUED);
            allow(s, Action.POLISH_CRITIQUE, WorkflowState.CRITIQUED);
            allow(s, Action.EDIT_CRITIQUE, WorkflowState.CRITIQUED);
            allow(s, Action.REVISE, WorkflowState.REVISED);
            allow(s, Action.EDIT_CAPTION, WorkflowState.REVISED);
        }
        allow(Situation.REVISED, Action.SUBMIT, WorkflowState.SUBMITTED);
        allow(Situation.REVISED_RATED_5, Action.PRECAPTION, WorkflowState.PRECAPTIONED);
        allow(Situation.REVISED_RATED_5, Action.RATE_AND_CRITIQUE, WorkflowState.CRITIQUED);
        allow(Situation.REVISED_RATED_5, Action.SUBMIT, WorkflowState.SUBMITTED);
        allow(Situation.SUBMITTED, Action.WITHDRAW, WorkflowState.REVISED);
        allow(Situation.SUBMITTED, Action.APPROVE, WorkflowState.APPROVED);
        allow(Situation.SUBMITTED, Action.REJECT, WorkflowState.REJECTED);
        allow(Situation.APPROVED, Action.REOPEN, WorkflowState.REVISED);
        allow(Situation.APPROVED_ON_APPEAL, Action.REOPEN, WorkflowState.REVISED);
        allow(Situation.REJECTED, Action.APPEAL, WorkflowState.REJECTED);
        allow(Situation.REJECTED, Action.REOPEN, WorkflowState.REVISED);
        allow(Situation.REJECTED_APPEAL_OPEN, Action.RULE_ON_APPEAL, WorkflowState.APPROVED);
        allow(Situation.REJECTED_APPEAL_UPHELD, Action.REOPEN, WorkflowState.REVISED);
    }

    private static void allow(Situation s, Action a, WorkflowState to) {
        ALLOWED.computeIfAbsent(s, k -> new EnumMap<>(Action.class)).put(a, to);
    }

    static Stream<Arguments> allowedPairs() {
        List<Arguments> out = new ArrayList<>();
        ALLOWED.forEach((s, m) -> m.forEach((a, to) -> out.add(Arguments.of(s, a, to))));
        return out.stream();
    }

    static Stream<Arguments> forbiddenPairs() {
        List<Arguments> out = new ArrayList<>();
        for (Situation s : Situation.values()) {
            for (Action a : Action.values()) {
                if (!ALLOWED.get(s).containsKey(a)) {
                    out.add(Arguments.of(s, a));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowedPairs")
    void allowedActionLandsInExpectedState(Situation situation, Action action, WorkflowState expected) {
        AspectWork before = situation.make.get();
        assertThat(before.state()).isEqualTo(situation.state);
        assertThat(before.allowedActions()).contains(action);
        assertThat(before.refusal(action)).isEmpty();
        AspectWork after = perform(before, action);
        assertThat(after.state()).isEqualTo(expected);
        assertThat(after.clip()).isEqualTo(before.clip());
        assertThat(after.aspect()).isEqualTo(before.aspect());
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("forbiddenPairs")
    void forbiddenActionIsRefusedWithExactMessage(Situation situation, Action action) {
        AspectWork before = situation.make.get();
        assertThat(before.allowedActions()).doesNotContain(action);
        assertThatThrownBy(() -> perform(before, action))
                .isInstanceOf(WorkflowException.class)
                .hasMessage(expectedMessage(situation, action));
        assertThat(before.refusal(action)).contains(expectedMessage(situation, action));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void allowedActionsMatchTheTable(Situation situation) {
        assertThat(situation.make.get().allowedActions())
                .containsExactlyInAnyOrderElementsOf(ALLOWED.get(situation).keySet());
    }

    static Stream<Situation> situations() {
        return Stream.of(Situation.values());
    }

    private static String expectedMessage(Situation s, Action a) {
        String prefix = "Cannot " + a.verb() + " (subject of clip 0123456789ab)";
        if (s == Situation.REVISED_RATED_5 && EnumSet.of(Action.POLISH_CRITIQUE, Action.EDIT_CRITIQUE,
                Action.REVISE, Action.EDIT_CAPTION).contains(a)) {
            return prefix + ": the pre-caption was rated 5 and is kept as is; rate it again to change the critique"
                    + " or caption.";
        }
        if ((s == Situation.REJECTED_APPEAL_OPEN || s == Situation.REJECTED_APPEAL_UPHELD) && a == Action.APPEAL) {
            return prefix + ": it has already been appealed.";
        }
        if ((s == Situation.REJECTED || s == Situation.REJECTED_APPEAL_UPHELD) && a == Action.RULE_ON_APPEAL) {
            return prefix + ": there is no open appeal.";
        }
        if (s == Situation.REJECTED_APPEAL_OPEN && a == Action.REOPEN) {
            return prefix + ": its appeal is still open; rule on the appeal first.";
        }
        String allowed = EnumSet.copyOf(ALLOWED.get(s).keySet()).stream().map(Action::verb)
                .collect(Collectors.joining(", "));
        return prefix + ": it is " + s.state.phrase() + " (allowed now: " + allowed + ").";
    }

    /** Performs {@code action} with valid input and the right user. */
    static AspectWork perform(AspectWork w, Action action) {
        return switch (action) {
            case PRECAPTION -> WORKFLOW.precaption(w, Fixtures.pre("A man walks across a street."), Map.of(),
                    Optional.empty());
            case RATE_AND_CRITIQUE -> WORKFLOW.rateAndCritique(w, Rating.of(3), "The coat is blue.", List.of());
            case POLISH_CRITIQUE -> WORKFLOW.polishCritique(w, "The man's coat is blue, not red.",
                    Fixtures.polisher());
            case EDIT_CRITIQUE -> WORKFLOW.editCritique(w, "Coat: blue, not red.");
            case REVISE -> WORKFLOW.revise(w, "A man in a blue coat walks left.", Fixtures.reviser());
            case EDIT_CAPTION -> WORKFLOW.editCaption(w, "A man in a navy coat walks left.");
            case SUBMIT -> WORKFLOW.submit(w, ANNA, T0.plusSeconds(60));
            case WITHDRAW -> WORKFLOW.withdraw(w, ANNA);
            case APPROVE -> WORKFLOW.approve(w, REX, Optional.empty(), T0.plusSeconds(120));
            case REJECT -> WORKFLOW.reject(w, REX, Fixtures.redo(), Optional.empty(), T0.plusSeconds(120));
            case APPEAL -> WORKFLOW.appeal(w, ANNA, "Please look again.", T0.plusSeconds(180));
            case RULE_ON_APPEAL -> WORKFLOW.ruleOnAppeal(w, ADA, AppealRuling.Outcome.OVERTURNED, "Annotator is right.",
                    T0.plusSeconds(240));
            case REOPEN -> WORKFLOW.reopen(w, ADA, "Found a left/right error.", T0.plusSeconds(300));
        };
    }
}
