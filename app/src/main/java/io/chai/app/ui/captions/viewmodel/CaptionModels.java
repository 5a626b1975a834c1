// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.inference.client.StreamListener;
import io.chai.inference.roles.RoleOutput;
import io.chai.inference.roles.RoleStream;
import io.chai.model.domain.Aspect;
import java.util.Map;

/**
 * The model roles the caption stepper calls (the view model runs them off the UI thread): the pre-caption as a
 * stream, polishing and revising blocking. The workstation uses {@link RolesCaptionModels} over
 * {@code io.chai.inference.roles.ModelRoles}.
 */
public interface CaptionModels {
    /** Short description of the server and model, shown to power users (e.g. "demo (canned) · chai-demo/canned-vl"). */
    String describe();

    /** True when the answers are canned (the demo server): the UI labels every generated text as canned. */
    boolean canned();

    /**
     * Starts drafting the pre-caption of {@code aspect} given the approved captions of earlier aspects (aspect key →
     * text); {@code deltas} sees the text as it streams (on a client thread). May block while the clip's frames are
     * prepared; throws a one-line error for bad input before anything is sent.
     */
    RoleStream precaptionStream(Aspect aspect, Map<String, String> approvedCaptions, StreamListener deltas);

    /** Rewrites the annotator's raw critique clearly. */
    RoleOutput polish(Aspect aspect, String caption, String rawCritique);

    /** Revises the pre-caption with the critique into a post-caption draft. */
    RoleOutput revise(String caption, String critique);
}
