// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link ExportItem}s from a project store: for every clip and aspect, the current pre-caption, rating,
 * critique, post-caption, submission and review, assembled into an {@link AspectWork} in the store's derived
 * state. The refinement history (iterations, regenerations) stays in the revision log and is not part of these
 * items; appeals are not stored yet. An item whose current values do not fit its state is skipped and named.
 */
public final class StoreItems {
    private static final int PAGE = 1000;

    private StoreItems() {
    }

    /**
     * @param items   one per clip, in import order
     * @param skipped one line per (clip, aspect) that could not be assembled, with the reason
     */
    public record Loaded(List<ExportItem> items, List<String> skipped) {
    }

    /**
     * @param mediaRoot the folder media paths are written relative to (usually the project folder); clips outside
     *                  it keep their absolute path
     */
    public static Loaded load(ProjectStore store, String sentinel, Path mediaRoot) {
        Path root = mediaRoot.toAbsolutePath().normalize();
        JsonMapper json = ChaiJson.newMapper();
        List<ExportItem> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long after = 0;
        while (true) {
            List<ClipRecord> page = store.clips(null, null, null, null, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (ClipRecord c : page) {
                after = c.clipNo();
                ClipId clip = ClipId.of(c.clipId());
                List<AspectWork> work = new ArrayList<>();
                for (Aspect a : Aspect.values()) {
                    try {
                        work.add(work(store, json, clip, a, sentinel));
                    } catch (UserFacingException | IllegalArgumentException e) {
                        skipped.add(a.key() + " of clip " + clip.shortForm() + ": " + e.getMessage());
                    }
                }
                Optional<PrimitiveLabels> labels = value(store, json, c.clipId(), "", RevisionKind.PRIMITIVE_LABELS,
                        PrimitiveLabels.class);
                Path p = c.path().toAbsolutePath().normalize();
                String media = (p.startsWith(root) ? root.relativize(p) : p).toString().replace('\\', '/');
                items.add(ExportItem.of(clip, media, work, labels));
            }
        }
        return new Loaded(items, skipped);
    }

    /** Every author's latest primitive labels per clip (for agreement on overlapping assignments). */
    public static Map<String, List<PrimitiveLabels>> labelsByAuthor(ProjectStore store) {
        JsonMapper json = ChaiJson.newMapper();
        Map<String, List<PrimitiveLabels>> out = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            List<ClipRecord> page = store.clips(null, null, null, null, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (ClipRecord c : page) {
                after = c.clipNo();
                Map<String, PrimitiveLabels> latest = new LinkedHashMap<>();
                for (Revision r : store.history(c.clipId(), "")) {
                    if (r.kind() != RevisionKind.PRIMITIVE_LABELS || r.payload() == null
                            || r.payload().equals("null")) {
                        continue;
                    }
                    PrimitiveLabels l = ChaiJson.read(json, r.payload(), PrimitiveLabels.class, "primitive labels of "
                            + c.clipId());
                    PrimitiveLabels before = latest.get(r.author());
                    if (before == null || !l.labeledAt().isBefore(before.labeledAt())) {
                        latest.put(r.author(), l);
                    }
                }
                if (!latest.isEmpty()) {
                    out.put(c.clipId(), List.copyOf(latest.values()));
                }
            }
        }
        return out;
    }

    private static AspectWork work(ProjectStore store, JsonMapper json, ClipId clip, Aspect a, String sentinel) {
        String id = clip.hex();
        WorkflowState state = store.state(id, a.key());
        Optional<PreCaption> pre = value(store, json, id, a.key(), RevisionKind.PRE_CAPTION, PreCaption.class);
        Optional<Rating> rating = value(store, json, id, a.key(), RevisionKind.RATING, Rating.class);
        Optional<Critique> critique = value(store, json, id, a.key(), RevisionKind.CRITIQUE, Critique.class);
        Optional<PostCaption> post = value(store, json, id, a.key(), RevisionKind.POST_CAPTION, PostCaption.class);
        if (rating.map(Rating::isPerfect).orElse(false) && pre.isPresent()) {
            // a pre-caption rated 5 keeps the sentinel as critique and itself as post-caption
            critique = critique.or(() -> Optional.of(Critique.typed(sentinel, List.of())));
            post = post.or(() -> Optional.of(PostCaption.keptPreCaption(pre.get())));
        }
        Optional<UserId> submitter = Optional.empty();
        Optional<Instant> submittedAt = Optional.empty();
        Optional<Review> review = Optional.empty();
        boolean submittedOrLater = state == WorkflowState.SUBMITTED || state == WorkflowState.APPROVED
                || state == WorkflowState.REJECTED;
        if (submittedOrLater) {
            CurrentValue s = store.current(id, a.key(), RevisionKind.SUBMISSION).orElseThrow(() ->
                    new UserFacingException("it is " + state + " but has no submission"));
            submitter = Optional.of(UserId.of(s.author()));
            submittedAt = Optional.of(Instant.ofEpochMilli(s.hlc().wallMillis()));
        }
        if (state == WorkflowState.APPROVED || state == WorkflowState.REJECTED) {
            review = value(store, json, id, a.key(), RevisionKind.REVIEW, Review.class);
        }
        return new AspectWork(clip, a, state, Optional.empty(), state == WorkflowState.NOT_STARTED ? Optional.empty()
                : pre, rating, critique, post, List.of(), List.of(), submitter, submittedAt, review, Optional.empty(),
                List.of(), List.of());
    }

    private static <T> Optional<T> value(ProjectStore store, JsonMapper json, String clip, String aspect,
            RevisionKind kind, Class<T> type) {
        Optional<CurrentValue> v = store.current(clip, aspect, kind);
        if (v.isEmpty() || v.get().cleared()) {
            return Optional.empty();
        }
        return Optional.of(ChaiJson.read(json, v.get().payload(), type, kind.id() + " of " + aspect + " of clip "
                + clip.substring(0, 12)));
    }
}
