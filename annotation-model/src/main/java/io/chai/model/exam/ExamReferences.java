// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes an expert's answers out of a project as exam references, and seeds an exam project with what a trainee
 * starts from.
 *
 * <ul>
 *   <li>Labels: the expert's newest {@code primitive_labels} revision of the clip (whoever's is current).</li>
 *   <li>Captions: an aspect whose current state is <em>approved</em> and that the expert submitted (their rating,
 *       critique, post-caption), or <em>rejected</em> by the expert as reviewer (the expert's redo); with the
 *       pre-caption it was made on.</li>
 * </ul>
 */
public final class ExamReferences {
    private final ProjectStore source;
    private final String sentinel;
    private final UserId expert;
    private final JsonMapper json = ChaiJson.newMapper();

    public ExamReferences(ProjectStore source, String sentinel, UserId expert) {
        this.source = source;
        this.sentinel = sentinel;
        this.expert = expert;
    }

    /** The expert's references for {@code clip}, or empty when the expert has none there. */
    public Optional<ExamItem> collect(ClipRecord clip) {
        String id = clip.clipId();
        Optional<PrimitiveLabels> labels = Optional.empty();
        Revision best = null;
        for (Revision r : source.history(id, "")) {
            if (r.kind() == RevisionKind.PRIMITIVE_LABELS && r.author().equals(expert.value())
                    && (best == null || r.supersedes(best))) {
                best = r;
            }
        }
        if (best != null && !"null".equals(best.payload().strip())) {
            labels = Optional.of(ChaiJson.read(json, best.payload(), PrimitiveLabels.class,
                    "primitive labels of clip " + id.substring(0, 12)));
        }
        Map<Aspect, ReferenceCaption> captions = new EnumMap<>(Aspect.class);
        for (Aspect a : Aspect.values()) {
            reference(id, a).ifPresent(r -> captions.put(a, r));
        }
        if (labels.isEmpty() && captions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExamItem(id, clip.path().getFileName().toString(), labels, captions));
    }

    private Optional<ReferenceCaption> reference(String clip, Aspect a) {
        WorkflowState state = source.state(clip, a.key());
        Optional<PreCaption> pre = value(clip, a, RevisionKind.PRE_CAPTION, PreCaption.class);
        if (pre.isEmpty()) {
            return Optional.empty();
        }
        if (state == WorkflowState.APPROVED) {
            Optional<CurrentValue> sub = source.current(clip, a.key(), RevisionKind.SUBMISSION);
            if (sub.isEmpty() || !sub.get().author().equals(expert.value())) {
                return Optional.empty();
            }
            Optional<Rating> rating = value(clip, a, RevisionKind.RATING, Rating.class);
            if (rating.isEmpty()) {
                return Optional.empty();
            }
            Optional<Critique> critique = value(clip, a, RevisionKind.CRITIQUE, Critique.class);
            Optional<PostCaption> post = value(clip, a, RevisionKind.POST_CAPTION, PostCaption.class);
            if (rating.get().isPerfect()) {
                critique = critique.or(() -> Optional.of(Critique.typed(sentinel, List.of())));
                post = post.or(() -> Optional.of(PostCaption.keptPreCaption(pre.get())));
            }
            if (critique.isEmpty() || post.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ReferenceCaption(pre.get(), rating.get(), critique.get(), post.get()));
        }
        if (state == WorkflowState.REJECTED) {
            Optional<Review> review = value(clip, a, RevisionKind.REVIEW, Review.class);
            if (review.isEmpty() || !review.get().reviewer().equals(expert) || review.get().redo().isEmpty()) {
                return Optional.empty();
            }
            Redo redo = review.get().redo().get();
            return Optional.of(new ReferenceCaption(pre.get(), redo.rating(), redo.critique(), redo.caption()));
        }
        return Optional.empty();
    }

    private <T> Optional<T> value(String clip, Aspect a, RevisionKind kind, Class<T> type) {
        Optional<CurrentValue> v = source.current(clip, a.key(), kind);
        if (v.isEmpty() || v.get().cleared()) {
            return Optional.empty();
        }
        return Optional.of(ChaiJson.read(json, v.get().payload(), type, kind.id() + " of " + a.key() + " of clip "
                + clip.substring(0, 12)));
    }

    /**
     * Appends to the exam project the pre-caption of every reference caption (author: the expert), so the trainee
     * critiques the very draft the expert critiqued; returns how many were appended. Nothing else of the
     * references enters the exam's revision log.
     */
    public static int seedPreCaptions(ProjectStore exam, ExamDefinition definition) {
        List<RevisionDraft> drafts = new ArrayList<>();
        for (ExamItem item : definition.items()) {
            item.captions().forEach((a, ref) -> drafts.add(RevisionDraft.ofRecord(ClipId.of(item.clipId()), a,
                    RevisionKind.PRE_CAPTION, definition.expert().value(), ref.preCaption())));
        }
        if (!drafts.isEmpty()) {
            exam.appendAll(drafts);
        }
        return drafts.size();
    }
}
