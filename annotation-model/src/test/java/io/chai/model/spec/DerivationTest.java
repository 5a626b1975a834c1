// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import static io.chai.model.spec.TriState.NO;
import static io.chai.model.spec.TriState.UNKNOWN;
import static io.chai.model.spec.TriState.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DerivationTest {
    private final Specification spec = SpecFixtures.loadValid();

    private TriState eval(String expr, Map<String, ?> stored) {
        return spec.compile(expr).eval(LabelValues.normalize(spec, stored));
    }

    @Test
    void kleeneTruthTables() {
        TriState[] all = TriState.values();
        // rows: YES, NO, UNKNOWN
        TriState[][] and = {{YES, NO, UNKNOWN}, {NO, NO, NO}, {UNKNOWN, NO, UNKNOWN}};
        TriState[][] or = {{YES, YES, YES}, {YES, NO, UNKNOWN}, {YES, UNKNOWN, UNKNOWN}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(all[i].and(all[j])).as("%s && %s", all[i], all[j]).isEqualTo(and[i][j]);
                assertThat(all[i].or(all[j])).as("%s || %s", all[i], all[j]).isEqualTo(or[i][j]);
            }
        }
        assertThat(YES.not()).isEqualTo(NO);
        assertThat(NO.not()).isEqualTo(YES);
        assertThat(UNKNOWN.not()).isEqualTo(UNKNOWN);
    }

    @Test
    void theParsedLanguageIsKleeneToo() {
        Map<String, Object> pan = Map.of("camera_pan", "left_to_right"); // movement unset
        assertThat(eval("camera_movement == no", pan)).isEqualTo(UNKNOWN);
        assertThat(eval("camera_movement == no && camera_pan == no", pan)).isEqualTo(NO);
        assertThat(eval("camera_movement == no || camera_pan == left_to_right", pan)).isEqualTo(YES);
        assertThat(eval("camera_movement == no || camera_pan == no", pan)).isEqualTo(UNKNOWN);
        assertThat(eval("!(camera_movement == no)", pan)).isEqualTo(UNKNOWN);
        assertThat(eval("!camera_pan == no", pan)).isEqualTo(YES);
        assertThat(eval("true && !false", pan)).isEqualTo(YES);
        // precedence: && binds tighter than ||
        assertThat(eval("camera_pan == left_to_right || camera_pan == no && false", pan)).isEqualTo(YES);
        assertThat(eval("(camera_pan == left_to_right || camera_pan == no) && false", pan)).isEqualTo(NO);
    }

    @Test
    void unknownIsNeverAGuessUnlessNamed() {
        Map<String, Object> s = Map.of("camera_pan", "unknown");
        assertThat(eval("camera_pan == no", s)).isEqualTo(UNKNOWN);
        assertThat(eval("camera_pan != no", s)).isEqualTo(UNKNOWN);
        assertThat(eval("camera_pan in [no, left_to_right]", s)).isEqualTo(UNKNOWN);
        assertThat(eval("camera_pan == unknown", s)).isEqualTo(YES);
        assertThat(eval("camera_pan in [no, unknown]", s)).isEqualTo(YES);
        assertThat(eval("camera_pan != unknown", s)).isEqualTo(NO);
        assertThat(eval("set(camera_pan)", s)).isEqualTo(NO);
        assertThat(eval("set(camera_pan)", Map.of())).isEqualTo(NO);
        assertThat(eval("camera_pan == unknown", Map.of())).isEqualTo(UNKNOWN);
        assertThat(eval("camera_pan != unknown", Map.of("camera_pan", "no"))).isEqualTo(YES);
    }

    @Test
    void booleanMultiAndTextFields() {
        assertThat(eval("has_overlays == true", Map.of("has_overlays", true))).isEqualTo(YES);
        assertThat(eval("has_overlays == \"false\"", Map.of("has_overlays", true))).isEqualTo(NO);
        assertThat(eval("has_overlays == true", Map.of())).isEqualTo(UNKNOWN);
        Map<String, Object> front = Map.of("tracking_shot_types", Set.of("front", "side"));
        assertThat(eval("tracking_shot_types contains side", front)).isEqualTo(YES);
        assertThat(eval("tracking_shot_types contains behind", front)).isEqualTo(NO);
        assertThat(eval("tracking_shot_types contains behind", Map.of())).isEqualTo(UNKNOWN);
        assertThat(eval("tracking_shot_types contains behind",
                Map.of("tracking_shot_types", List.of("front", "unknown")))).isEqualTo(UNKNOWN);
        assertThat(eval("set(tracking_shot_types)", Map.of("tracking_shot_types", Set.of()))).isEqualTo(YES);
        assertThat(eval("set(shot_type_description)", Map.of("shot_type_description", "  "))).isEqualTo(NO);
        assertThat(eval("set(shot_type_description)", Map.of("shot_type_description", "a drone"))).isEqualTo(YES);
    }

    @Test
    void rankComparesPositionsInTheOrderedList() {
        Map<String, Object> tighter = Map.of("shot_size_start", "wide", "shot_size_end", "close_up");
        assertThat(eval("rank(shot_size_end) > rank(shot_size_start)", tighter)).isEqualTo(YES);
        assertThat(eval("rank(shot_size_end) <= rank(shot_size_start)", tighter)).isEqualTo(NO);
        assertThat(eval("rank(shot_size_end) != rank(shot_size_start)", tighter)).isEqualTo(YES);
        assertThat(eval("rank(shot_size_end) > rank(shot_size_start)",
                Map.of("shot_size_start", "unknown"))).isEqualTo(UNKNOWN);
    }

    @Test
    void endNormalisationCopiesTheStartAndRecordsIt() {
        PrimitiveGroup size = spec.group("shot_size").orElseThrow();
        LabelValues unset = LabelValues.normalize(spec, Map.of("shot_size_start", "medium"));
        assertThat(unset.scalar("shot_size_end")).isEqualTo("medium");
        assertThat(unset.endWasNa(size)).isTrue();
        LabelValues na = LabelValues.normalize(spec, Map.of("shot_size_start", "wide", "shot_size_end", "unknown"));
        assertThat(na.scalar("shot_size_end")).isEqualTo("wide");
        assertThat(na.asMap()).containsEntry("shot_size_end_was_na", true);
        LabelValues real = LabelValues.normalize(spec, Map.of("shot_size_start", "wide", "shot_size_end", "medium"));
        assertThat(real.scalar("shot_size_end")).isEqualTo("medium");
        assertThat(real.endWasNa(size)).isFalse();
        assertThat(LabelValues.normalize(spec, Map.of()).scalar("shot_size_end")).isNull();
        // normalising the normalised map again is stable
        assertThat(LabelValues.normalize(spec, na.asMap()).asMap()).isEqualTo(na.asMap());

        DerivedLabels d = spec.derive(Map.of("shot_size_start", "wide", "shot_size_end", "unknown"));
        assertThat(d.get("gets_tighter")).isEqualTo(NO);
        assertThat(d.get("shot_size_wide_to_medium")).isEqualTo(NO);
        assertThat(d.get("shot_size_start_is_wide")).isEqualTo(YES);
    }

    @Test
    void familiesExpandToOneLabelPerValueOrOrderedPair() {
        Map<String, Object> stored = Map.of("shot_size_start", "wide", "shot_size_end", "close_up");
        DerivedLabels d = spec.derive(stored);
        assertThat(d.get("shot_size_start_is_wide")).isEqualTo(YES);
        assertThat(d.get("shot_size_start_is_medium")).isEqualTo(NO);
        assertThat(d.get("shot_size_wide_to_close_up")).isEqualTo(YES);
        assertThat(d.get("shot_size_close_up_to_wide")).isEqualTo(NO);
        assertThat(d.get("shot_size_medium_to_wide")).isEqualTo(NO);
        assertThat(spec.labels().stream().filter(l -> "shot_size_change".equals(l.family())).map(DerivedLabel::id))
                .containsExactly("shot_size_wide_to_medium", "shot_size_wide_to_close_up", "shot_size_medium_to_wide",
                        "shot_size_medium_to_close_up", "shot_size_close_up_to_wide", "shot_size_close_up_to_medium");
    }

    @Test
    void labelsAreYesNoOrUnknownFromPosAndNeg() {
        DerivedLabels d = spec.derive(Map.of("camera_movement", "minor", "camera_pan", "left_to_right",
                "steadiness", "steady", "has_overlays", false, "tracking_shot_types", Set.of("behind"),
                "shot_type", "complex", "shot_type_description", "a drone shot"));
        assertThat(d.get("has_pan_right")).isEqualTo(YES);
        assertThat(d.get("has_pan_left")).isEqualTo(NO);
        assertThat(d.get("is_static")).isEqualTo(NO);
        assertThat(d.get("has_overlays")).isEqualTo(NO);
        assertThat(d.get("tracks_from_front")).isEqualTo(NO);
        assertThat(d.get("shot_type_described")).isEqualTo(YES);
        assertThat(d.get("gets_tighter")).isEqualTo(UNKNOWN);
        assertThat(d.applied()).isEmpty();
        assertThat(d.states()).hasSize(spec.labels().size());
        assertThatThrownBy(() -> d.get("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsteadyTurnsDirectionalNoIntoUnknownButKeepsYes() {
        Map<String, Object> stored = new HashMap<>(Map.of("camera_movement", "minor", "camera_pan", "left_to_right",
                "steadiness", "unsteady"));
        DerivedLabels d = spec.derive(stored);
        assertThat(d.applied()).containsExactly("shake_hides_small_moves");
        assertThat(d.get("has_pan_right")).isEqualTo(YES);
        assertThat(d.base().get("has_pan_left")).isEqualTo(NO);
        assertThat(d.get("has_pan_left")).isEqualTo(UNKNOWN);
        // is_static is tagged directional but excepted by label
        assertThat(d.get("is_static")).isEqualTo(NO);
        // not a target: stays as derived
        assertThat(d.get("has_overlays")).isEqualTo(UNKNOWN);

        stored.put("steadiness", "steady");
        assertThat(spec.derive(stored).get("has_pan_left")).isEqualTo(NO);
        stored.remove("steadiness"); // an unknown condition does not apply the rule
        assertThat(spec.derive(stored).get("has_pan_left")).isEqualTo(NO);
    }

    @Test
    void allUnknownRuleAppliesToEveryTarget() {
        DerivedLabels d = spec.derive(Map.of("camera_pan", "no"));
        assertThat(d.applied()).containsExactly("unknown_movement");
        assertThat(d.base().get("is_static")).isEqualTo(UNKNOWN);
        DerivedLabels moving = spec.derive(Map.of("camera_pan", "left_to_right"));
        assertThat(moving.base().get("is_static")).isEqualTo(NO);
        assertThat(moving.get("is_static")).isEqualTo(UNKNOWN);
    }

    @Test
    void validationsReportOnlyDefiniteViolations() {
        assertThat(spec.violations(Map.of("camera_movement", "no", "camera_pan", "left_to_right")))
                .extracting(Validation::id).containsExactly("no_movement_no_directions");
        assertThat(spec.violations(Map.of("camera_movement", "no", "camera_pan", "no"))).isEmpty();
        assertThat(spec.violations(Map.of("camera_movement", "no"))).isEmpty();
        assertThat(spec.violations(Map.of("camera_movement", "no", "camera_pan", "unknown"))).isEmpty();
    }

    @Test
    void badStoredValuesAreClearUserErrors() {
        assertThatThrownBy(() -> spec.derive(Map.of("camera_pan", "leftt")))
                .isInstanceOf(LabelValueException.class)
                .hasMessage("label value for camera_pan: 'leftt' is not a value of group camera_pan");
        assertThatThrownBy(() -> spec.derive(Map.of("camera_pann", "no")))
                .hasMessage("label value for 'camera_pann': no group of specification test-spec 1.2.0 declares this field");
        assertThatThrownBy(() -> spec.derive(Map.of("has_overlays", "yes")))
                .hasMessage("label value for has_overlays: expected true or false but got 'yes'");
        assertThatThrownBy(() -> spec.derive(Map.of("tracking_shot_types", "front")))
                .hasMessage("label value for tracking_shot_types: expected a set of value ids but got 'front'");
    }

    @Test
    void compileReportsColumns() {
        assertThatThrownBy(() -> spec.compile("camera_pan == no && camera_pan == leftt"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("unknown value 'leftt' for field camera_pan at column 35");
        assertThatThrownBy(() -> spec.compile("camera_pan == no)")).hasMessage("unexpected ')' at column 17");
        assertThatThrownBy(() -> spec.compile("camera_pan == 'no")).hasMessage("unterminated string at column 15");
        assertThatThrownBy(() -> spec.compile("tracking_shot_types == front"))
                .hasMessage("'==' on multi-select field tracking_shot_types (use contains) at column 21");
        assertThatThrownBy(() -> spec.compile("rank(shot_size_start) < rank(steadiness)"))
                .hasMessage("rank() compares fields of different groups (shot_size, steadiness) at column 30");
        assertThatThrownBy(() -> spec.compile("camera_pan in [no, left_to_right")).hasMessage(
                "expected ']' but found end of expression at column 33");
        assertThatThrownBy(() -> spec.compile("")).hasMessage("empty expression at column 1");
    }
}
