// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.UserId;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementReportTest {
    private static final Specification SPEC = Specifications.bundled();
    private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

    private static PrimitiveLabels labels(String who, LabelValue overlays, LabelValue shotSize) {
        return PrimitiveLabels.of(Map.of("has_overlays", overlays, "shot_size", shotSize), UserId.of(who), T);
    }

    private static LabelValue tri(LabelValue.Answer a) {
        return new LabelValue.TriState(a);
    }

    private static Map<String, List<PrimitiveLabels>> data() {
        var yes = tri(LabelValue.Answer.YES);
        var no = tri(LabelValue.Answer.NO);
        var unsure = tri(LabelValue.Answer.UNSURE);
        var wide = LabelValue.StartEnd.unchanged("wide");
        var full = LabelValue.StartEnd.unchanged("full");
        var medium = LabelValue.StartEnd.unchanged("medium");
        return Map.of(
                "c1", List.of(labels("anna", yes, wide), labels("bob", yes, wide)),
                "c2", List.of(labels("anna", yes, full), labels("bob", no, medium)),
                "c3", List.of(labels("anna", no, wide), labels("bob", no, wide)),
                "c4", List.of(labels("anna", unsure, wide), labels("bob", no, wide)),
                "solo", List.of(labels("anna", yes, wide)));
    }

    private static GroupAgreement row(List<GroupAgreement> rows, String group) {
        return rows.stream().filter(r -> r.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void unsureAsMissingLeavesTheUnitOut() {
        GroupAgreement g = row(AgreementReport.compute(SPEC, data(), UnsurePolicy.MISSING), "has_overlays");
        // anna yes,yes,no vs bob yes,no,no: po 2/3, pe 4/9 → kappa 0.4
        assertThat(g.units()).isEqualTo(3);
        assertThat(g.unsure()).isEqualTo(1);
        assertThat(g.raters()).containsExactly("anna", "bob");
        assertThat(g.cohenKappa().getAsDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(g.raw()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(g.confusion().get("yes").get("no")).isEqualTo(1);
        assertThat(g.confusion().get("no").get("no")).isEqualTo(1);
        assertThat(g.metric()).isEqualTo("nominal");
    }

    @Test
    void unsureAsCategoryDisagrees() {
        GroupAgreement g = row(AgreementReport.compute(SPEC, data(), UnsurePolicy.CATEGORY), "has_overlays");
        assertThat(g.units()).isEqualTo(4);
        assertThat(g.raw()).isCloseTo(0.5, within(1e-12));
        assertThat(g.categories()).contains(AgreementReport.UNSURE);
        assertThat(g.confusion().get(AgreementReport.UNSURE).get("no")).isEqualTo(1);
    }

    @Test
    void shotSizeIsOrdinalOverStartAndEnd() {
        GroupAgreement g = row(AgreementReport.compute(SPEC, data(), UnsurePolicy.MISSING), "shot_size");
        assertThat(g.metric()).isEqualTo("ordinal");
        assertThat(g.units()).isEqualTo(8); // 4 shared clips × start/end
        assertThat(g.raw()).isCloseTo(6.0 / 8, within(1e-12));
        assertThat(g.confusion().get("full").get("medium")).isEqualTo(2);
        assertThat(g.categories()).containsExactly("wide", "full", "medium");
        // full and medium are adjacent in the order, so the ordinal alpha exceeds a nominal one computed on
        // the same units
        double nominal = Agreement.krippendorffAlpha(List.of(List.of("wide", "wide"), List.of("wide", "wide"),
                List.of("full", "medium"), List.of("full", "medium"), List.of("wide", "wide"), List.of("wide", "wide"),
                List.of("wide", "wide"), List.of("wide", "wide")), Agreement.NOMINAL);
        assertThat(g.alpha()).isGreaterThan(nominal);
    }
}
