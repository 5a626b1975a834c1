// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.inference.client.StreamListener;
import io.chai.inference.roles.ClipInput;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.roles.RoleOutput;
import io.chai.inference.roles.RoleStream;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.PrimitiveLabels;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link CaptionModels} over {@link ModelRoles}: the clip input (sampled frames) and the clip's current primitive
 * labels are fetched when a pre-caption is requested, so the newest checklist answers reach the prompt.
 */
public final class RolesCaptionModels implements CaptionModels {
    private final ModelRoles roles;
    private final Supplier<ClipInput> clip;
    private final Supplier<PrimitiveLabels> labels;
    private final String description;
    private final boolean canned;

    /**
     * @param labels the clip's current primitive labels, or a supplier of null when there are none
     */
    public RolesCaptionModels(ModelRoles roles, Supplier<ClipInput> clip, Supplier<PrimitiveLabels> labels,
            String description, boolean canned) {
        this.roles = Objects.requireNonNull(roles);
        this.clip = Objects.requireNonNull(clip);
        this.labels = Objects.requireNonNull(labels);
        this.description = Objects.requireNonNull(description);
        this.canned = canned;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean canned() {
        return canned;
    }

    @Override
    public RoleStream precaptionStream(Aspect aspect, Map<String, String> approvedCaptions, StreamListener deltas) {
        return roles.precaptionStream(aspect.key(), labels.get(), approvedCaptions, null, null, clip.get(), deltas);
    }

    @Override
    public RoleOutput polish(Aspect aspect, String caption, String rawCritique) {
        return roles.polishCritique(aspect.key(), caption, rawCritique);
    }

    @Override
    public RoleOutput revise(String caption, String critique) {
        return roles.revise(caption, critique);
    }
}
