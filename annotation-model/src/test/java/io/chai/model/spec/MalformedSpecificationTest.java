// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each case is the valid fixture with the files of src/test/resources/spec/malformed/CASE copied over it; every
 * error line (file, line, path, message) is asserted exactly.
 */
class MalformedSpecificationTest {
    @TempDir
    Path tmp;

    private List<String> errors(String fixture) {
        return SpecificationLoaderTest.catchSpec(SpecFixtures.malformed(fixture, tmp)).lines();
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndTheParsersReason() {
        assertThat(errors("yaml-syntax")).containsExactly(
                "primitives.yaml:90: YAML syntax error: while parsing a block mapping; expected <block end>, but found '<scalar>'");
    }

    @Test
    void missingManifestField() {
        assertThat(errors("missing-manifest-field")).containsExactly("spec.yaml:2: sentinel: is required");
    }

    @Test
    void badVersion() {
        assertThat(errors("bad-version")).containsExactly(
                "spec.yaml:3: version: '1.2' is not a semantic version MAJOR.MINOR.PATCH (e.g. 1.0.0)");
    }

    @Test
    void aspectsOutOfOrder() {
        assertThat(errors("aspects-out-of-order")).containsExactly(
                "aspects.yaml:27: aspects[1].id: expected 'scene' here (the aspects are subject, scene, motion, spatial, camera in this order) but found 'motion'",
                "aspects.yaml:46: aspects[2].id: expected 'motion' here (the aspects are subject, scene, motion, spatial, camera in this order) but found 'scene'");
    }

    @Test
    void unknownGroupReference() {
        assertThat(errors("unknown-group-reference")).containsExactly(
                "aspects.yaml:65: aspects[3].primitiveContext[0]: unknown group 'shot_sizes'");
    }

    @Test
    void captionKeysBelongToExactlyOneSubAspect() {
        assertThat(errors("caption-key-ownership")).containsExactly(
                "aspects.yaml:16: aspects[0].subAspects[1].captionKeys[1]: caption key 'type' already belongs to sub-aspect type",
                "aspects.yaml:16: aspects[0].subAspects[1].captionKeys[2]: caption key 'pose' is not declared in captionKeys of this aspect",
                "aspects.yaml:96: aspects[4].captionKeys[2].key: caption key 'tracking_shot' belongs to no sub-aspect");
    }

    @Test
    void duplicateValueIdAndTheRulesThatNowNameAMissingValue() {
        SpecificationException e = SpecificationLoaderTest.catchSpec(SpecFixtures.malformed("duplicate-value-id", tmp));
        assertThat(e.getMessage()).isEqualTo(
                "primitives.yaml:115: groups[6].values[2].id: duplicate value id 'left_to_right' (first at line 112) (and 2 more)");
        assertThat(e.lines()).containsExactly(
                "primitives.yaml:115: groups[6].values[2].id: duplicate value id 'left_to_right' (first at line 112)",
                "derived.yaml:14: labels[1].pos: unknown value 'right_to_left' for field camera_pan at column 15",
                "derived.yaml:15: labels[1].neg: unknown value 'right_to_left' for field camera_pan at column 15");
        assertThat(e.errors().get(1)).isEqualTo(new SpecificationError("derived.yaml", 14, "labels[1].pos",
                "unknown value 'right_to_left' for field camera_pan at column 15"));
    }

    @Test
    void emptyDefinition() {
        assertThat(errors("empty-definition")).containsExactly(
                "primitives.yaml:134: groups[7].values[1].definition: must not be empty");
    }

    @Test
    void badDefault() {
        assertThat(errors("bad-default")).containsExactly(
                "primitives.yaml:69: groups[4].default: 'shaky' is not a value of this group");
    }

    @Test
    void groupShapeErrorsAreAllReportedWithoutCascades() {
        assertThat(errors("group-shape")).containsExactly(
                "primitives.yaml:39: groups[2].values: a boolean group has no values (true/false are implied)",
                "primitives.yaml:47: groups[3].fields: a start_end group needs 2 fields [X_start, X_end] but has 1",
                "primitives.yaml:105: groups[6].form: unknown form 'cam_moves'",
                "primitives.yaml:129: groups[7].kind: unknown kind 'multiple' (expected single, boolean, multi, start_end or text)",
                "derived.yaml:40: labels[5].pos: unknown field 'shot_size_end' at column 6",
                "derived.yaml:41: labels[5].neg: unknown field 'shot_size_end' at column 6");
    }

    @Test
    void unknownAndDuplicateKeys() {
        assertThat(errors("unknown-keys-and-duplicates")).containsExactly(
                "primitives.yaml:70: groups[4].ordered: duplicate key (first at line 68)",
                "primitives.yaml:69: groups[4].defualt: unknown key (expected one of: id, form, name, question, kind, fields, ordered, default, tags, describeIfComplex, tutorial, values)");
    }

    @Test
    void ruleWithUnknownField() {
        assertThat(errors("rule-unknown-field")).containsExactly(
                "derived.yaml:7: labels[0].pos: unknown field 'camera_pann' at column 1");
    }

    @Test
    void aBrokenLabelIsReportedOnceNotAgainWhereRulesNameIt() {
        assertThat(errors("broken-label-referenced-by-rules")).containsExactly(
                "derived.yaml:21: labels[2].pos: unknown value 'none' for field camera_movement at column 20");
    }

    @Test
    void ruleWithUnknownValue() {
        assertThat(errors("rule-unknown-value")).containsExactly(
                "derived.yaml:8: labels[0].neg: unknown value 'leftt' for field camera_pan at column 15");
    }

    @Test
    void rankOnUnorderedGroup() {
        assertThat(errors("rank-unordered")).containsExactly(
                "derived.yaml:40: labels[5].pos: rank() on field camera_pan of unordered group camera_pan at column 6");
    }

    @Test
    void containsOnSingleField() {
        assertThat(errors("contains-on-single")).containsExactly(
                "derived.yaml:33: labels[4].pos: contains on field camera_pan, which is not multi-select, at column 12");
    }

    @Test
    void truncatedRule() {
        assertThat(errors("rule-syntax")).containsExactly(
                "primitives.yaml:145: validations[0].require: expected a comparison but found end of expression at column 20");
    }

    @Test
    void uncertaintyRuleTargetsAndEffect() {
        assertThat(errors("uncertainty-targets")).containsExactly(
                "primitives.yaml:152: uncertaintyRules[0].targets.tags[0]: no derived label has tag 'directionl'",
                "primitives.yaml:157: uncertaintyRules[1].effect: unknown effect 'everything_unknown' (expected negatives_unknown or all_unknown)",
                "primitives.yaml:158: uncertaintyRules[1].targets: 'all: true' cannot be combined with tags or labels");
    }

    @Test
    void familyPlaceholdersAndExpansion() {
        assertThat(errors("family-placeholders")).containsExactly(
                "derived.yaml:54: families[0].nameTemplate: unknown placeholder '{lable}' (over: values allows {value}, {label}, {definition})",
                "derived.yaml:62: families[1].over: unknown expansion 'pairs' (expected values or ordered_pairs)");
    }

    @Test
    void duplicateLabelAfterExpansion() {
        assertThat(errors("duplicate-label-after-expansion")).containsExactly(
                "derived.yaml:53: families[0].idTemplate: duplicate label id 'shot_size_start_is_wide' after expansion (first at line 23)");
    }

    @Test
    void undeclaredTemplateVariable() {
        assertThat(errors("undeclared-template-variable")).containsExactly(
                "prompts.yaml:15: templates[1].user: placeholder '{{caption}}' is not declared in variables");
    }

    @Test
    void unusedTemplateVariable() {
        assertThat(errors("unused-template-variable")).containsExactly(
                "prompts.yaml:26: templates[4].variables[1]: variable 'caption' is never used");
    }

    @Test
    void unbalancedSectionPointsAtTheOpeningLineInsideTheBlock() {
        assertThat(errors("unbalanced-section")).containsExactly(
                "prompts.yaml:9: templates[0].user: section '{{#approved_captions}}' is never closed");
    }

    @Test
    void missingRequiredTemplate() {
        assertThat(errors("missing-template")).containsExactly(
                "prompts.yaml:2: templates: missing required template 'revision'");
    }
}
