// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.inference.roles.RoleOutput;
import io.chai.model.domain.Aspect;
import java.util.Map;

/**
 * The model roles the caption stepper calls (blocking; the view model runs them off the UI thread). The
 * workstation uses {@link RolesCaptionModels} over {@code io.chai.inference.roles.ModelRoles}.
 */
public interface CaptionModels {
    /** Short description of the server and model, shown to power users (e.g. "demo (canned) · chai-demo/canned-vl"). */
    String describe();

    /** True when the answers are canned (the demo server): the UI labels every generated text as canned. */
    boolean canned();

    /** Drafts the pre-caption of {@code aspect} given the approved captions of earlier aspects (aspect key → text). */
    RoleOutput precaption(Aspect aspect, Map<String, String> approvedCaptions);

    /** Rewrites the annotator's raw critique clearly. */
    RoleOutput polish(Aspect aspect, String caption, String rawCritique);

    /** Revises the pre-caption with the critique into a post-caption draft. */
    RoleOutput revise(String caption, String critique);
}
