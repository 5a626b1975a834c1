// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The stored fields the label's {@code pos} and {@code neg} expressions read (pos first, each once): the
     * questions whose answers decide this label, e.g. what an uncertainty rule targeting it greys out.
     */
    @JsonIgnore
    public Set<String> fields() {
        Set<String> out = new LinkedHashSet<>(pos.fields());
        out.addAll(neg.fields());
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The label's state before uncertainty rules. */
    public TriState evaluate(LabelValues values) {
        if (pos.eval(values) == TriState.YES) {
            return TriState.YES;
        }
        return neg.eval(values) == TriState.YES ? TriState.NO : TriState.UNKNOWN;
    }
}
