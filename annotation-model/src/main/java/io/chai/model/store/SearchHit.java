// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/** A current caption, critique or review whose text matched a search, with a short highlighted snippet. */
public record SearchHit(String clipId, String aspect, RevisionKind kind, String revisionUuid, String snippet) {
}
