// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One clip with its media facts, tags and per-aspect queue state. {@code path} is resolved against the project
 * folder; {@code media} is null when the clip was not probed. {@code states} and {@code assignees} are keyed by
 * aspect id in the fixed aspect order (assignee absent when unassigned).
 */
public record ClipRecord(long clipNo, String clipId, Path path, long sizeBytes, long mtimeMillis, String externalId,
        MediaInfo media, String importedAt, List<String> tags, Map<String, WorkflowState> states,
        Map<String, String> assignees) {
    public ClipRecord {
        tags = List.copyOf(tags);
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
        assignees = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignees));
    }
}
