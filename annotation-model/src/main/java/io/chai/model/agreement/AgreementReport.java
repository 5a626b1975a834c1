// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.agreement;

import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement per primitive group for overlapping assignments: several annotators' {@link PrimitiveLabels} of the
 * same clip. Free-text groups are skipped; a start/end group contributes two units per clip (start and end);
 * a multi-choice group compares the whole chosen set. Ordered groups (shot size, heights, …) get the ordinal
 * alpha over the specification's value order, the rest the nominal one.
 */
public final class AgreementReport {
    /** The value an unsure / unknown answer becomes under {@link UnsurePolicy#CATEGORY}. */
    public static final String UNSURE = "unsure";

    private AgreementReport() {
    }

    /**
     * @param spec        the specification (groups, value order)
     * @param labelsByClip clip id → every annotator's labels of it (one entry per annotator; later ones by the
     *                    same author replace earlier ones)
     * @param policy      what unsure answers count as
     * @return one row per group that has at least one unit with two ratings, in specification order
     */
    public static List<GroupAgreement> compute(Specification spec, Map<String, List<PrimitiveLabels>> labelsByClip,
            UnsurePolicy policy) {
        List<GroupAgreement> out = new ArrayList<>();
        Map<String, Map<String, PrimitiveLabels>> byClip = new TreeMap<>();
        labelsByClip.forEach((clip, list) -> {
            Map<String, PrimitiveLabels> m = new TreeMap<>();
            for (PrimitiveLabels l : list) {
                m.put(l.author().value(), l);
            }
            if (m.size() >= 2) {
                byClip.put(clip, m);
            }
        });
        for (PrimitiveGroup g : spec.groups()) {
            if (g.kind() == PrimitiveKind.TEXT) {
                continue;
            }
            GroupAgreement ga = group(g, byClip, policy);
            if (ga != null) {
                out.add(ga);
            }
        }
        return out;
    }

    private static GroupAgreement group(PrimitiveGroup g, Map<String, Map<String, PrimitiveLabels>> byClip,
            UnsurePolicy policy) {
        TreeSet<String> raterSet = new TreeSet<>();
        // unit → rater → value (null = missing)
        List<Map<String, String>> units = new ArrayList<>();
        int unsure = 0;
        String key = g.kind() == PrimitiveKind.START_END ? stem(g.startField()) : g.startField();
        for (var clip : byClip.entrySet()) {
            Map<String, String> u1 = new TreeMap<>();
            Map<String, String> u2 = new TreeMap<>();
            for (var r : clip.getValue().entrySet()) {
                LabelValue v = r.getValue().values().get(key);
                if (v == null) {
                    continue;
                }
                String[] vals = values(v);
                for (int i = 0; i < vals.length; i++) {
                    String s = vals[i];
                    if (s == null) {
                        unsure++;
                        if (policy == UnsurePolicy.MISSING) {
                            continue;
                        }
                        s = UNSURE;
                    }
                    (i == 0 ? u1 : u2).put(r.getKey(), s);
                }
            }
            for (Map<String, String> u : List.of(u1, u2)) {
                if (u.size() >= 2) {
                    units.add(u);
                    raterSet.addAll(u.keySet());
                }
            }
        }
        if (units.isEmpty()) {
            return null;
        }
        List<String> raters = List.copyOf(raterSet);
        List<List<String>> rows = new ArrayList<>();
        int ratings = 0;
        for (Map<String, String> u : units) {
            List<String> row = new ArrayList<>();
            for (String r : raters) {
                row.add(u.get(r));
            }
            ratings += u.size();
            rows.add(row);
        }
        List<String> order = new ArrayList<>();
        for (PrimitiveValue pv : g.values()) {
            if (!pv.isUnknown()) {
                order.add(pv.id());
            }
        }
        TreeSet<String> seen = new TreeSet<>();
        units.forEach(u -> seen.addAll(u.values()));
        List<String> categories = new ArrayList<>();
        for (String o : order) {
            if (seen.contains(o)) {
                categories.add(o);
            }
        }
        seen.stream().filter(s -> !categories.contains(s)).forEach(categories::add);
        boolean ordinal = g.ordered() && g.kind() != PrimitiveKind.MULTI && order.containsAll(seen);
        Agreement.Metric metric = ordinal ? new Agreement.Metric.Ordinal(order) : Agreement.NOMINAL;
        OptionalDouble cohen = OptionalDouble.empty();
        if (raters.size() == 2) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (List<String> row : rows) {
                a.add(row.get(0));
                b.add(row.get(1));
            }
            cohen = OptionalDouble.of(Agreement.cohenKappa(a, b));
        }
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        Comparator<String> byOrder = Comparator.comparingInt(categories::indexOf);
        for (String c : categories) {
            Map<String, Integer> row = new TreeMap<>(byOrder);
            for (String k : categories) {
                row.put(k, 0);
            }
            confusion.put(c, row);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                for (int j = i + 1; j < row.size(); j++) {
                    if (row.get(i) != null && row.get(j) != null) {
                        confusion.get(row.get(i)).merge(row.get(j), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Map<String, Integer>> frozen = new LinkedHashMap<>();
        confusion.forEach((k, v) -> frozen.put(k, new LinkedHashMap<>(v)));
        return new GroupAgreement(g.id(), ordinal ? "ordinal" : "nominal", raters, units.size(), ratings, unsure,
                Agreement.rawAgreement(rows), cohen, Agreement.fleissKappa(rows), Agreement.fleissUnits(rows).size(),
                Agreement.krippendorffAlpha(rows, metric), categories, frozen);
    }

    /** The answers of one label: one (or start and end) value, {@code null} for unsure / unknown. */
    private static String[] values(LabelValue v) {
        if (v instanceof LabelValue.Choice c) {
            return new String[] {known(c.valueId())};
        }
        if (v instanceof LabelValue.TriState t) {
            return new String[] {t.value() == LabelValue.Answer.YES ? "yes"
                    : t.value() == LabelValue.Answer.NO ? "no" : null};
        }
        if (v instanceof LabelValue.StartEnd se) {
            return new String[] {known(se.start()), known(se.end())};
        }
        if (v instanceof LabelValue.MultiChoice mc) {
            return new String[] {String.join("+", mc.valueIds())};
        }
        return new String[0];
    }

    private static String known(String id) {
        return LabelValue.UNKNOWN.equals(id) ? null : id;
    }

    private static String stem(String startField) {
        return startField.endsWith("_start") ? startField.substring(0, startField.length() - "_start".length())
                : startField;
    }
}
