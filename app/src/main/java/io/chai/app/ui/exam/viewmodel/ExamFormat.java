// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How exam numbers and answers read, in the workstation and in {@code chai exam report}. */
public final class ExamFormat {
    private ExamFormat() {
    }

    /** {@code 0.571} → "57%"; null or NaN → "–". */
    public static String percent(Double v) {
        return v == null || v.isNaN() ? "–" : Math.round(v * 100) + "%";
    }

    /** A score in 0..1 with two decimals; null or NaN → "–". */
    public static String score(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** "1 h 02 min", "4 min 05 s", "12 s". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }

    /** The question of a field: the group's name, with "(start)" / "(end)" for a start/end pair. */
    public static String question(PrimitiveGroup g, String field) {
        if (g.kind() != PrimitiveKind.START_END) {
            return g.name();
        }
        return g.name() + (field.equals(g.startField()) ? " (start)" : " (end)");
    }

    /** An answer in the stored form as the user reads it: value labels, Yes / No, "(no answer)". */
    public static String answer(PrimitiveGroup g, Object value) {
        if (value == null) {
            return "(no answer)";
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "(none)" : c.stream().map(v -> label(g, v.toString())).collect(Collectors.joining(", "));
        }
        if (value instanceof Boolean b) {
            return g.value(b.toString()).map(PrimitiveValue::label).filter(l -> !l.isBlank()).orElse(b ? "Yes" : "No");
        }
        return label(g, value.toString());
    }

    /**
     * The definition of a single value (value id), or for a yes/no question the question itself (as the checklist's
     * Yes / No buttons explain it); empty for none.
     */
    public static Optional<String> definition(PrimitiveGroup g, Object value) {
        if (value == null || value instanceof Collection<?>) {
            return Optional.empty();
        }
        if (value instanceof Boolean) {
            return Optional.of(g.question());
        }
        return g.value(value.toString()).map(PrimitiveValue::definition).filter(d -> d != null && !d.isBlank());
    }

    /** The definitions of the values of a multi-select answer, "Label: definition" joined by "; ". */
    public static String definitions(PrimitiveGroup g, Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(Object::toString).map(v -> g.value(v).map(pv -> pv.label() + ": "
                    + pv.definition()).orElse(v)).collect(Collectors.joining("; "));
        }
        return definition(g, value).map(d -> answer(g, value) + ": " + d).orElse("");
    }

    private static String label(PrimitiveGroup g, String id) {
        return g.value(id).map(PrimitiveValue::label).filter(l -> !l.isBlank()).orElse(id);
    }
}
