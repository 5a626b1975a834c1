// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One trainee's work on one exam clip, read from the revision log by author: their primitive labels (every saved
 * version, oldest first, for the first-answer scoring of {@link PrimitiveScoring#firstAnswers}, and the newest), and
 * for every aspect they submitted, the rating, critique and post-caption they submitted (their own newest values
 * of each kind). Other people's revisions on the same clip, including other trainees' in a merged folder, are
 * ignored; the pre-caption is the trainee's own (regenerated) one, else the exam's copy of the expert's.
 *
 * @param labelHistory every primitive_labels revision of the trainee on the clip, oldest first (cleared ones left
 *                     out)
 * @param timeSpent from the trainee's first to last revision on the clip (autosaved edits and steps), so it
 *                  misses the reading before the first saved answer
 */
public record TraineeWork(String trainee, String clipId, Optional<PrimitiveLabels> labels,
        List<PrimitiveLabels> labelHistory, Map<Aspect, Submitted> submitted, Duration timeSpent) {

    /** What the trainee submitted for one aspect. */
    public record Submitted(PreCaption preCaption, Rating rating, Critique critique, PostCaption caption) {
    }

    public TraineeWork {
        EnumMap<Aspect, Submitted> copy = new EnumMap<>(Aspect.class);
        copy.putAll(submitted);
        submitted = java.util.Collections.unmodifiableMap(copy);
        labelHistory = List.copyOf(labelHistory);
    }

    /**
     * Every trainee's work on {@code clipId} from {@code history} (the clip's revisions, any order, duplicates by
     * uuid ignored): one entry per author other than {@code expert} who made at least one revision, by author.
     */
    public static Map<String, TraineeWork> read(String clipId, Collection<Revision> history, String expert,
            String sentinel) {
        Map<java.util.UUID, Revision> unique = new LinkedHashMap<>();
        for (Revision r : history) {
            if (r.clipId().equals(clipId)) {
                unique.putIfAbsent(r.uuid(), r);
            }
        }
        Map<String, List<Revision>> byAuthor = new TreeMap<>();
        List<Revision> expertPre = new ArrayList<>();
        for (Revision r : unique.values()) {
            if (r.author().equals(expert)) {
                if (r.kind() == RevisionKind.PRE_CAPTION) {
                    expertPre.add(r);
                }
                continue;
            }
            if (r.kind() == RevisionKind.REVIEW || r.kind() == RevisionKind.ASSIGNMENT) {
                continue;
            }
            byAuthor.computeIfAbsent(r.author(), k -> new ArrayList<>()).add(r);
        }
        JsonMapper json = ChaiJson.newMapper();
        Map<String, TraineeWork> out = new TreeMap<>();
        for (Map.Entry<String, List<Revision>> e : byAuthor.entrySet()) {
            List<Revision> mine = e.getValue();
            Optional<PrimitiveLabels> labels = newest(mine, "", RevisionKind.PRIMITIVE_LABELS)
                    .map(r -> ChaiJson.read(json, r.payload(), PrimitiveLabels.class, where(r)));
            List<PrimitiveLabels> versions = mine.stream()
                    .filter(r -> r.aspect().isEmpty() && r.kind() == RevisionKind.PRIMITIVE_LABELS)
                    .filter(r -> !"null".equals(r.payload().strip()))
                    .sorted((x, y) -> x.supersedes(y) ? 1 : y.supersedes(x) ? -1 : 0)
                    .map(r -> ChaiJson.read(json, r.payload(), PrimitiveLabels.class, where(r))).toList();
            Map<Aspect, Submitted> submitted = new EnumMap<>(Aspect.class);
            for (Aspect a : Aspect.values()) {
                Optional<Revision> sub = newest(mine, a.key(), RevisionKind.SUBMISSION);
                if (sub.isEmpty() || !submittedTrue(json, sub.get())) {
                    continue;
                }
                Optional<PreCaption> pre = newest(mine, a.key(), RevisionKind.PRE_CAPTION)
                        .or(() -> newest(expertPre, a.key(), RevisionKind.PRE_CAPTION))
                        .map(r -> ChaiJson.read(json, r.payload(), PreCaption.class, where(r)));
                Optional<Rating> rating = newest(mine, a.key(), RevisionKind.RATING)
                        .map(r -> ChaiJson.read(json, r.payload(), Rating.class, where(r)));
                if (rating.isEmpty()) {
                    continue;
                }
                Optional<Critique> critique = newest(mine, a.key(), RevisionKind.CRITIQUE)
                        .map(r -> ChaiJson.read(json, r.payload(), Critique.class, where(r)));
                Optional<PostCaption> caption = newest(mine, a.key(), RevisionKind.POST_CAPTION)
                        .map(r -> ChaiJson.read(json, r.payload(), PostCaption.class, where(r)));
                if (rating.get().isPerfect()) {
                    critique = critique.or(() -> Optional.of(Critique.typed(sentinel, List.of())));
                    if (caption.isEmpty() && pre.isPresent()) {
                        caption = Optional.of(PostCaption.keptPreCaption(pre.get()));
                    }
                }
                if (critique.isEmpty() || caption.isEmpty()) {
                    continue;
                }
                submitted.put(a, new Submitted(pre.orElse(null), rating.get(), critique.get(), caption.get()));
            }
            long first = mine.stream().mapToLong(r -> r.hlc().wallMillis()).min().orElse(0);
            long last = mine.stream().mapToLong(r -> r.hlc().wallMillis()).max().orElse(0);
            out.put(e.getKey(), new TraineeWork(e.getKey(), clipId, labels, versions, submitted,
                    Duration.ofMillis(last - first)));
        }
        return out;
    }

    /** The newest non-cleared revision of (aspect, kind) in {@code revisions}; a newest clearing one means none. */
    private static Optional<Revision> newest(List<Revision> revisions, String aspect, RevisionKind kind) {
        Revision best = null;
        for (Revision r : revisions) {
            if (r.aspect().equals(aspect) && r.kind() == kind && (best == null || r.supersedes(best))) {
                best = r;
            }
        }
        return best == null || "null".equals(best.payload().strip()) ? Optional.empty() : Optional.of(best);
    }

    private static boolean submittedTrue(JsonMapper json, Revision r) {
        try {
            JsonNode n = json.readTree(r.payload());
            return n != null && n.path("submitted").asBoolean(false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static String where(Revision r) {
        return r.kind().id() + " of clip " + r.clipId().substring(0, 12) + " by " + r.author();
    }
}
