// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.nio.file.Path;

/**
 * What a project records about itself: its folder, id and name, the specification it uses (id and version), this
 * copy's device id (the HLC node of local revisions) and the schema version of its database.
 */
public record ProjectInfo(Path directory, String projectId, String name, String createdAt, String specId,
        String specVersion, String deviceId, int schemaVersion) {
}
