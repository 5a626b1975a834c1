// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import java.util.List;
import java.util.Optional;

/**
 * The quality checks of one submitted (clip, aspect) item.
 *
 * @param clipId    the clip
 * @param aspect    the aspect key
 * @param annotator who submitted it
 * @param findings  the flags raised, in {@link QualityFlag} order
 * @param alignment precision / recall against the reviewer's rewrite, when the reviewer rejected and redid it
 */
public record ItemQuality(String clipId, String aspect, String annotator, List<Finding> findings,
        Optional<CritiqueAlignment> alignment) {
    public ItemQuality {
        findings = List.copyOf(findings);
    }

    public boolean has(QualityFlag flag) {
        return findings.stream().anyMatch(f -> f.flag() == flag);
    }
}
