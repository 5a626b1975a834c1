// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.checklist.viewmodel.AnswerStore;
import io.chai.app.ui.frames.FrameSource;
import io.chai.model.spec.Specification;
import java.util.Objects;

/**
 * What the workstation window opens: the specification whose checklist is shown, the clip's exact frames,
 * where the answers are autosaved, and a title for the window.
 */
public record WorkstationContent(String title, Specification specification, FrameSource clip, AnswerStore answers) {
    public WorkstationContent {
        Objects.requireNonNull(title);
        Objects.requireNonNull(specification);
        Objects.requireNonNull(clip);
        Objects.requireNonNull(answers);
    }
}
