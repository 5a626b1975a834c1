// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coefficients against published worked examples. */
class AgreementTest {

    /** Cohen's kappa, Wikipedia's worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → po 0.7, pe 0.5. */
    @Test
    void cohenKappaTextbook() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        add(a, b, "yes", "yes", 20);
        add(a, b, "yes", "no", 5);
        add(a, b, "no", "yes", 10);
        add(a, b, "no", "no", 15);
        assertThat(Agreement.cohenKappa(a, b)).isCloseTo(0.4, within(1e-12));
        assertThat(Agreement.rawAgreement(zip(a, b))).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void cohenKappaPerfectAndChance() {
        assertThat(Agreement.cohenKappa(List.of("a", "b", "a"), List.of("a", "b", "a"))).isEqualTo(1.0);
        // both raters always answer the same single value: kappa undefined
        assertThat(Agreement.cohenKappa(List.of("a", "a"), List.of("a", "a"))).isNaN();
        // missing pairs are skipped
        assertThat(Agreement.cohenKappa(Arrays.asList("a", null, "b"), Arrays.asList("a", "b", "b")))
                .isEqualTo(1.0);
    }

    /** Fleiss' kappa, Fleiss (1971) / Wikipedia worked example: 10 subjects, 14 raters, 5 categories → 0.210. */
    @Test
    void fleissKappaTextbook() {
        int[][] table = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        List<List<String>> units = new ArrayList<>();
        for (int[] row : table) {
            List<String> u = new ArrayList<>();
            for (int c = 0; c < row.length; c++) {
                u.addAll(Collections.nCopies(row[c], "c" + (c + 1)));
            }
            units.add(u);
        }
        double k = Agreement.fleissKappa(units);
        assertThat(k).isCloseTo(0.2099, within(5e-4));
    }

    /**
     * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 observers × 12 units with missing
     * values: nominal 0.743, ordinal 0.815.
     */
    @Test
    void krippendorffAlphaTextbook() {
        String[][] obs = {
            {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
            {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
            {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
            {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null},
        };
        List<List<String>> units = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            List<String> unit = new ArrayList<>();
            for (String[] o : obs) {
                unit.add(o[u]);
            }
            units.add(unit);
        }
        assertThat(Agreement.krippendorffAlpha(units, Agreement.NOMINAL)).isCloseTo(0.743, within(5e-4));
        assertThat(Agreement.krippendorffAlpha(units, new Agreement.Metric.Ordinal(List.of("1", "2", "3", "4", "5"))))
                .isCloseTo(0.815, within(5e-4));
    }

    @Test
    void alphaTwoRatersNominalMatchesHandComputation() {
        // 4 units, two raters: (a,a) (a,b) (b,b) (b,b). Coincidences: aa 2, ab 1, ba 1, bb 4; n = 8,
        // n_a = 3, n_b = 5. alpha = 1 - (n-1) * o_ab*2 / (n_a*n_b*2) = 1 - 7*2/30 = 0.5333…
        List<List<String>> units = List.of(List.of("a", "a"), List.of("a", "b"), List.of("b", "b"),
                List.of("b", "b"));
        assertThat(Agreement.krippendorffAlpha(units, Agreement.NOMINAL)).isCloseTo(1 - 14.0 / 30.0, within(1e-12));
        assertThat(Agreement.coincidences(units).get("a").get("b")).isEqualTo(1.0);
    }

    private static void add(List<String> a, List<String> b, String x, String y, int n) {
        for (int i = 0; i < n; i++) {
            a.add(x);
            b.add(y);
        }
    }

    private static List<List<String>> zip(List<String> a, List<String> b) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(List.of(a.get(i), b.get(i)));
        }
        return out;
    }
}
