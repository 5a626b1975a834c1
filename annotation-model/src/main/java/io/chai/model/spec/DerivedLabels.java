// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link Specification#derive}: every label's state after the uncertainty rules ({@link #states()},
 * {@link #get}), before them ({@link #base()}), and the ids of the uncertainty rules whose condition held
 * ({@link #applied()}). Immutable; label order is the specification's.
 */
public final class DerivedLabels {
    private final Map<String, Integer> index;
    private final TriState[] states;
    private final TriState[] base;
    private final List<String> applied;

    DerivedLabels(Map<String, Integer> index, TriState[] states, TriState[] base, List<String> applied) {
        this.index = index;
        this.states = states;
        this.base = base;
        this.applied = List.copyOf(applied);
    }

    /** The state of one label; throws for an id the specification does not define. */
    public TriState get(String labelId) {
        return states[position(labelId)];
    }

    /** The state of one label before the uncertainty rules. */
    public TriState baseState(String labelId) {
        return base[position(labelId)];
    }

    private int position(String labelId) {
        Integer i = index.get(labelId);
        if (i == null) {
            throw new IllegalArgumentException("no derived label " + labelId);
        }
        return i;
    }

    /** Label id → state, in specification order (a new map on every call). */
    public Map<String, TriState> states() {
        return asMap(states);
    }

    /** Label id → state before the uncertainty rules (a new map on every call). */
    public Map<String, TriState> base() {
        return asMap(base);
    }

    /** Ids of the uncertainty rules whose condition was YES, in file order. */
    public List<String> applied() {
        return applied;
    }

    public int size() {
        return states.length;
    }

    public long count(TriState state) {
        long n = 0;
        for (TriState s : states) {
            if (s == state) {
                n++;
            }
        }
        return n;
    }

    private Map<String, TriState> asMap(TriState[] array) {
        Map<String, TriState> m = new LinkedHashMap<>();
        index.forEach((id, i) -> m.put(id, array[i]));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "DerivedLabels[" + count(TriState.YES) + " yes, " + count(TriState.NO) + " no, "
                + count(TriState.UNKNOWN) + " unknown; applied " + applied + "]";
    }
}
