// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.captions.viewmodel.CaptionSession;
import io.chai.app.ui.checklist.viewmodel.AnswerStore;
import io.chai.app.ui.frames.FrameSource;
import io.chai.app.ui.project.ProjectSession;
import io.chai.model.spec.Specification;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workstation window opens: the specification whose checklist is shown, the clip's exact frames,
 * where the answers are autosaved, a title for the window, and (for a project) the caption session behind the
 * Captions and Review tabs, and the open project through which the window switches to another clip (closing the
 * project closes its store and model server; the clip's frame source is closed separately).
 */
public record WorkstationContent(String title, Specification specification, FrameSource clip, AnswerStore answers,
        Optional<CaptionSession> captions, Optional<ProjectSession> project) {
    public WorkstationContent {
        Objects.requireNonNull(title);
        Objects.requireNonNull(specification);
        Objects.requireNonNull(clip);
        Objects.requireNonNull(answers);
        Objects.requireNonNull(captions);
        Objects.requireNonNull(project);
    }

    /** Content with captions but no project to switch clips in. */
    public WorkstationContent(String title, Specification specification, FrameSource clip, AnswerStore answers,
            Optional<CaptionSession> captions) {
        this(title, specification, clip, answers, captions, Optional.empty());
    }

    /** Content without captions (the checklist only). */
    public WorkstationContent(String title, Specification specification, FrameSource clip, AnswerStore answers) {
        this(title, specification, clip, answers, Optional.empty(), Optional.empty());
    }
}
