// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.workflow.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityReportTest {
    @Test
    void rejectedItemIsFlaggedAndAligned() {
        ItemQuality q = QualityReport.check(Fixtures.rejected(), Fixtures.SENTINEL).orElseThrow();
        assertThat(q.annotator()).isEqualTo("anna");
        assertThat(q.has(QualityFlag.REVIEWER_REJECTED)).isTrue();
        // annotator: "The coat is blue, not red." reviewer: "The coat is blue and he walks right."
        CritiqueAlignment a = q.alignment().orElseThrow();
        assertThat(a.precision().getAsDouble()).isEqualTo(1.0);
        assertThat(a.recall().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void approvedItemRaisesNothingAndUnsubmittedIsSkipped() {
        assertThat(QualityReport.check(Fixtures.approved(), Fixtures.SENTINEL).orElseThrow().findings()).isEmpty();
        assertThat(QualityReport.check(Fixtures.revised(), Fixtures.SENTINEL)).isEmpty();
    }

    @Test
    void perAnnotatorSums() {
        var items = QualityReport.checkAll(List.of(Fixtures.approved(), Fixtures.rejected(), Fixtures.critiqued()),
                Fixtures.SENTINEL);
        List<AnnotatorQuality> rows = QualityReport.byAnnotator(items);
        assertThat(rows).hasSize(1);
        AnnotatorQuality anna = rows.get(0);
        assertThat(anna.items()).isEqualTo(2);
        assertThat(anna.flags().get("reviewer_rejected")).isEqualTo(1);
        assertThat(anna.flags().get("nitpick_only")).isZero();
        assertThat(anna.rewritten()).isEqualTo(1);
        assertThat(anna.meanPrecision().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void theOptionalJudgeIsAskedAboutCritiquesTheRulesPassAndCanFlagThem() {
        List<String> asked = new java.util.ArrayList<>();
        CritiqueJudge harsh = (aspect, caption, critique) -> {
            asked.add(aspect.key() + "|" + caption + "|" + critique);
            return new CritiqueJudge.Verdict(false, "It states no correction.", "judge-model");
        };
        ItemQuality q = QualityReport.check(Fixtures.approved(), Fixtures.SENTINEL, java.util.Optional.of(harsh))
                .orElseThrow();
        assertThat(QualityReport.check(Fixtures.approved(), Fixtures.SENTINEL).orElseThrow().findings()).isEmpty();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).contains(Fixtures.approved().preCaption().orElseThrow().text())
                .contains(Fixtures.approved().submittedVersion().orElseThrow().critique().finalText());
        assertThat(q.findings()).singleElement().satisfies(f -> {
            assertThat(f.flag()).isEqualTo(QualityFlag.NON_CONSTRUCTIVE);
            assertThat(f.detail()).isEqualTo("model judge (judge-model): It states no correction.");
        });

        CritiqueJudge kind = (aspect, caption, critique) -> new CritiqueJudge.Verdict(true, "", "judge-model");
        assertThat(QualityReport.check(Fixtures.approved(), Fixtures.SENTINEL, java.util.Optional.of(kind))
                .orElseThrow().findings()).isEmpty();
    }
}
