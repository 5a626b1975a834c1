// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.List;

/**
 * The outcome of a relink: clips found under the new root (id, old path, new path), how many were missing before,
 * how many are still missing, files looked at, and files that could not be read.
 */
public record RelinkReport(List<Moved> relinked, int missingBefore, int stillMissing, int filesScanned,
        List<ImportProblem> problems) {
    public RelinkReport {
        relinked = List.copyOf(relinked);
        problems = List.copyOf(problems);
    }

    /** One clip found at a new place. */
    public record Moved(String clipId, String from, String to) {
    }
}
