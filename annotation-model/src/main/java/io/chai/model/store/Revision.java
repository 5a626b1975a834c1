// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable entry of the revision log. {@code uuid} is its identity everywhere (sync is idempotent by it);
 * {@code seq} is the local append order in this project (a push cursor), 0 for a revision not yet stored.
 * {@code aspect} is an aspect id or {@code ""} for the whole clip. {@code payload} is JSON text ({@code null}
 * JSON clears the current value).
 */
public record Revision(long seq, UUID uuid, String clipId, String aspect, RevisionKind kind, String author,
        String device, Hlc hlc, List<UUID> parents, String payload, String specId, String specVersion) {
    public Revision {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(hlc, "hlc");
        parents = List.copyOf(parents);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(specId, "specId");
        Objects.requireNonNull(specVersion, "specVersion");
    }

    /** True when this revision wins over {@code other} for the same (clip, aspect, kind). */
    public boolean supersedes(Revision other) {
        int c = hlc.compareTo(other.hlc);
        return c != 0 ? c > 0 : uuid.toString().compareTo(other.uuid.toString()) > 0;
    }
}
