// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.common.UserFacingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation and behaviour of the domain value types. */
class DomainValuesTest {
    private static final Instant T = Instant.parse("2026-01-31T10:15:30Z");
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aspectsInFixedOrderWithKeysAndTaskIds() {
        assertThat(Aspect.values()).containsExactly(Aspect.SUBJECT, Aspect.SCENE, Aspect.MOTION, Aspect.SPATIAL,
                Aspect.CAMERA);
        assertThat(List.of(Aspect.values())).extracting(Aspect::key)
                .containsExactly("subject", "scene", "motion", "spatial", "camera");
        assertThat(List.of(Aspect.values())).extracting(Aspect::taskId).containsExactly("subject_description",
                "scene_composition_dynamics", "subject_motion_dynamics", "spatial_framing_dynamics",
                "camera_framing_dynamics");
        assertThat(Aspect.fromKey("spatial")).isEqualTo(Aspect.SPATIAL);
        assertThat(Aspect.fromTaskId("camera_framing_dynamics")).isEqualTo(Aspect.CAMERA);
        assertThatThrownBy(() -> Aspect.fromKey("Subject"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Unknown aspect 'Subject'; expected one of subject, scene, motion, spatial, camera.");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, 100})
    void ratingOutsideOneToFiveIsRefused(int score) {
        assertThatThrownBy(() -> Rating.of(score))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("A rating is a whole number from 1 to 5, got " + score + ".");
    }

    @Test
    void ratingFaces() {
        assertThat(List.of(1, 2, 3, 4, 5)).extracting(s -> Rating.of(s).face())
                .containsExactly("😞", "🙁", "😐", "🙂", "😀");
        assertThat(Rating.fromFace("🙂")).isEqualTo(Rating.of(4));
        assertThat(Rating.of(5).isPerfect()).isTrue();
        assertThat(Rating.of(5).feedbackIsNeeded()).isFalse();
        assertThat(Rating.of(4).feedbackIsNeeded()).isTrue();
        assertThatThrownBy(() -> Rating.fromFace(":)")).hasMessage("Unknown rating face ':)'; expected one of 😞 🙁 😐 🙂 😀.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015adz",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
    void badClipHashIsRefused(String hex) {
        assertThatThrownBy(() -> ClipId.of(hex))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Clip id '" + hex + "' is not a SHA-256 content hash (64 lowercase hexadecimal digits).");
    }

    @Test
    void clipIdIsTheSha256OfTheBytes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("clip.bin");
        Files.writeString(f, "abc");
        assertThat(ClipId.hashFile(f).hex()).isEqualTo(ABC_SHA256);
        assertThat(ClipId.hash(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))).hex())
                .isEqualTo(ABC_SHA256);
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Files.write(f, big);
        assertThat(ClipId.hashFile(f).hex()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(big)));
        assertThat(ClipId.of(ABC_SHA256).shortForm()).isEqualTo("ba7816bf8f01");
        assertThatThrownBy(() -> ClipId.fromDigest(new byte[31])).hasMessage("A SHA-256 digest has 32 bytes, got 31.");
        assertThatThrownBy(() -> ClipId.of(null)).hasMessage("Clip id is missing.");
    }

    @Test
    void clipPathsStayRelativeAndInside() {
        ClipId id = ClipId.of(ABC_SHA256);
        assertThat(Clip.of(id, "Shot 1", "day1\\shot 1.mp4").mediaPath()).isEqualTo("day1/shot 1.mp4");
        assertThatThrownBy(() -> Clip.of(id, "x", "/abs/x.mp4"))
                .hasMessage("Clip media path '/abs/x.mp4' must be relative to the project's media folder, not absolute.");
        assertThatThrownBy(() -> Clip.of(id, "x", "C:\\clips\\x.mp4")).hasMessageContaining("not absolute");
        assertThatThrownBy(() -> Clip.of(id, "x", "a/../../x.mp4"))
                .hasMessage("Clip media path 'a/../../x.mp4' must stay inside the project's media folder (no '..').");
        assertThatThrownBy(() -> Clip.of(id, "x", "a//x.mp4")).hasMessage("Clip media path 'a//x.mp4' has an empty path segment.");
        assertThatThrownBy(() -> Clip.of(id, " ", "x.mp4")).hasMessage("Clip display name must not be empty.");
        Clip c = Clip.of(id, "x", "x.mp4").withTags(List.of("night", "drone", "night"));
        assertThat(c.tags()).containsExactly("drone", "night");
        assertThatThrownBy(() -> c.withTags(List.of(" "))).hasMessage("Clip tag must not be empty.");
    }

    @Test
    void mediaSummaryValidation() {
        assertThatThrownBy(() -> new MediaSummary(Duration.ZERO, 25, 1920, 1080))
                .hasMessage("Clip duration must be positive, got PT0S.");
        assertThatThrownBy(() -> new MediaSummary(Duration.ofSeconds(1), Double.NaN, 1920, 1080))
                .hasMessage("Clip frame rate must be a positive number, got NaN.");
        assertThatThrownBy(() -> new MediaSummary(Duration.ofSeconds(1), 25, 0, 1080))
                .hasMessage("Clip size must be positive, got 0x1080.");
    }

    @Test
    void userIds() {
        assertThat(UserId.of("Jane Doe").value()).isEqualTo("Jane Doe");
        assertThatThrownBy(() -> UserId.of(" jane")).hasMessage("User id ' jane' must not start or end with spaces.");
        assertThatThrownBy(() -> UserId.of("")).hasMessage("User id must not be empty.");
        assertThatThrownBy(() -> UserId.of("a\tb")).hasMessage("User id must not contain control characters.");
        User u = User.of("sam", Role.ADMIN, Role.ANNOTATOR);
        assertThat(u.roles()).containsExactly(Role.ANNOTATOR, Role.ADMIN);
        assertThat(u.has(Role.REVIEWER)).isFalse();
    }

    @Test
    void critiqueItemOffsets() {
        String caption = "A man in a red coat walks left.";
        CritiqueItem item = CritiqueItem.of(caption, 11, 19, CritiqueItem.ErrorType.IMPRECISION, "blue");
        assertThat(item.text()).isEqualTo("red coat");
        item.checkAnchoredIn(caption);
        assertThatThrownBy(() -> new CritiqueItem(-1, 3, "abcd", "", CritiqueItem.ErrorType.WRITING, ""))
                .hasMessage("Critique span start must not be negative, got -1.");
        assertThatThrownBy(() -> new CritiqueItem(5, 5, "", "", CritiqueItem.ErrorType.WRITING, ""))
                .hasMessage("Critique span end (5) must be after its start (5).");
        assertThatThrownBy(() -> new CritiqueItem(0, 4, "abc", "", CritiqueItem.ErrorType.WRITING, ""))
                .hasMessage("Critique span 0–4 covers 4 characters but quotes 3.");
        assertThatThrownBy(() -> CritiqueItem.of(caption, 20, 40, CritiqueItem.ErrorType.OMISSION, ""))
                .hasMessage("Critique span 20–40 lies outside the caption (31 characters).");
        CritiqueItem elsewhere = new CritiqueItem(28, 32, "left", "", CritiqueItem.ErrorType.IMPRECISION, "");
        assertThatThrownBy(() -> elsewhere.checkAnchoredIn(caption))
                .hasMessage("Critique span 28–32 lies outside the pre-caption (31 characters).");
        assertThatThrownBy(() -> new CritiqueItem(0, 1, "A", null, null, null)).hasMessage("Critique error type is missing.");
    }

    @Test
    void critiqueAndCaptionPairsTheirProvenance() {
        Provenance p = provenance();
        assertThatThrownBy(() -> new Critique("raw", Optional.of("polished"), Optional.empty(), "polished", List.of()))
                .hasMessage("A polished critique and its polisher provenance go together.");
        assertThatThrownBy(() -> Critique.typed(" ", List.of())).hasMessage("Critique must not be empty.");
        Critique c = Critique.typed("raw text", List.of()).withPolished("Polished text.", p);
        assertThat(c.raw()).isEqualTo("raw text");
        assertThat(c.finalText()).isEqualTo("Polished text.");
        assertThatThrownBy(() -> new PostCaption("x", Optional.empty(), Optional.of(p), false))
                .hasMessage("A revised caption and its reviser provenance go together.");
        PostCaption revised = PostCaption.revisedBy("New caption.", p);
        assertThat(revised.editedTo("Edited.").manuallyEdited()).isTrue();
        assertThat(revised.editedTo("Edited.").editedTo("New caption.").manuallyEdited()).isFalse();
    }

    @Test
    void provenanceAndSamplingValidation() {
        assertThatThrownBy(() -> new Sampling(OptionalDouble.of(-0.1), null, null, null))
                .hasMessage("Temperature must be 0 or more, got -0.1.");
        assertThatThrownBy(() -> new Sampling(null, OptionalDouble.of(0), null, null))
                .hasMessage("top_p must be in (0, 1], got 0.0.");
        assertThatThrownBy(() -> new Sampling(null, null, OptionalInt.of(0), null))
                .hasMessage("max_tokens must be positive, got 0.");
        Sampling s = new Sampling(null, null, null, null);
        assertThat(s).isEqualTo(Sampling.DEFAULTS);
        assertThatThrownBy(() -> new Provenance("m", "s", "openai", Optional.empty(), "p", InputMode.VIDEO, s,
                List.of(-1L), Duration.ZERO, null, null, T)).hasMessage("Frame index must not be negative, got -1.");
        assertThatThrownBy(() -> new Provenance(" ", "s", "openai", Optional.empty(), "p", InputMode.VIDEO, s,
                List.of(), Duration.ZERO, null, null, T)).hasMessage("Model id must not be empty.");
        assertThat(InputMode.fromLabel("Image (3 frames)")).isEqualTo(InputMode.THREE_FRAMES);
        assertThatThrownBy(() -> InputMode.fromLabel("video")).hasMessageStartingWith("Unknown input mode 'video'");
    }

    @Test
    void preCaptionSources() {
        PreCaption generated = PreCaption.generated("A caption.", provenance());
        assertThat(generated.source()).isEqualTo(PreCaption.Source.MODEL);
        assertThat(generated.sourceName()).isEqualTo("gemini-2.5-pro");
        PreCaption imported = PreCaption.imported("A caption.", "ShareGPT4Video", T);
        assertThat(imported.provenance()).isEmpty();
        assertThatThrownBy(() -> new PreCaption("A caption.", PreCaption.Source.MODEL, "m", Optional.empty(), T))
                .hasMessage("A model-written pre-caption needs its provenance (model, prompt, mode).");
    }

    @Test
    void reviewNeedsRedoExactlyOnRejection() {
        UserId rex = UserId.of("rex");
        assertThatThrownBy(() -> new Review(rex, Review.Decision.REJECT, Optional.empty(), T, Optional.empty()))
                .hasMessage("A rejection needs the reviewer's own critique and caption.");
        Redo redo = new Redo(Rating.of(2), Critique.typed("Blue coat.", List.of()), PostCaption.handWritten("Blue."));
        assertThatThrownBy(() -> new Review(rex, Review.Decision.APPROVE, Optional.empty(), T, Optional.of(redo)))
                .hasMessage("An approval carries no replacement critique or caption.");
        assertThat(new Review(rex, Review.Decision.REJECT, Optional.empty(), T, Optional.of(redo)).reviewerDoubleCheck())
                .isFalse();
    }

    @Test
    void labelValues() {
        assertThatThrownBy(() -> new LabelValue.Choice("Left To Right"))
                .hasMessage("Choice value 'Left To Right' is not a snake_case identifier (lowercase letters, digits,"
                        + " underscores).");
        assertThat(new LabelValue.StartEnd("medium", "unknown", false))
                .isEqualTo(LabelValue.StartEnd.unchanged("medium"));
        assertThat(LabelValue.StartEnd.unchanged("medium").end()).isEqualTo("medium");
        assertThatThrownBy(() -> new LabelValue.StartEnd("medium", "close_up", true))
                .hasMessage("End value 'close_up' contradicts 'unchanged' (start is 'medium').");
        assertThatThrownBy(() -> new LabelValue.StartEnd("medium", null, false))
                .hasMessage("End value is missing; answer it, or mark it unchanged.");
        assertThat(LabelValue.MultiChoice.of(List.of("b", "a")).valueIds()).containsExactly("a", "b");
    }

    @Test
    void storedMapForTheDerivationEngine() {
        PrimitiveLabels labels = PrimitiveLabels.of(Map.of(
                "camera_pan", new LabelValue.Choice("left_to_right"),
                "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                "shot_transition", new LabelValue.TriState(LabelValue.Answer.NO),
                "is_tracking", new LabelValue.TriState(LabelValue.Answer.UNSURE),
                "shot_size", LabelValue.StartEnd.unchanged("medium"),
                "camera_angle", new LabelValue.StartEnd("level", "low", false),
                "tracking_shot_types", LabelValue.MultiChoice.of(Set.of("side", "lead")),
                "complex_motion_description", new LabelValue.FreeText("Arc then crane up.")),
                UserId.of("anna"), T);
        Map<String, Object> stored = labels.toStoredMap();
        assertThat(stored).containsExactly(
                Map.entry("camera_angle_end", "low"),
                Map.entry("camera_angle_end_was_na", false),
                Map.entry("camera_angle_start", "level"),
                Map.entry("camera_pan", "left_to_right"),
                Map.entry("complex_motion_description", "Arc then crane up."),
                Map.entry("has_overlays", true),
                Map.entry("shot_size_end", "medium"),
                Map.entry("shot_size_end_was_na", true),
                Map.entry("shot_size_start", "medium"),
                Map.entry("shot_transition", false),
                Map.entry("tracking_shot_types", Set.of("lead", "side")));
        assertThat(stored).doesNotContainKey("is_tracking");
        assertThatThrownBy(() -> PrimitiveLabels.of(Map.of("shot_size", LabelValue.StartEnd.unchanged("wide"),
                "shot_size_start", new LabelValue.Choice("wide")), UserId.of("a"), T))
                .hasMessage("Primitive field 'shot_size_start' clashes with the start/end pair 'shot_size'.");
        assertThatThrownBy(() -> PrimitiveLabels.of(Map.of("Bad Field", new LabelValue.FreeText("")), UserId.of("a"), T))
                .hasMessageStartingWith("Primitive field 'Bad Field' is not a snake_case identifier");
        assertThat(labels.with("camera_pan", new LabelValue.Choice("no")).toStoredMap().get("camera_pan"))
                .isEqualTo("no");
    }

    @Test
    void appealAndRuling() {
        Appeal a = Appeal.open(UserId.of("anna"), "Left from the camera.", T);
        assertThat(a.isOpen()).isTrue();
        Appeal ruled = a.ruled(new AppealRuling(UserId.of("ada"), AppealRuling.Outcome.UPHELD, "No.", T));
        assertThat(ruled.isOpen()).isFalse();
        assertThatThrownBy(() -> new AppealRuling(UserId.of("ada"), AppealRuling.Outcome.UPHELD, "", T))
                .hasMessage("Ruling reason must not be empty.");
    }

    static Provenance provenance() {
        return new Provenance("gemini-2.5-pro", "vertex", "openai", Optional.empty(), "Describe.", InputMode.VIDEO,
                new Sampling(OptionalDouble.of(0), OptionalDouble.empty(), OptionalInt.empty(), OptionalLong.of(1)),
                List.of(), Duration.ofMillis(900), OptionalInt.empty(), OptionalInt.of(10), T);
    }
}
