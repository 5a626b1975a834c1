// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import java.util.Objects;

/**
 * What an analyzer says about one derived label of the specification: that it holds ({@code holds} true, e.g.
 * {@code has_pan_right} for a measured pan right) or that it does not (e.g. no overlays found), with a confidence in
 * [0, 1], the analyzer's name for people ({@code source}, e.g. "motion analysis: pan right") and its evidence in
 * words ({@code detail}).
 */
public record LabelEvidence(String labelId, boolean holds, double confidence, String source, String detail) {
    public LabelEvidence {
        Objects.requireNonNull(labelId, "labelId");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }
}
