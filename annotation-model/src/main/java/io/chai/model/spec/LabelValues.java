// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A checked, normalised primitive label assignment: field → value (a value id String for single/start_end, a
 * Boolean for boolean, a Set of value ids for multi, a String for text; absent = unset). Normalisation applies the
 * start_end rule: an end that is unset or {@code unknown} while the start is set becomes the start, and
 * {@code <end field>_was_na} is recorded as true.
 */
public final class LabelValues {
    private final Map<String, Object> values;

    private LabelValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks {@code stored} against {@code spec} and normalises it. Keys named {@code <end field>_was_na} (as
     * written by an earlier normalisation) are accepted. Throws {@link LabelValueException} for an
     * unknown field, a value outside the field's group or a value of the wrong type.
     * A {@code _was_na} record that is true is kept, so normalising twice gives the same map.
     */
    public static LabelValues normalize(Specification spec, Map<String, ?> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : stored.entrySet()) {
            String field = e.getKey();
            Object raw = e.getValue();
            PrimitiveGroup g = spec.groupByField(field).orElse(null);
            if (g == null) {
                if (field.endsWith("_was_na") && spec.groupByField(field.substring(0, field.length() - 7))
                        .filter(x -> x.kind() == PrimitiveKind.START_END).isPresent()) {
                    if (Boolean.TRUE.equals(raw) || "true".equals(raw)) {
                        out.put(field, Boolean.TRUE); // kept: the end was already copied from the start
                    }
                    continue;
                }
                throw new LabelValueException("label value for '" + field + "': no group of specification "
                        + spec.id() + " " + spec.version() + " declares this field");
            }
            if (raw == null) {
                continue;
            }
            out.put(field, check(g, field, raw));
        }
        for (PrimitiveGroup g : spec.groups()) {
            if (g.kind() != PrimitiveKind.START_END) {
                continue;
            }
            Object start = out.get(g.startField());
            Object end = out.get(g.endField());
            if (start != null && (end == null || PrimitiveValue.UNKNOWN.equals(end))) {
                out.put(g.endField(), start);
                out.put(g.endWasNaField(), Boolean.TRUE);
            }
        }
        return new LabelValues(out);
    }

    private static Object check(PrimitiveGroup g, String field, Object raw) {
        switch (g.kind()) {
            case BOOLEAN:
                if (raw instanceof Boolean) {
                    return raw;
                }
                if ("true".equals(raw) || "false".equals(raw)) {
                    return Boolean.valueOf((String) raw);
                }
                throw new LabelValueException("label value for " + field + ": expected true or false but got '"
                        + raw + "'");
            case TEXT:
                if (raw instanceof String) {
                    return raw;
                }
                throw new LabelValueException("label value for " + field + ": expected text but got " + raw);
            case MULTI: {
                if (!(raw instanceof Collection<?> c)) {
                    throw new LabelValueException("label value for " + field
                            + ": expected a set of value ids but got '" + raw + "'");
                }
                Set<String> set = new LinkedHashSet<>();
                for (Object o : c) {
                    set.add(valueId(g, field, o));
                }
                return Collections.unmodifiableSet(set);
            }
            default:
                return valueId(g, field, raw);
        }
    }

    private static String valueId(PrimitiveGroup g, String field, Object o) {
        if (!(o instanceof String s) || !g.hasValue(s)) {
            throw new LabelValueException("label value for " + field + ": '" + o + "' is not a value of group "
                    + g.id());
        }
        return s;
    }

    /** The value of a single/start_end/text field, "true"/"false" for booleans, or null when unset. */
    public String scalar(String field) {
        Object v = values.get(field);
        if (v == null || v instanceof Set) {
            return null;
        }
        return v.toString();
    }

    /** The set of a multi field, or null when unset. */
    @SuppressWarnings("unchecked")
    public Set<String> multi(String field) {
        Object v = values.get(field);
        return v instanceof Set ? (Set<String>) v : null;
    }

    /** Whether a start_end end field was N/A and replaced by the start. */
    public boolean endWasNa(PrimitiveGroup group) {
        return Boolean.TRUE.equals(values.get(group.endWasNaField()));
    }

    /** The normalised map, including the {@code _was_na} records. */
    public Map<String, Object> asMap() {
        return values;
    }
}
