// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.app.ui.checklist.viewmodel.AnswerFile;
import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.checklist.viewmodel.GroupViewModel;
import io.chai.app.ui.checklist.viewmodel.Suggestion;
import io.chai.app.ui.edit.EditHistory;
import io.chai.common.UserFacingException;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist view model on the bundled specification, without a display. */
class ChecklistViewModelTest {
    private static final Specification SPEC = Specifications.bundled();
    private final EditHistory history = new EditHistory();
    private final ChecklistViewModel vm = new ChecklistViewModel(SPEC, history);

    private GroupViewModel group(String id) {
        return vm.group(id).orElseThrow();
    }

    @Test
    void everyFormAndEveryNonTextGroupIsOnTheFormOnce() {
        assertThat(vm.sections()).extracting(s -> s.form().id()).containsExactly("cam_setup", "cam_motion");
        long nonText = SPEC.groups().stream().filter(g -> g.kind() != PrimitiveKind.TEXT).count();
        assertThat(vm.groups()).hasSize((int) nonText);
        // each 'describe if complex' text group appears exactly once, under its last owner
        List<String> texts = vm.groups().stream().filter(g -> g.describeText() != null)
                .map(g -> g.describeText().id()).toList();
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(group("shot_size").describeText().id()).isEqualTo("shot_size_description");
        assertThat(group("complex_shot_type").describeText()).isNull();
        int required = SPEC.groups().stream().filter(g -> g.kind() != PrimitiveKind.TEXT)
                .mapToInt(g -> g.fields().size()).sum();
        assertThat(vm.requiredCount()).isEqualTo(required);
    }

    @Test
    void editsAreUndoableAndRedoable() {
        vm.set("camera_pan", "left_to_right");
        vm.set("camera_pan", "right_to_left");
        vm.set("shot_type", "human");
        assertThat(history.undo()).isTrue();
        assertThat(vm.get("shot_type")).isNull();
        assertThat(history.undo()).isTrue();
        assertThat(vm.get("camera_pan")).isEqualTo("left_to_right");
        assertThat(history.redo()).isTrue();
        assertThat(vm.get("camera_pan")).isEqualTo("right_to_left");
        vm.set("camera_tilt", "up");   // a new edit drops the redo stack
        assertThat(history.canRedoProperty().get()).isFalse();
        assertThat(history.undoDescription()).isEqualTo("set Tilt");
    }

    @Test
    void invalidValuesAreRefusedWithoutChangingAnything() {
        assertThatThrownBy(() -> vm.set("camera_pan", "sideways")).hasMessageContaining("not a value of group camera_pan");
        assertThatThrownBy(() -> vm.set("no_such_field", "x")).hasMessageContaining("no field 'no_such_field'");
        assertThatThrownBy(() -> vm.set("tracking_shot_types", Set.of("side", "moon")))
                .hasMessageContaining("does not have");
        assertThat(vm.answers()).isEmpty();
        assertThat(history.canUndoProperty().get()).isFalse();
    }

    @Test
    void shakeGreysOutTheDirectionQuestionsLiveAndUndoRestoresThem() {
        assertThat(group("camera_pan").greyedProperty().get()).isFalse();
        vm.set("steadiness", "very_unsteady");
        assertThat(group("camera_pan").greyedProperty().get()).isTrue();
        assertThat(group("camera_pan").uncertainReasonProperty().get()).startsWith("a 'no' here counts as unknown:");
        assertThat(group("camera_tilt").greyedProperty().get()).isTrue();
        assertThat(group("shot_type").greyedProperty().get()).isFalse();
        history.undo();
        assertThat(group("camera_pan").greyedProperty().get()).isFalse();
    }

    @Test
    void aShotTransitionMakesEveryDerivedLabelUnknown() {
        vm.set("shot_transition", Boolean.TRUE);
        assertThat(group("camera_pan").uncertainReasonProperty().get()).startsWith("answers here count as unknown:");
        assertThat(group("shot_size").greyedProperty().get()).isTrue();
    }

    @Test
    void violatedValidationsAreListedAndClearWhenFixed() {
        vm.set("camera_movement", "no");
        vm.set("camera_pan", "left_to_right");
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p).contains("every direction must be 'no'"));
        vm.set("camera_pan", "no");
        assertThat(vm.problems()).noneSatisfy(p -> assertThat(p).contains("every direction must be 'no'"));
    }

    @Test
    void completenessCountsAnswersIncludingUnsureAndUnchangedEnds() {
        assertThat(vm.completenessProperty().get()).isZero();
        vm.set("shot_size_start", "wide");          // the end is 'unchanged' until answered: both count
        assertThat(vm.answeredCountProperty().get()).isEqualTo(2);
        assertThat(group("shot_size").answeredProperty().get()).isTrue();
        vm.set("dolly_zoom", "unknown");            // unsure is an answer
        assertThat(vm.answeredCountProperty().get()).isEqualTo(3);
        assertThat(vm.specValues()).doesNotContainKey("dolly_zoom");   // but the specification sees it unset
        vm.set("shot_size_description", "  ");
        assertThat(vm.get("shot_size_description")).isNull();   // blank text clears
        // answer everything: 100 %
        for (PrimitiveGroup g : SPEC.groups()) {
            for (String f : g.fields()) {
                switch (g.kind()) {
                    case BOOLEAN -> vm.set(f, Boolean.FALSE);
                    case MULTI -> vm.set(f, Set.of());
                    case TEXT -> vm.set(f, "text");
                    default -> vm.set(f, g.values().get(0).id());
                }
            }
        }
        assertThat(vm.completenessProperty().get()).isEqualTo(1.0);
    }

    @Test
    void suggestionsAreOfferedAcceptedAsUndoableEditsOrDismissed() {
        vm.offerSuggestion(new Suggestion("camera_pan", "left_to_right", "motion analyzer", 0.8));
        assertThat(group("camera_pan").suggestions()).containsKey("camera_pan");
        assertThat(vm.acceptSuggestion("camera_pan")).isTrue();
        assertThat(vm.get("camera_pan")).isEqualTo("left_to_right");
        assertThat(group("camera_pan").suggestions()).isEmpty();
        history.undo();
        assertThat(vm.get("camera_pan")).isNull();
        vm.offerSuggestion(new Suggestion("camera_tilt", "up", "motion analyzer", Double.NaN));
        vm.dismissSuggestion("camera_tilt");
        assertThat(vm.acceptSuggestion("camera_tilt")).isFalse();
        assertThatThrownBy(() -> vm.offerSuggestion(new Suggestion("camera_tilt", "left", "x", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void greyingCoversExactlyTheGroupsWhoseFieldsTheTargetedLabelsRead() {
        // shake_hides_small_moves targets the 'directional' labels; the groups their pos/neg rules read, and no other
        vm.set("steadiness", "unsteady");
        List<String> greyed = vm.groups().stream().filter(g -> g.greyedProperty().get()).map(g -> g.group().id())
                .sorted().toList();
        assertThat(greyed).containsExactly("camera_arc", "camera_crane", "camera_forward_backward",
                "camera_forward_backward_cam_frame", "camera_left_right", "camera_pan", "camera_roll", "camera_tilt",
                "camera_up_down", "camera_up_down_cam_frame", "camera_zoom");
    }

    @Test
    void aGroupsSuggestionsAreAcceptedTogetherAsOneUndoableEdit() {
        vm.replaceSuggestions(List.of(new Suggestion("shot_size_start", "wide", "test", 0.7),
                new Suggestion("shot_size_end", "close_up", "test", 0.7),
                new Suggestion("camera_pan", "left_to_right", "test", 0.9, "evidence")));
        vm.set("shot_type", "human");
        assertThat(vm.acceptGroupSuggestions("shot_size")).isTrue();
        assertThat(vm.get("shot_size_start")).isEqualTo("wide");
        assertThat(vm.get("shot_size_end")).isEqualTo("close_up");
        assertThat(group("shot_size").suggestions()).isEmpty();
        assertThat(group("camera_pan").suggestions().get("camera_pan").detail()).isEqualTo("evidence");
        history.undo();   // one step undoes both fields
        assertThat(vm.get("shot_size_start")).isNull();
        assertThat(vm.get("shot_size_end")).isNull();
        assertThat(vm.get("shot_type")).isEqualTo("human");
        history.redo();
        assertThat(vm.snapshot()).containsEntry("shot_size_start", "wide").containsEntry("shot_size_end", "close_up");
        assertThat(vm.acceptGroupSuggestions("shot_size")).isFalse();
        vm.replaceSuggestions(List.of());   // a new analysis replaces what was pending
        assertThat(group("camera_pan").suggestions()).isEmpty();
        assertThatThrownBy(() -> vm.replaceSuggestions(List.of(new Suggestion("camera_pan", "sideways", "x", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selectionStartsOnTheFirstGroup() {
        assertThat(vm.selectedProperty().get().group().id()).isEqualTo("shot_type");
    }

    @Test
    void dirtyUntilTheSavedRevisionCatchesUp(@TempDir Path dir) {
        AnswerFile file = new AnswerFile(dir.resolve("a/answers.json"));
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.set("shot_type", "human");
        vm.set("tracking_shot_types", Set.of("side", "lead"));
        vm.set("has_overlays", "unknown");
        assertThat(vm.dirtyProperty().get()).isTrue();
        long rev = vm.revisionProperty().get();
        file.save("chai-spec 1.0.0", "clip.mp4", vm.snapshot());
        vm.set("camera_pan", "no");          // edited while saving: still dirty afterwards
        vm.markSaved(rev);
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.markSaved(vm.revisionProperty().get());
        assertThat(vm.dirtyProperty().get()).isFalse();

        ChecklistViewModel reopened = new ChecklistViewModel(SPEC, new EditHistory());
        reopened.load(file.load());
        assertThat(reopened.get("shot_type")).isEqualTo("human");
        assertThat(reopened.get("tracking_shot_types")).isEqualTo(Set.of("side", "lead"));
        assertThat(reopened.get("has_overlays")).isEqualTo("unknown");
        assertThat(reopened.get("camera_pan")).isNull();
        assertThat(reopened.dirtyProperty().get()).isFalse();
        assertThat(reopened.history().canUndoProperty().get()).isFalse();
    }

    @Test
    void anUnreadableAnswerFileIsKeptAsideAndReported(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("answers.json");
        Files.writeString(f, "{ not json");
        AnswerFile file = new AnswerFile(f);
        assertThatThrownBy(file::load).isInstanceOf(UserFacingException.class).hasMessageContaining("unreadable");
        assertThat(Files.exists(f)).isFalse();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .singleElement().asString().startsWith("answers.json.unreadable-");
        }
        assertThat(file.load()).isEqualTo(Map.of());
    }
}
