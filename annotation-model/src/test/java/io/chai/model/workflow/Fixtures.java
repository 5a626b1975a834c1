// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.InputMode;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Provenance;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Role;
import io.chai.model.domain.Sampling;
import io.chai.model.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Shared test data: users, provenance, a workflow wired like the bundled specification, items in every state. */
public final class Fixtures {
    public static final String SENTINEL =
            "The caption is accurate and requires no edits, so it should remain exactly the same.";
    public static final ClipId CLIP = ClipId.of("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    public static final Instant T0 = Instant.parse("2026-01-31T10:15:30Z");
    public static final String PRE_TEXT = "A man in a red coat walks left across a snowy street.";

    public static final User ANNA = User.of("anna", Role.ANNOTATOR);
    public static final User REX = User.of("rex", Role.REVIEWER);
    public static final User ADA = User.of("ada", Role.ADMIN);
    /** Holds every role; used where the test is about state, not permissions. */
    public static final User SAM = User.of("sam", Role.ANNOTATOR, Role.REVIEWER, Role.ADMIN);

    public static final Workflow WORKFLOW = new Workflow(SENTINEL, Map.of(
            Aspect.MOTION, Set.of(Aspect.SUBJECT),
            Aspect.SPATIAL, Set.of(Aspect.SUBJECT, Aspect.SCENE)));

    private Fixtures() {
    }

    public static Provenance provenance(String model, InputMode mode, String prompt) {
        return new Provenance(model, "local-vllm", "openai", Optional.of("You are a film expert."), prompt, mode,
                new Sampling(OptionalDouble.of(0.2), OptionalDouble.of(0.9), OptionalInt.of(512), OptionalLong.of(7)),
                mode == InputMode.THREE_FRAMES ? List.of(0L, 60L, 119L) : List.of(), Duration.ofMillis(1530),
                OptionalInt.of(812), OptionalInt.of(64), T0);
    }

    public static PreCaption pre() {
        return PreCaption.generated(PRE_TEXT, provenance("gemini-2.5-pro", InputMode.VIDEO, "Describe the subject."));
    }

    public static PreCaption pre(String text) {
        return PreCaption.generated(text, provenance("qwen2.5-vl-7b", InputMode.THREE_FRAMES, "Describe again."));
    }

    public static Provenance polisher() {
        return provenance("gpt-4o-2024-08-06", InputMode.TEXT_ONLY, "Polish this critique.");
    }

    public static Provenance reviser() {
        return provenance("gpt-4o-2024-08-06", InputMode.TEXT_ONLY, "Revise this caption.");
    }

    public static CritiqueItem redCoatSpan() {
        return CritiqueItem.of(PRE_TEXT, 11, 19, CritiqueItem.ErrorType.IMPRECISION, "the coat is blue");
    }

    public static Redo redo() {
        return new Redo(Rating.of(2), Critique.typed("The coat is blue and he walks right.", List.of()),
                PostCaption.revisedBy("A man in a blue coat walks right across a snowy street.", reviser()));
    }

    public static AspectWork notStarted() {
        return AspectWork.start(CLIP, Aspect.SUBJECT);
    }

    public static AspectWork precaptioned() {
        return WORKFLOW.precaption(notStarted(), pre(), Map.of(), Optional.empty());
    }

    public static AspectWork critiqued() {
        return WORKFLOW.rateAndCritique(precaptioned(), Rating.of(3), "The coat is blue, not red.",
                List.of(redCoatSpan()));
    }

    public static AspectWork revised() {
        return WORKFLOW.revise(critiqued(), "A man in a blue coat walks left across a snowy street.", reviser());
    }

    public static AspectWork revisedPerfect() {
        return WORKFLOW.rateAndCritique(precaptioned(), Rating.PERFECT, "", List.of());
    }

    public static AspectWork submitted() {
        return WORKFLOW.submit(revised(), ANNA, T0.plusSeconds(60));
    }

    public static AspectWork approved() {
        return WORKFLOW.approve(submitted(), REX, Optional.of("Accurate."), T0.plusSeconds(120));
    }

    public static AspectWork rejected() {
        return WORKFLOW.reject(submitted(), REX, redo(), Optional.of("He walks right."), T0.plusSeconds(120));
    }

    public static AspectWork rejectedAppealed() {
        return WORKFLOW.appeal(rejected(), ANNA, "He walks left from the camera's view.", T0.plusSeconds(180));
    }

    public static AspectWork rejectedUpheld() {
        return WORKFLOW.ruleOnAppeal(rejectedAppealed(), ADA, AppealRuling.Outcome.UPHELD, "Screen right it is.",
                T0.plusSeconds(240));
    }

    public static AspectWork approvedOnAppeal() {
        return WORKFLOW.ruleOnAppeal(rejectedAppealed(), ADA, AppealRuling.Outcome.OVERTURNED,
                "Left from the camera's view is correct.", T0.plusSeconds(240));
    }
}
