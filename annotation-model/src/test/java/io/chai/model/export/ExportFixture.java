// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import static io.chai.model.workflow.Fixtures.ANNA;
import static io.chai.model.workflow.Fixtures.REX;
import static io.chai.model.workflow.Fixtures.T0;
import static io.chai.model.workflow.Fixtures.WORKFLOW;

import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.User;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.Fixtures;
import io.chai.model.workflow.WorkflowState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed project: three clips with work in every export status, primitive labels, one fully reviewed clip. */
final class ExportFixture {
    static final ClipId A = ClipId.of("a".repeat(64));
    static final ClipId B = ClipId.of("b".repeat(64));
    static final ClipId C = ClipId.of("c".repeat(64));
    static final User BEA = User.of("bea", io.chai.model.domain.Role.ANNOTATOR);

    private ExportFixture() {
    }

    private static final Map<Aspect, WorkflowState> ALL_APPROVED = allApproved();

    private static Map<Aspect, WorkflowState> allApproved() {
        Map<Aspect, WorkflowState> m = new EnumMap<>(Aspect.class);
        for (Aspect a : Aspect.values()) {
            m.put(a, WorkflowState.APPROVED);
        }
        return m;
    }

    enum End { SUBMITTED, APPROVED, REJECTED, NOT_STARTED }

    /** One item: pre-caption, rating (5 keeps it), critique + revised caption, submitted and reviewed as asked. */
    static AspectWork work(ClipId clip, Aspect aspect, User annotator, String pre, int rating, String critique,
            String post, End end, int minute) {
        AspectWork w = AspectWork.start(clip, aspect);
        if (end == End.NOT_STARTED) {
            return w;
        }
        w = WORKFLOW.precaption(w, Fixtures.pre(pre), ALL_APPROVED, Optional.empty());
        if (rating == 5) {
            w = WORKFLOW.rateAndCritique(w, Rating.PERFECT, "", List.of());
        } else {
            w = WORKFLOW.rateAndCritique(w, Rating.of(rating), critique, List.of());
            w = WORKFLOW.revise(w, post, Fixtures.reviser());
        }
        w = WORKFLOW.submit(w, annotator, T0.plusSeconds(60L * minute));
        if (end == End.APPROVED) {
            w = WORKFLOW.approve(w, REX, Optional.of("Accurate."), T0.plusSeconds(60L * minute + 30));
        } else if (end == End.REJECTED) {
            Redo redo = new Redo(Rating.of(2), Critique.typed("The subject walks right, not left, and the coat is"
                    + " blue.", List.of()), PostCaption.revisedBy(post.replace("left", "right")
                    .replace("red", "blue"), Fixtures.reviser()));
            w = WORKFLOW.reject(w, REX, redo, Optional.of("Direction is wrong."), T0.plusSeconds(60L * minute + 30));
        }
        return w;
    }

    static PrimitiveLabels labels(String forward, String zoom) {
        return PrimitiveLabels.of(Map.of("camera_forward_backward", new LabelValue.Choice(forward),
                "camera_zoom", new LabelValue.Choice(zoom)), io.chai.model.domain.UserId.of("anna"), T0);
    }

    static List<ExportItem> items() {
        List<ExportItem> out = new ArrayList<>();
        // C first on purpose: the export sorts by clip id
        out.add(ExportItem.of(C, "reels/c.mp4", List.of(
                work(C, Aspect.SUBJECT, BEA, "A man in a red coat walks left across the street.", 3,
                        "The man walks right, not left.", "A man in a red coat walks right across the street.",
                        End.REJECTED, 30),
                work(C, Aspect.CAMERA, BEA, "The camera stays still.", 2, "Wrong.",
                        "The camera zooms out slowly.", End.SUBMITTED, 31)),
                Optional.of(labels("no", "out"))));
        out.add(ExportItem.of(A, "reels/a.mp4", List.of(
                work(A, Aspect.SUBJECT, ANNA, "A woman in a green dress sits on a bench.", 4,
                        "She is standing, not sitting, and the dress is blue.",
                        "A woman in a blue dress stands beside a bench.", End.APPROVED, 1),
                work(A, Aspect.SCENE, ANNA, "A city park in autumn with fallen leaves.", 5, "", "",
                        End.APPROVED, 2),
                work(A, Aspect.MOTION, ANNA, "The woman turns her head to the left.", 3,
                        "She turns her head to the right, not the left.",
                        "The woman turns her head to the right.", End.REJECTED, 3),
                work(A, Aspect.SPATIAL, ANNA, "A medium shot with the woman centered.", 4,
                        "The woman is on the left third, not centered.",
                        "A medium shot with the woman on the left third of the frame.", End.SUBMITTED, 4),
                work(A, Aspect.CAMERA, ANNA, "", 0, "", "", End.NOT_STARTED, 0)),
                Optional.of(labels("forward", "no"))));
        out.add(ExportItem.of(B, "reels/b.mp4", List.of(
                work(B, Aspect.SUBJECT, ANNA, "Two dogs run on a beach.", 5, "", "", End.APPROVED, 10),
                work(B, Aspect.SCENE, ANNA, "A sandy beach at sunset.", 4, "The sky is orange, add it.",
                        "A sandy beach at sunset under an orange sky.", End.APPROVED, 11),
                work(B, Aspect.MOTION, ANNA, "The dogs run toward the sea.", 5, "", "", End.APPROVED, 12),
                work(B, Aspect.SPATIAL, ANNA, "A wide shot; the dogs are small in the lower half.", 5, "", "",
                        End.APPROVED, 13),
                work(B, Aspect.CAMERA, ANNA, "The camera pans right.", 3, "It pans left, not right.",
                        "The camera pans left.", End.APPROVED, 14)),
                Optional.of(labels("backward", "in"))));
        return out;
    }

    /** A stand-in for the model: joins the captions in the merge order, so the record and checks are testable. */
    static final MergeWriter JOINING_WRITER = prompt -> {
        String user = prompt.user();
        StringBuilder sb = new StringBuilder();
        for (String label : List.of("Spatial caption:", "Motion caption:", "Camera caption:", "Subject caption:",
                "Scene caption:")) {
            int i = user.indexOf(label);
            int start = user.indexOf('\n', i) + 1;
            int end = user.indexOf("\n\n", start);
            sb.append(sb.length() == 0 ? "" : " ").append((end < 0 ? user.substring(start) : user.substring(start,
                    end)).strip());
        }
        return new MergeWriter.Answer(sb.toString(), "test-joiner", 100, 40);
    };
}
