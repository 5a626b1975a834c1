// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.List;

/**
 * A clip registered by content hash without importing its file here: from another copy of the project, or a
 * generator. {@code path} is stored as given (relative paths resolve against the project folder).
 */
public record NewClip(String clipId, String path, long sizeBytes, long mtimeMillis, String externalId,
        MediaInfo media, List<String> tags) {
    public NewClip {
        if (!clipId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("clip id must be a SHA-256 hex digest: " + clipId);
        }
        tags = List.copyOf(tags);
    }
}
