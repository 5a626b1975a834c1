// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.common.UserFacingException;
import io.chai.inference.client.StreamListener;
import io.chai.inference.roles.RoleOutput;
import io.chai.inference.roles.RoleStream;
import io.chai.model.domain.Aspect;
import java.util.Map;

/**
 * Used when no model server is configured: every model step says how to add one; the manual steps (rating,
 * critique, writing the caption, submitting, reviewing) still work.
 */
public final class NoServerModels implements CaptionModels {
    static final String HOW = "No model server is configured: add one with 'chai models add NAME --url URL --model ID'"
            + " (or try the canned demo with 'chai workstation --demo').";

    @Override
    public String describe() {
        return "no model server";
    }

    @Override
    public boolean canned() {
        return false;
    }

    @Override
    public RoleStream precaptionStream(Aspect aspect, Map<String, String> approvedCaptions, StreamListener deltas) {
        throw new UserFacingException(HOW);
    }

    @Override
    public RoleOutput polish(Aspect aspect, String caption, String rawCritique) {
        throw new UserFacingException(HOW);
    }

    @Override
    public RoleOutput revise(String caption, String critique) {
        throw new UserFacingException(HOW);
    }
}
