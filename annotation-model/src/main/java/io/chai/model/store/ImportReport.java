// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.List;

/**
 * The outcome of an import run: new clips, files whose content was already in the project (duplicates), moved
 * clips whose path was updated, pre-captions added from manifests, and every skipped file or manifest row with its
 * reason. {@code cancelled} is true when the run stopped early; {@code pending} files remain for a resume.
 */
public record ImportReport(long runId, int imported, int duplicates, int relocated, int preCaptions,
        List<ImportProblem> problems, boolean cancelled, int pending) {
    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** One summary line, e.g. "imported 12 clips, 3 duplicates, 2 skipped". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(cancelled ? "cancelled after importing " : "imported ").append(imported)
                .append(imported == 1 ? " clip" : " clips");
        sb.append(", ").append(duplicates).append(duplicates == 1 ? " duplicate" : " duplicates");
        if (relocated > 0) {
            sb.append(", ").append(relocated).append(" moved clips relinked");
        }
        if (preCaptions > 0) {
            sb.append(", ").append(preCaptions).append(" pre-captions");
        }
        sb.append(", ").append(problems.size()).append(" skipped");
        if (pending > 0) {
            sb.append(", ").append(pending).append(" not yet looked at (resume with 'chai import --resume')");
        }
        return sb.toString();
    }
}
