// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/** The current value of one (clip, aspect, kind): the winning revision's id, clock, author and JSON payload. */
public record CurrentValue(String clipId, String aspect, RevisionKind kind, String revisionUuid, Hlc hlc,
        String author, String payload) {
    /** True when the winning revision cleared the value (JSON null). */
    public boolean cleared() {
        return payload.equals("null");
    }
}
