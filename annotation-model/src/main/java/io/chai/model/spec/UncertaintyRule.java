// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Applied after yes/no derivation: when {@code when} is YES (not merely UNKNOWN), the labels selected by
 * {@code targets} and not by {@code except} get {@code effect}.
 */
public record UncertaintyRule(String id, @JsonProperty("when") String whenSource, UncertaintyEffect effect,
        LabelSelector targets, LabelSelector except, String description, @JsonIgnore Expr when) {

    public boolean targets(DerivedLabel label) {
        return targets.selects(label) && !except.selects(label);
    }
}
