// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-annotator agreement coefficients over categorical labels. Every method takes <em>units</em> (one per
 * clip): the values the raters gave it, {@code null} for a missing rating. Results are {@code NaN} when the data
 * cannot define the coefficient (for example fewer than two pairable values, or no variation at all for kappa).
 */
public final class Agreement {
    private Agreement() {
    }

    /** How distances between two categories are measured for Krippendorff's alpha. */
    public sealed interface Metric {
        /** Nominal: any two different categories are at distance 1. */
        record Nominal() implements Metric {
        }

        /**
         * Ordinal over the given rank order (lowest first); Krippendorff's ordinal distance, which uses the
         * marginal frequencies of the categories between the two values.
         */
        record Ordinal(List<String> order) implements Metric {
            public Ordinal {
                order = List.copyOf(order);
            }
        }
    }

    public static final Metric NOMINAL = new Metric.Nominal();

    /** Share of agreeing rater pairs over all pairs of ratings within a unit (units with fewer than two skip). */
    public static double rawAgreement(List<? extends List<String>> units) {
        long agree = 0;
        long pairs = 0;
        for (List<String> unit : units) {
            List<String> v = present(unit);
            for (int i = 0; i < v.size(); i++) {
                for (int j = i + 1; j < v.size(); j++) {
                    pairs++;
                    if (v.get(i).equals(v.get(j))) {
                        agree++;
                    }
                }
            }
        }
        return pairs == 0 ? Double.NaN : (double) agree / pairs;
    }

    /**
     * Cohen's kappa for two raters: {@code (po - pe) / (1 - pe)} over the units both rated.
     *
     * @param a the first rater's values, {@code null} where missing
     * @param b the second rater's values, same length
     */
    public static double cohenKappa(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("Cohen's kappa needs two equally long rating lists, got "
                    + a.size() + " and " + b.size() + ".");
        }
        Map<String, Integer> ma = new TreeMap<>();
        Map<String, Integer> mb = new TreeMap<>();
        int n = 0;
        int agree = 0;
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x == null || y == null) {
                continue;
            }
            n++;
            if (x.equals(y)) {
                agree++;
            }
            ma.merge(x, 1, Integer::sum);
            mb.merge(y, 1, Integer::sum);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double po = (double) agree / n;
        double pe = 0;
        for (var e : ma.entrySet()) {
            pe += (double) e.getValue() / n * mb.getOrDefault(e.getKey(), 0) / n;
        }
        return pe >= 1.0 ? Double.NaN : (po - pe) / (1 - pe);
    }

    /**
     * Fleiss' kappa over units that all have the same number (at least two) of ratings; units with another
     * number of ratings are left out (see {@link #fleissUnits(List)}).
     */
    public static double fleissKappa(List<? extends List<String>> units) {
        List<List<String>> used = fleissUnits(units);
        if (used.isEmpty()) {
            return Double.NaN;
        }
        int m = used.get(0).size();
        Map<String, Long> totals = new TreeMap<>();
        double sumPi = 0;
        for (List<String> v : used) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String s : v) {
                counts.merge(s, 1, Integer::sum);
                totals.merge(s, 1L, Long::sum);
            }
            double s2 = 0;
            for (int c : counts.values()) {
                s2 += (double) c * (c - 1);
            }
            sumPi += s2 / ((double) m * (m - 1));
        }
        double nUnits = used.size();
        double pBar = sumPi / nUnits;
        double pe = 0;
        for (long t : totals.values()) {
            double pj = t / (nUnits * m);
            pe += pj * pj;
        }
        return pe >= 1.0 ? Double.NaN : (pBar - pe) / (1 - pe);
    }

    /** The units Fleiss' kappa uses: those with the most common number (at least two) of present ratings. */
    public static List<List<String>> fleissUnits(List<? extends List<String>> units) {
        Map<Integer, Integer> bySize = new TreeMap<>();
        for (List<String> u : units) {
            int k = present(u).size();
            if (k >= 2) {
                bySize.merge(k, 1, Integer::sum);
            }
        }
        if (bySize.isEmpty()) {
            return List.of();
        }
        int best = -1;
        int bestCount = -1;
        for (var e : bySize.entrySet()) { // ties: the larger rater count
            if (e.getValue() >= bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> u : units) {
            List<String> v = present(u);
            if (v.size() == best) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Krippendorff's alpha {@code 1 - Do/De} from the coincidence matrix; units with fewer than two ratings are
     * not pairable and are left out.
     */
    public static double krippendorffAlpha(List<? extends List<String>> units, Metric metric) {
        Map<String, Map<String, Double>> o = coincidences(units);
        if (o.isEmpty()) {
            return Double.NaN;
        }
        Map<String, Double> nc = new LinkedHashMap<>();
        double n = 0;
        for (var row : o.entrySet()) {
            double s = row.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            nc.put(row.getKey(), s);
            n += s;
        }
        if (n <= 1) {
            return Double.NaN;
        }
        List<String> cats = new ArrayList<>(nc.keySet());
        if (metric instanceof Metric.Ordinal ord) {
            for (String c : cats) {
                if (!ord.order().contains(c)) {
                    throw new IllegalArgumentException("Value '" + c + "' is not in the ordinal order "
                            + ord.order() + ".");
                }
            }
        }
        double observed = 0;
        double expected = 0;
        for (String c : cats) {
            for (String k : cats) {
                double d = delta2(c, k, metric, nc);
                if (d == 0) {
                    continue;
                }
                observed += o.get(c).getOrDefault(k, 0.0) * d;
                expected += nc.get(c) * nc.get(k) * d;
            }
        }
        if (expected == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * observed / expected;
    }

    /** Krippendorff's coincidence matrix: each unit with m ratings adds 1/(m-1) per ordered pair of its ratings. */
    public static Map<String, Map<String, Double>> coincidences(Collection<? extends List<String>> units) {
        Map<String, Map<String, Double>> o = new TreeMap<>();
        for (List<String> unit : units) {
            List<String> v = present(unit);
            int m = v.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o.computeIfAbsent(v.get(i), x -> new TreeMap<>()).merge(v.get(j), 1.0 / (m - 1), Double::sum);
                    }
                }
            }
        }
        return o;
    }

    private static double delta2(String c, String k, Metric metric, Map<String, Double> nc) {
        if (c.equals(k)) {
            return 0;
        }
        if (metric instanceof Metric.Ordinal ord) {
            int ic = ord.order().indexOf(c);
            int ik = ord.order().indexOf(k);
            int lo = Math.min(ic, ik);
            int hi = Math.max(ic, ik);
            double sum = 0;
            for (int g = lo; g <= hi; g++) {
                sum += nc.getOrDefault(ord.order().get(g), 0.0);
            }
            sum -= (nc.get(c) + nc.get(k)) / 2.0;
            return sum * sum;
        }
        return 1;
    }

    private static List<String> present(List<String> unit) {
        List<String> v = new ArrayList<>(unit.size());
        for (String s : unit) {
            if (s != null) {
                v.add(s);
            }
        }
        return v;
    }

    /** The distinct values in the units, sorted. */
    public static List<String> categories(Collection<? extends List<String>> units) {
        TreeSet<String> s = new TreeSet<>();
        for (List<String> u : units) {
            u.stream().filter(Objects::nonNull).forEach(s::add);
        }
        return List.copyOf(s);
    }
}
