// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    private final PromptTemplate precaption = SpecFixtures.loadValid().template("precaption").orElseThrow();

    @Test
    void rendersVariablesAndNonEmptySections() {
        Map<String, Object> vars = new HashMap<>(Map.of("aspect_name", "camera", "policy", "Be exact.",
                "primitives", "pan: right", "approved_captions", List.of("A dog runs.", "A park.")));
        PromptTemplate.Rendered r = precaption.render(vars);
        assertThat(r.system()).isEqualTo("You write camera captions.");
        assertThat(r.user()).isEqualTo("Policy: Be exact.\nPrimitives: pan: right\nApproved captions:\n"
                + "A dog runs.\nA park.\nWrite the caption.\n");
    }

    @Test
    void emptySectionsAreLeftOut() {
        Map<String, Object> vars = new HashMap<>(Map.of("aspect_name", "camera", "policy", "P", "primitives", "none"));
        vars.put("approved_captions", "");
        assertThat(precaption.render(vars).user()).isEqualTo("Policy: P\nPrimitives: none\nWrite the caption.\n");
        vars.put("approved_captions", null);
        assertThat(precaption.render(vars).user()).isEqualTo("Policy: P\nPrimitives: none\nWrite the caption.\n");
    }

    @Test
    void aMissingVariableIsAClearError() {
        assertThatThrownBy(() -> precaption.render(Map.of("aspect_name", "camera", "policy", "P")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prompt template precaption: missing variable 'primitives' (pass an empty value to leave it out)");
    }

    @Test
    void nestedSectionsAndSyntaxErrors() {
        TemplateText t = TemplateText.parse("{{#a}}A{{#b}}B{{b}}{{/b}}{{/a}}.");
        assertThat(t.render("x", Map.of("a", "1", "b", "2"))).isEqualTo("AB2.");
        assertThat(t.render("x", Map.of("a", "1", "b", ""))).isEqualTo("A.");
        assertThat(t.render("x", Map.of("a", false, "b", "2"))).isEqualTo(".");
        assertThat(t.names()).containsOnlyKeys("a", "b");
        assertThatThrownBy(() -> TemplateText.parse("x\n{{#a}}{{/b}}"))
                .hasMessage("'{{/b}}' closes section 'a' opened on line 2");
        assertThatThrownBy(() -> TemplateText.parse("{{/a}}")).hasMessage("'{{/a}}' closes no section");
        assertThatThrownBy(() -> TemplateText.parse("{{a")).hasMessage("'{{' without '}}'");
        assertThatThrownBy(() -> TemplateText.parse("{{A b}}")).hasMessage(
                "bad placeholder '{{A b}}' (expected {{name}}, {{#name}} or {{/name}} with a snake_case name)");
    }

    @Test
    void versionsCompareAndParse() {
        SemanticVersion v = SemanticVersion.parse("1.4.2");
        assertThat(v.isCompatibleWith(SemanticVersion.parse("1.0.0"))).isTrue();
        assertThat(v.isCompatibleWith(SemanticVersion.parse("2.0.0"))).isFalse();
        assertThat(v).isGreaterThan(SemanticVersion.parse("1.4.1"));
        assertThat(v.toString()).isEqualTo("1.4.2");
        assertThatThrownBy(() -> SemanticVersion.parse("1.04.0")).hasMessageContaining("is not a semantic version");
    }

    @Test
    void jsonCarriesSourcesNotCompiledRules() throws Exception {
        Specification s = SpecFixtures.loadValid();
        var tree = SpecificationJson.mapper().readTree(SpecificationJson.toJson(s));
        assertThat(tree.get("id").asText()).isEqualTo("test-spec");
        assertThat(tree.get("version").asText()).isEqualTo("1.2.0");
        assertThat(tree.get("aspects")).hasSize(5);
        assertThat(tree.get("groups").get(3).get("kind").asText()).isEqualTo("start_end");
        assertThat(tree.get("labels").get(0).get("pos").asText()).isEqualTo("camera_pan == left_to_right");
        assertThat(tree.get("labels").get(0).has("neg")).isTrue();
        assertThat(tree.get("uncertaintyRules").get(0).get("effect").asText()).isEqualTo("negatives_unknown");
        assertThat(tree.get("uncertaintyRules").get(0).get("when").asText())
                .isEqualTo("steadiness in [unsteady, very_unsteady]");
        assertThat(tree.get("policy").get("aspects").get("camera").get("short").asText())
                .isEqualTo("One sentence on the camera.");
        assertThat(tree.toString()).doesNotContain("fieldsByName").doesNotContain("RankCompare");
    }
}
