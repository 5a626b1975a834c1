// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores a trainee's primitive answers against the expert's. A field is <em>scored</em> when the expert answered it
 * with a known value: free-text groups, fields the expert left unset and {@code unknown} references are not scored
 * (unknown items are never counted as negatives). Each scored field is right (equal answer; multi-select groups
 * need the same set), wrong, or unanswered (no answer, {@code unknown} or "unsure"), and
 * accuracy = right / scored.
 */
public final class PrimitiveScoring {
    private PrimitiveScoring() {
    }

    /**
     * Answers in one comparable form: the checklist's form (a start/end pair's end {@code unknown} meaning
     * "unchanged", a boolean {@code unknown} meaning "unsure") or {@link PrimitiveLabels#toStoredMap()}'s become
     * field → value id / Boolean / sorted set, pairs with an unchanged end carrying end = start, unsure left out.
     */
    public static Map<String, Object> normalize(Specification spec, Map<String, ?> answers) {
        Map<String, Object> out = new TreeMap<>();
        for (PrimitiveGroup g : spec.groups()) {
            if (g.kind() == PrimitiveKind.TEXT) {
                continue;
            }
            for (String field : g.fields()) {
                Object v = answers.get(field);
                if (v == null) {
                    continue;
                }
                if (v instanceof Collection<?> c) {
                    TreeSet<String> set = new TreeSet<>();
                    c.forEach(x -> set.add(x.toString()));
                    out.put(field, set);
                } else if (v instanceof Boolean b) {
                    out.put(field, b);
                } else if (PrimitiveValue.UNKNOWN.equals(v.toString())) {
                    if (g.kind() == PrimitiveKind.START_END && field.equals(g.endField())
                            && answers.get(g.startField()) != null
                            && !PrimitiveValue.UNKNOWN.equals(answers.get(g.startField()).toString())) {
                        out.put(field, answers.get(g.startField()).toString());
                    }
                } else if (g.kind() == PrimitiveKind.BOOLEAN) {
                    out.put(field, Boolean.parseBoolean(v.toString()));
                } else {
                    out.put(field, v.toString());
                }
            }
        }
        return out;
    }

    /** The scored fields of one clip, in specification order; {@code trainee} may be empty (nothing answered). */
    public static List<PrimitiveVerdict> score(Specification spec, Map<String, ?> trainee, Map<String, ?> reference) {
        Map<String, Object> t = normalize(spec, trainee);
        Map<String, Object> r = normalize(spec, reference);
        List<PrimitiveVerdict> out = new ArrayList<>();
        for (PrimitiveGroup g : spec.groups()) {
            if (g.kind() == PrimitiveKind.TEXT) {
                continue;
            }
            for (String field : g.fields()) {
                verdict(g, field, t, r).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The <em>scored</em> answers of a trainee who saved {@code history} (their own {@code primitive_labels}
     * revisions of one clip, oldest first), in {@link #normalize normalized} form: per field the first answer they
     * committed, because its verdict (and so the reference) is shown as soon as it is given; later changes do not
     * count. An answer is a value: not unset, not {@code unknown} or "unsure", not an empty multi-select. A
     * start/end pair's end counts only when given explicitly (an end left <em>Unchanged</em> is stored like one
     * not answered yet, and gets no verdict); an end never given explicitly is scored as unchanged, equal to the
     * scored start.
     */
    public static Map<String, Object> firstAnswers(Specification spec, List<PrimitiveLabels> history) {
        Map<String, Object> first = firstGiven(spec, history);
        for (PrimitiveGroup g : spec.groups()) {
            if (g.kind() == PrimitiveKind.START_END && first.containsKey(g.startField())) {
                first.putIfAbsent(g.endField(), first.get(g.startField()));
            }
        }
        return first;
    }

    /**
     * As {@link #firstAnswers} without scoring ends never given explicitly: only the answers the trainee gave, the
     * ones whose verdict the workstation shows.
     */
    public static Map<String, Object> firstGiven(Specification spec, List<PrimitiveLabels> history) {
        Map<String, Object> first = new TreeMap<>();
        for (PrimitiveLabels labels : history) {
            Map<String, Object> raw = new TreeMap<>(labels.toStoredMap());
            for (PrimitiveGroup g : spec.groups()) {
                if (g.kind() == PrimitiveKind.START_END && Boolean.TRUE.equals(raw.get(g.endWasNaField()))) {
                    raw.remove(g.endField());
                }
            }
            normalize(spec, raw).forEach((field, value) -> {
                if (!(value instanceof Collection<?> c && c.isEmpty())) {
                    first.putIfAbsent(field, value);
                }
            });
        }
        return first;
    }

    /** Shorthand for labels on both sides. */
    public static List<PrimitiveVerdict> score(Specification spec, Optional<PrimitiveLabels> trainee,
            PrimitiveLabels reference) {
        return score(spec, trainee.map(PrimitiveLabels::toStoredMap).orElse(new TreeMap<>()),
                reference.toStoredMap());
    }

    /**
     * The verdict on one field, or empty when the field is not scored (no known reference). The UI asks this for
     * the field just answered.
     */
    public static Optional<PrimitiveVerdict> verdict(Specification spec, String field, Map<String, ?> trainee,
            Map<String, ?> reference) {
        return spec.groupByField(field).filter(g -> g.kind() != PrimitiveKind.TEXT)
                .flatMap(g -> verdict(g, field, normalize(spec, trainee), normalize(spec, reference)));
    }

    private static Optional<PrimitiveVerdict> verdict(PrimitiveGroup g, String field, Map<String, Object> t,
            Map<String, Object> r) {
        Object ref = r.get(field);
        if (ref == null) {
            return Optional.empty();
        }
        Object mine = t.get(field);
        PrimitiveVerdict.Verdict v = mine == null ? PrimitiveVerdict.Verdict.UNANSWERED
                : mine.equals(ref) ? PrimitiveVerdict.Verdict.RIGHT : PrimitiveVerdict.Verdict.WRONG;
        return Optional.of(new PrimitiveVerdict(g.id(), g.form(), field, mine, ref, v));
    }

    /** Right / scored, or NaN when nothing is scored. */
    public static double accuracy(Collection<PrimitiveVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return Double.NaN;
        }
        return (double) verdicts.stream().filter(PrimitiveVerdict::right).count() / verdicts.size();
    }
}
