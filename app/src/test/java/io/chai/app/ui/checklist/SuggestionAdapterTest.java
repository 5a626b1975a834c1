// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.checklist.viewmodel.ClipAnalyzer;
import io.chai.app.ui.checklist.viewmodel.LabelEvidence;
import io.chai.app.ui.checklist.viewmodel.Suggestion;
import io.chai.app.ui.checklist.viewmodel.SuggestionAdapter;
import io.chai.app.ui.edit.EditHistory;
import io.chai.inference.analyzers.motion.CameraMotion;
import io.chai.inference.analyzers.motion.SyntheticMotionClips;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Recipe;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Texture;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.model.spec.DerivedLabels;
import io.chai.model.spec.LabelValues;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.spec.TriState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The analyzer → checklist adapter on the real analyzers' output for ffmpeg-generated clips with a known camera
 * motion (and burnt-in text), and on the bundled specification's derived labels.
 */
class SuggestionAdapterTest {
    static final Specification SPEC = Specifications.bundled();
    static final SyntheticMotionClips CLIPS = new SyntheticMotionClips(FfmpegCli.locate(),
            Path.of("target", "suggestion-test-clips").toAbsolutePath());
    private final SuggestionAdapter adapter = new SuggestionAdapter(SPEC);
    private final ClipAnalyzer analyzer = new ClipAnalyzer(null);

    private static Map<String, Object> byField(List<Suggestion> s) {
        Map<String, Object> m = new HashMap<>();
        s.forEach(x -> m.put(x.field(), x.value()));
        return m;
    }

    @Test
    void aGeneratedPanRightBecomesCameraPanLeftToRightAndNoOverlays() throws Exception {
        Path clip = CLIPS.clip(new Recipe(CameraMotion.PAN_RIGHT, Texture.MANDELBROT, 0.16, 2.0));
        List<String> steps = new ArrayList<>();
        ClipAnalyzer.Result r = analyzer.analyze(clip, CancellationToken.NONE, steps::add);
        assertThat(steps).containsExactly("motion", "overlays");
        assertThat(r.evidence()).extracting(LabelEvidence::labelId).containsExactly("has_pan_right", "has_overlays");
        assertThat(r.evidence().get(1).holds()).isFalse();

        List<Suggestion> s = adapter.suggestions(r.evidence(), Map.of());
        assertThat(byField(s)).containsExactlyInAnyOrderEntriesOf(Map.of("camera_pan", "left_to_right",
                "has_overlays", false));
        Suggestion pan = s.stream().filter(x -> x.field().equals("camera_pan")).findFirst().orElseThrow();
        assertThat(pan.source()).isEqualTo("motion analysis: pan right");
        assertThat(pan.confidence()).isEqualTo(r.evidence().get(0).confidence()).isGreaterThan(0.5);
        assertThat(pan.detail()).startsWith("Geometric motion analysis suggests: pan right");

        // accepted on the checklist, the specification derives the analyzer's label: YES
        ChecklistViewModel vm = new ChecklistViewModel(SPEC, new EditHistory());
        vm.replaceSuggestions(s);
        assertThat(vm.acceptGroupSuggestions("camera_pan")).isTrue();
        assertThat(vm.acceptGroupSuggestions("has_overlays")).isTrue();
        DerivedLabels d = SPEC.derive(LabelValues.normalize(SPEC, vm.specValues()));
        assertThat(d.get("has_pan_right")).isEqualTo(TriState.YES);
        assertThat(d.get("has_overlays")).isEqualTo(TriState.NO);

        // the same clip again: the cached result, no analyzer runs
        List<String> again = new ArrayList<>();
        assertThat(analyzer.analyze(clip, CancellationToken.NONE, again::add)).isSameAs(r);
        assertThat(again).isEmpty();
        assertThat(analyzer.cached(clip)).containsSame(r);
    }

    @Test
    void aGeneratedZoomInAndAStaticCameraMapToTheirFields() throws Exception {
        ClipAnalyzer.Result zoom = analyzer.analyze(CLIPS.clip(new Recipe(CameraMotion.ZOOM_IN, Texture.TESTSRC2,
                0.25, 2.0)), CancellationToken.NONE, x -> { });
        assertThat(byField(adapter.suggestions(zoom.evidence(), Map.of()))).containsEntry("camera_zoom", "in")
                .doesNotContainKeys("camera_pan", "steadiness");

        ClipAnalyzer.Result still = analyzer.analyze(CLIPS.clip(new Recipe(CameraMotion.STATIC,
                Texture.LIVE_TESTSRC2, 0, 2.0)), CancellationToken.NONE, x -> { });
        assertThat(still.evidence().get(0).labelId()).isEqualTo("fixed_camera");
        Map<String, Object> fields = byField(adapter.suggestions(still.evidence(), Map.of()));
        // fixed_camera: steadiness == static && camera_movement == no
        assertThat(fields).containsEntry("steadiness", "static").containsEntry("camera_movement", "no");
        // a field already answered that way is not suggested again
        assertThat(byField(adapter.suggestions(still.evidence(), Map.of("steadiness", "static"))))
                .doesNotContainKey("steadiness").containsEntry("camera_movement", "no");
    }

    @Test
    void burntInTextOverAMovingSceneSuggestsOverlays() throws Exception {
        Path base = CLIPS.clip(new Recipe(CameraMotion.PAN_RIGHT, Texture.MANDELBROT, 0.16, 2.0));
        ClipAnalyzer.Result r = analyzer.analyze(CLIPS.withText(base), CancellationToken.NONE, x -> { });
        assertThat(byField(adapter.suggestions(r.evidence(), Map.of()))).containsEntry("has_overlays", true)
                .containsEntry("camera_pan", "left_to_right");
    }

    @Test
    void everyLabelTheAnalyzersNameMapsToAnswersThatDeriveIt() {
        for (CameraMotion m : CameraMotion.values()) {
            Map<String, Object> answers = adapter.answersFor(m.labelId(), true).orElseThrow(() ->
                    new AssertionError(m.labelId() + " has no answer"));
            DerivedLabels d = SPEC.derive(LabelValues.normalize(SPEC, answers));
            assertThat(d.get(m.labelId())).as(m.labelId() + " from " + answers).isEqualTo(TriState.YES);
        }
        // shaky: the mildest shaky steadiness of the ordered group
        assertThat(adapter.answersFor("shaky_camera", true)).contains(Map.of("steadiness", "unsteady"));
        // a multi field: contains adds to what is there, never drops an answer
        assertThat(adapter.answersFor("has_subtitle_overlay", true))
                .contains(Map.of("has_overlays", true, "overlay_types", Set.of("subtitle")));
        List<Suggestion> s = adapter.suggestions(List.of(new LabelEvidence("has_subtitle_overlay", true, 0.6, "t",
                "")), Map.of("overlay_types", Set.of("title")));
        assertThat(byField(s)).containsEntry("overlay_types", Set.of("title", "subtitle"));
        // a label whose rule names no single answer, or an unknown label: nothing
        assertThat(adapter.answersFor("has_pan_right", false)).isEmpty();   // camera_pan != left_to_right
        assertThat(adapter.answersFor("no_such_label", true)).isEmpty();
    }

    @Test
    void theMostConfidentEvidenceWinsAField() {
        List<Suggestion> s = adapter.suggestions(List.of(
                new LabelEvidence("has_pan_left", true, 0.3, "weak", ""),
                new LabelEvidence("has_pan_right", true, 0.8, "strong", "")), Map.of());
        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.value()).isEqualTo("left_to_right");
            assertThat(x.source()).isEqualTo("strong");
        });
    }

    @Test
    void aCancelledAnalysisStopsWithCancellation() throws Exception {
        Path clip = CLIPS.clip(new Recipe(CameraMotion.TILT_UP, Texture.BLOBS, 0.16, 2.0));
        CancellationToken token = new CancellationToken();
        token.cancel();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyzer.analyze(clip, token, x -> { }))
                .isInstanceOf(CancellationException.class);
        assertThat(analyzer.cached(clip)).isEmpty();
    }
}
