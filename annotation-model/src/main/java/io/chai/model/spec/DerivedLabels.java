// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link Specification#derive}: label id → state after the uncertainty rules ({@code states}), the
 * states before them ({@code base}) and the ids of the uncertainty rules whose condition held ({@code applied}).
 */
public record DerivedLabels(Map<String, TriState> states, Map<String, TriState> base, List<String> applied) {
    public DerivedLabels {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        base = Collections.unmodifiableMap(new LinkedHashMap<>(base));
        applied = List.copyOf(applied);
    }

    /** The state of one label; throws for an id the specification does not define. */
    public TriState get(String labelId) {
        TriState s = states.get(labelId);
        if (s == null) {
            throw new IllegalArgumentException("no derived label " + labelId);
        }
        return s;
    }

    public long count(TriState state) {
        return states.values().stream().filter(s -> s == state).count();
    }
}
