// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.model.domain.ClipId;
import io.chai.model.workflow.Workflow;
import java.util.Objects;

/**
 * What the caption stepper and review mode need from an opened project: the store bridge, the workflow, the clip
 * being captioned, the model roles, the default user, and what to close with the window (the model client, an
 * in-process demo server).
 */
public record CaptionSession(CaptionWorkStore works, Workflow workflow, ClipId clip, CaptionModels models,
        String defaultUser, AutoCloseable resources) {
    public CaptionSession {
        Objects.requireNonNull(works);
        Objects.requireNonNull(workflow);
        Objects.requireNonNull(clip);
        Objects.requireNonNull(models);
        Objects.requireNonNull(defaultUser);
        Objects.requireNonNull(resources);
    }
}
