// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The specification shipped in chai-resources loads cleanly and meets the size targets of issue 2. */
class BundledSpecificationTest {
    @Test
    void bundledSpecificationLoadsAndMeetsTheTargets() {
        Specification s = Specifications.bundled();
        assertThat(Specifications.bundled()).isSameAs(s);
        assertThat(s.id()).isEqualTo("chai-spec");
        SpecStats st = SpecStats.of(s);
        assertThat(st.aspects()).isEqualTo(5);
        assertThat(st.captionKeys()).isGreaterThanOrEqualTo(35);
        assertThat(st.values()).isGreaterThanOrEqualTo(140);
        assertThat(st.yesNoPrimitives()).isGreaterThanOrEqualTo(200);
        assertThat(s.labels()).allSatisfy(l -> {
            assertThat(l.definition()).as(l.id()).isNotBlank();
            assertThat(l.question()).as(l.id()).isNotBlank();
        });
        assertThat(s.templates()).extracting(PromptTemplate::id).containsAll(PromptTemplate.REQUIRED);
    }

    @Test
    void bundledSpecificationDerivesEveryLabelForAnEmptyAndAFullAssignment() {
        Specification s = Specifications.bundled();
        DerivedLabels empty = s.derive(Map.of());
        assertThat(empty.states()).hasSize(s.labels().size());
        assertThat(empty.count(TriState.YES)).isZero();
        Map<String, Object> stored = new java.util.HashMap<>();
        for (PrimitiveGroup g : s.groups()) {
            for (String f : g.fields()) {
                switch (g.kind()) {
                    case BOOLEAN -> stored.put(f, true);
                    case TEXT -> stored.put(f, "text");
                    case MULTI -> stored.put(f, java.util.Set.of(g.knownValues().get(0).id()));
                    default -> stored.put(f, g.knownValues().get(0).id());
                }
            }
        }
        DerivedLabels full = s.derive(stored);
        assertThat(full.count(TriState.YES)).isPositive();
        assertThat(full.count(TriState.NO)).isPositive();
    }
}
