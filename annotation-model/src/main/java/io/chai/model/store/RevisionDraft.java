// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.json.ChaiJson;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A change a user (or model run) makes locally, before the store assigns its UUID, device, HLC and sequence
 * number. When {@code parents} is empty the store uses the current value's revision of the same (clip, aspect,
 * kind) as the parent.
 */
public record RevisionDraft(String clipId, String aspect, RevisionKind kind, String author, List<UUID> parents,
        String payload) {
    public RevisionDraft {
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        parents = List.copyOf(parents);
        Objects.requireNonNull(payload, "payload");
    }

    public static RevisionDraft of(String clipId, String aspect, RevisionKind kind, String author, String payload) {
        return new RevisionDraft(clipId, aspect, kind, author, List.of(), payload);
    }

    /**
     * A change whose payload is a domain record (e.g. a {@code PreCaption}, {@code Rating}, {@code Critique},
     * {@code PostCaption}, {@code Review}, {@code PrimitiveLabels}) written with the shared JSON setup; {@code aspect}
     * null means the whole clip.
     */
    public static RevisionDraft ofRecord(ClipId clip, Aspect aspect, RevisionKind kind, String author, Object record) {
        try {
            return of(clip.hex(), aspect == null ? "" : aspect.key(), kind, author, MAPPER.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static final JsonMapper MAPPER = ChaiJson.newMapper();
}
