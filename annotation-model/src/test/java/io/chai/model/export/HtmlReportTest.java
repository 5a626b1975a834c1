// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.agreement.AgreementReport;
import io.chai.model.agreement.UnsurePolicy;
import io.chai.model.quality.QualityReport;
import io.chai.model.store.StepTimeStats;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void aspectStatsByHand() {
        var stats = HtmlReport.aspectStats(ExportFixture.items());
        HtmlReport.AspectStats subject = stats.get(0);
        // subject: A approved (rated 4), B approved (rated 5), C rejected (rated 3)
        assertThat(subject.aspect()).isEqualTo("subject");
        assertThat(subject.submitted()).isEqualTo(3);
        assertThat(subject.kept()).isEqualTo(1);
        assertThat(subject.approved()).isEqualTo(2);
        assertThat(subject.rejected()).isEqualTo(1);
        // pre words: 10 (A), 6 (B), 10 (C) → median 10; post: 10, 6 and the reviewer's 10 → 10
        assertThat(subject.medianPreWords()).isEqualTo(10);
        assertThat(subject.medianPostWords()).isEqualTo(10);
        // motion: A rejected (pre 8 words), B approved as is (6 words) → median 7
        assertThat(stats.get(2).medianPreWords()).isEqualTo(7);
        HtmlReport.AspectStats camera = stats.get(4);
        assertThat(camera.pending()).isEqualTo(1);
        assertThat(HtmlReport.median(List.of(1, 4, 2, 3))).isEqualTo(2.5);
    }

    @Test
    void rendersSelfContainedHtml() {
        List<AspectWork> work = ExportFixture.items().stream().flatMap(i -> i.work().values().stream()).toList();
        var quality = QualityReport.byAnnotator(QualityReport.checkAll(work, Fixtures.SENTINEL));
        var agreement = AgreementReport.compute(GoldenExportTest.SPEC, Map.of("c1", List.of(
                ExportFixture.labels("forward", "no"), relabel("bob", "no", "no"))), UnsurePolicy.MISSING);
        String html = HtmlReport.render(new HtmlReport.Data("Demo <project>", "chai-spec 1.0.0",
                GoldenExportTest.AT, ExportFixture.items(), quality, agreement,
                List.of(new StepTimeStats("anna", "critique", 3, 5000, 61000))));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Demo &lt;project&gt;").contains("<svg")
                .contains("camera_forward_backward").contains("reviewer rejected").contains("61")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .containsPattern("<td>bea</td><td>2</td>");
    }

    private static io.chai.model.domain.PrimitiveLabels relabel(String who, String forward, String zoom) {
        var l = ExportFixture.labels(forward, zoom);
        return io.chai.model.domain.PrimitiveLabels.of(l.values(), io.chai.model.domain.UserId.of(who),
                l.labeledAt());
    }
}
