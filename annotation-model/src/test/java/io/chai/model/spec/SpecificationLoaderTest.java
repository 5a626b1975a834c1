// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecificationLoaderTest {

    @Test
    void loadsTheValidFixtureWithEveryPart() {
        Specification s = SpecFixtures.loadValid();
        assertThat(s.id()).isEqualTo("test-spec");
        assertThat(s.version()).isEqualTo(new SemanticVersion(1, 2, 0));
        assertThat(s.sentinel()).isEqualTo("No edits needed.");
        assertThat(s.aspects()).extracting(Aspect::id).containsExactly("subject", "scene", "motion", "spatial", "camera");
        assertThat(s.aspect("spatial").orElseThrow().dependsOn()).containsExactly("subject", "scene");
        assertThat(s.aspect("motion").orElseThrow().onShotTransition()).isEqualTo(ShotTransitionPolicy.EXCLUDE);
        assertThat(s.aspect("subject").orElseThrow().captionKey("type").orElseThrow().rules())
                .containsExactly("Main subjects only.");
        assertThat(s.forms()).extracting(Form::id).containsExactly("cam_setup", "cam_motion");

        PrimitiveGroup size = s.groupByField("shot_size_end").orElseThrow();
        assertThat(size.id()).isEqualTo("shot_size");
        assertThat(size.kind()).isEqualTo(PrimitiveKind.START_END);
        assertThat(size.ordered()).isTrue();
        assertThat(size.rank("close_up")).isEqualTo(2);
        assertThat(size.tutorial().lookFor()).isEqualTo("How much of the subject fills the frame.");
        assertThat(size.endWasNaField()).isEqualTo("shot_size_end_was_na");

        PrimitiveGroup pan = s.group("camera_pan").orElseThrow();
        assertThat(pan.defaultValue()).contains("no");
        assertThat(pan.value("left_to_right").orElseThrow().label()).isEqualTo("Pan right");
        assertThat(s.valuesOf("has_overlays")).extracting(PrimitiveValue::id).containsExactly("true", "false");
        assertThat(s.group("has_overlays").orElseThrow().defaultValue()).contains("false");
        assertThat(s.group("shot_type").orElseThrow().describeIfComplex()).isEqualTo("shot_type_description");
        assertThat(s.valuesOf("shot_type_description")).isEmpty();
        assertThat(s.groupsOfForm("cam_motion")).extracting(PrimitiveGroup::id)
                .containsExactly("steadiness", "camera_movement", "camera_pan", "tracking_shot_types");

        // 7 explicit labels, 3 from over: values (unknown excluded), 3*2 ordered pairs
        assertThat(s.labels()).hasSize(7 + 3 + 6);
        DerivedLabel start = s.label("shot_size_start_is_close_up").orElseThrow();
        assertThat(start.name()).isEqualTo("Starts Close-up");
        assertThat(start.definition()).isEqualTo("The clip opens at Close-up shot size: The face fills most of the frame.");
        assertThat(start.posSource()).isEqualTo("shot_size_start == close_up");
        assertThat(start.family()).isEqualTo("shot_size_start_is");
        DerivedLabel pair = s.label("shot_size_wide_to_medium").orElseThrow();
        assertThat(pair.question()).isEqualTo("Does the shot go from Wide to Medium?");
        assertThat(pair.tags()).containsExactly("framing", "change");
        assertThat(s.label("shot_size_unknown_to_wide")).isEmpty();

        assertThat(s.validations()).extracting(Validation::id).containsExactly("no_movement_no_directions");
        assertThat(s.uncertaintyRules()).extracting(UncertaintyRule::effect)
                .containsExactly(UncertaintyEffect.NEGATIVES_UNKNOWN, UncertaintyEffect.ALL_UNKNOWN);
        assertThat(s.policy().forAspect("subject").examples()).hasSize(1);
        assertThat(s.templates()).extracting(PromptTemplate::id).containsExactlyElementsOf(PromptTemplate.REQUIRED);
        assertThat(s.template("revision").orElseThrow().user()).isEqualTo("Caption: {{caption}}\nCritique: {{critique}}");
    }

    @Test
    void statsCountEnumeratedValuesAndExpandedLabels() {
        SpecStats st = SpecStats.of(SpecFixtures.loadValid());
        assertThat(st.aspects()).isEqualTo(5);
        assertThat(st.captionKeys()).isEqualTo(10);
        assertThat(st.groups()).isEqualTo(8);
        // shot_type 3 + shot_size 4 + steadiness 4 + movement 3 + pan 4 + tracking 4
        assertThat(st.values()).isEqualTo(22);
        assertThat(st.yesNoPrimitives()).isEqualTo(16);
        assertThat(st.booleanGroups()).isEqualTo(1);
        assertThat(st.textGroups()).isEqualTo(1);
        assertThat(st.families()).isEqualTo(2);
    }

    @Test
    void loadsFromAManifestPathAndFromTheClasspath() {
        Specification byFile = Specifications.load(SpecFixtures.valid().resolve("spec.yaml"));
        Specification byClasspath = Specifications.fromClasspath(getClass().getClassLoader(), "spec/valid");
        assertThat(byFile.labels()).hasSameSizeAs(byClasspath.labels());
        assertThat(SpecificationJson.toJson(byFile)).isEqualTo(SpecificationJson.toJson(byClasspath));
    }

    @Test
    void aMissingPathIsOneClearError(@TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> Specifications.load(missing))
                .isInstanceOf(SpecificationException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    @Test
    void aDirectoryWithoutManifestSaysWhere(@TempDir Path tmp) {
        assertThatThrownBy(() -> Specifications.load(tmp))
                .hasMessage("spec.yaml: specification manifest not found in " + tmp.toAbsolutePath().normalize());
    }

    @Test
    void aMissingListedFileNamesTheManifestLine(@TempDir Path tmp) throws Exception {
        SpecFixtures.copy(SpecFixtures.valid(), tmp);
        Files.delete(tmp.resolve("derived.yaml"));
        SpecificationException e = catchSpec(tmp);
        assertThat(e.lines()).containsExactly("spec.yaml:6: files[2]: file 'derived.yaml' not found in " + tmp);
    }

    @Test
    void tabsAndAliasesAreReportedAtTheirLine(@TempDir Path tmp) throws Exception {
        SpecFixtures.copy(SpecFixtures.valid(), tmp);
        Files.writeString(tmp.resolve("policies.yaml"), "common:\n  - \"One paragraph.\"\naspects:\n\tsubject: {}\n");
        Path prompts = tmp.resolve("prompts.yaml");
        Files.writeString(prompts, Files.readString(prompts)
                .replace("description: Polish a critique.", "description: &d Polish a critique.")
                .replace("description: Write a critique.", "description: *d"));
        assertThat(catchSpec(tmp).lines()).containsExactly(
                "policies.yaml:4: YAML syntax error: while scanning for the next token; found character '\\t(TAB)' "
                        + "that cannot start any token. (Do not use \\t(TAB) for indentation)",
                "prompts.yaml:21: templates[3].description: YAML aliases (*d) are not supported: write the value out");
    }

    @Test
    void theExceptionSummarisesAndKeepsEveryError() {
        SpecificationException e = new SpecificationException(List.of(
                new SpecificationError("a.yaml", 3, "x", "bad"), new SpecificationError("b.yaml", 0, "", "worse"),
                new SpecificationError("c.yaml", 1, "y[0]", "worst")));
        assertThat(e.getMessage()).isEqualTo("a.yaml:3: x: bad (and 2 more)");
        assertThat(e.lines()).containsExactly("a.yaml:3: x: bad", "b.yaml: worse", "c.yaml:1: y[0]: worst");
        assertThat(e).isInstanceOf(io.chai.common.UserFacingException.class);
    }

    static SpecificationException catchSpec(Path dir) {
        try {
            Specifications.load(dir);
        } catch (SpecificationException e) {
            return e;
        }
        throw new AssertionError("expected " + dir + " to fail loading");
    }
}
