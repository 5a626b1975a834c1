// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

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
}
