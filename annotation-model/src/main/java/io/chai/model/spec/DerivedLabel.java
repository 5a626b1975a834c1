// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A yes/no primitive, explicit or expanded from a family ({@code family} is the family id, null for explicit
 * labels): YES when {@code pos} is YES, NO when {@code pos} is not YES and {@code neg} is YES, else UNKNOWN.
 */
public record DerivedLabel(String id, String name, String definition, String question, List<String> tags,
        @JsonProperty("pos") String posSource, @JsonProperty("neg") String negSource,
        @JsonInclude(JsonInclude.Include.NON_NULL) String family, @JsonIgnore Expr pos, @JsonIgnore Expr neg) {

    public DerivedLabel {
        tags = List.copyOf(tags);
    }

    /** The label's state before uncertainty rules. */
    public TriState evaluate(LabelValues values) {
        if (pos.eval(values) == TriState.YES) {
            return TriState.YES;
        }
        return neg.eval(values) == TriState.YES ? TriState.NO : TriState.UNKNOWN;
    }
}
