// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A cross-field check shown to annotators: violated when {@code when} is YES and {@code require} is NO (an
 * UNKNOWN part means the form is incomplete, not wrong).
 */
public record Validation(String id, @JsonProperty("when") String whenSource,
        @JsonProperty("require") String requireSource, String message, @JsonIgnore Expr when,
        @JsonIgnore Expr require) {

    public boolean isViolatedBy(LabelValues values) {
        return when.eval(values) == TriState.YES && require.eval(values) == TriState.NO;
    }
}
