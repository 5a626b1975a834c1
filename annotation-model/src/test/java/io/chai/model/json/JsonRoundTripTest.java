// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Appeal;
import io.chai.model.domain.AppealRuling;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Clip;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.InputMode;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.MediaSummary;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Provenance;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Review;
import io.chai.model.domain.Role;
import io.chai.model.domain.Sampling;
import io.chai.model.domain.User;
import io.chai.model.domain.UserId;
import io.chai.model.workflow.Action;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.CaptionVersion;
import io.chai.model.workflow.Draft;
import io.chai.model.workflow.ExportStatus;
import io.chai.model.workflow.Fixtures;
import io.chai.model.workflow.GatingOverride;
import io.chai.model.workflow.Iteration;
import io.chai.model.workflow.ReviewRound;
import io.chai.model.workflow.WorkflowState;
import io.chai.model.workflow.WorkflowType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every domain and workflow type survives serialize → deserialize unchanged, with stable, deterministic JSON. */
class JsonRoundTripTest {
    private static final JsonMapper MAPPER = ChaiJson.newMapper();
    private static final Instant T = Instant.parse("2026-01-31T10:15:30.123456789Z");
    private static final ClipId CLIP = ClipId.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    static Stream<Arguments> samples() {
        Provenance prov = Fixtures.provenance("gemini-2.5-pro", InputMode.THREE_FRAMES, "Describe the subject.");
        Provenance bare = new Provenance("llava", "http://127.0.0.1:8080", "llama_cpp", Optional.empty(), "", 
                InputMode.TEXT_ONLY, Sampling.DEFAULTS, List.of(), Duration.ZERO, OptionalInt.empty(),
                OptionalInt.empty(), T);
        CritiqueItem item = Fixtures.redCoatSpan();
        Critique polished = Critique.typed("coat blue", List.of(item)).withPolished("The coat is blue.",
                Fixtures.polisher());
        Redo redo = Fixtures.redo();
        AspectWork withHistory = Fixtures.WORKFLOW.precaption(
                Fixtures.WORKFLOW.revise(Fixtures.WORKFLOW.editCritique(Fixtures.revised(), "Navy coat."),
                        "A man in a navy coat walks left.", Fixtures.reviser()),
                Fixtures.pre("Second draft."), Map.of(), Optional.empty());
        AspectWork overridden = Fixtures.WORKFLOW.precaption(AspectWork.start(CLIP, Aspect.SPATIAL), Fixtures.pre(),
                Map.of(Aspect.SUBJECT, WorkflowState.APPROVED),
                Optional.of(GatingOverride.request(UserId.of("ada"), "Scene pending, urgent.", T)));
        AspectWork reopened = Fixtures.WORKFLOW.reopen(Fixtures.approvedOnAppeal(), Fixtures.ADA, "Recheck.", T);
        return Stream.of(
                Arguments.of(Aspect.MOTION, Aspect.class),
                Arguments.of(CLIP, ClipId.class),
                Arguments.of(Clip.of(CLIP, "Shot 1", "day1/shot1.mp4"), Clip.class),
                Arguments.of(new Clip(CLIP, "Shot 1", "day1/shot1.mp4", Optional.of("vid_0001"),
                        new java.util.TreeSet<>(Set.of("night", "drone")),
                        Optional.of(new MediaSummary(Duration.ofMillis(12_480), 23.976, 1920, 1080))), Clip.class),
                Arguments.of(new MediaSummary(Duration.ofSeconds(5), 25, 640, 360), MediaSummary.class),
                Arguments.of(UserId.of("Jane Doe"), UserId.class),
                Arguments.of(Role.REVIEWER, Role.class),
                Arguments.of(User.of("sam", Role.ADMIN, Role.ANNOTATOR), User.class),
                Arguments.of(new LabelValue.Choice("left_to_right"), LabelValue.class),
                Arguments.of(new LabelValue.TriState(LabelValue.Answer.UNSURE), LabelValue.class),
                Arguments.of(new LabelValue.StartEnd("wide", "close_up", false), LabelValue.class),
                Arguments.of(LabelValue.StartEnd.unchanged("medium"), LabelValue.class),
                Arguments.of(LabelValue.MultiChoice.of(List.of("side", "lead")), LabelValue.class),
                Arguments.of(LabelValue.MultiChoice.of(List.of()), LabelValue.class),
                Arguments.of(new LabelValue.FreeText("Arc, then crane up."), LabelValue.class),
                Arguments.of(PrimitiveLabels.of(Map.of(
                        "camera_pan", new LabelValue.Choice("no"),
                        "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                        "shot_size", LabelValue.StartEnd.unchanged("medium"),
                        "tracking_shot_types", LabelValue.MultiChoice.of(List.of("lead")),
                        "shot_size_description", new LabelValue.FreeText("")), UserId.of("anna"), T),
                        PrimitiveLabels.class),
                Arguments.of(InputMode.FIRST_AND_LAST_FRAME, InputMode.class),
                Arguments.of(new Sampling(OptionalDouble.of(0.7), OptionalDouble.of(1.0), OptionalInt.of(256),
                        OptionalLong.of(-3)), Sampling.class),
                Arguments.of(Sampling.DEFAULTS, Sampling.class),
                Arguments.of(prov, Provenance.class),
                Arguments.of(bare, Provenance.class),
                Arguments.of(PreCaption.generated("A man walks.", prov), PreCaption.class),
                Arguments.of(PreCaption.imported("A man walks.", "Panda-70M", T), PreCaption.class),
                Arguments.of(Rating.of(3), Rating.class),
                Arguments.of(item, CritiqueItem.class),
                Arguments.of(new CritiqueItem(0, 1, "A", "A man", CritiqueItem.ErrorType.WRITING, "article"),
                        CritiqueItem.class),
                Arguments.of(Critique.typed("Blue coat.", List.of()), Critique.class),
                Arguments.of(polished, Critique.class),
                Arguments.of(PostCaption.revisedBy("A blue coat.", Fixtures.reviser()), PostCaption.class),
                Arguments.of(PostCaption.handWritten("Typed by hand."), PostCaption.class),
                Arguments.of(redo, Redo.class),
                Arguments.of(new Review(UserId.of("rex"), Review.Decision.APPROVE, Optional.empty(), T,
                        Optional.empty()), Review.class),
                Arguments.of(new Review(UserId.of("rex"), Review.Decision.REJECT, Optional.of("Walks right."), T,
                        Optional.of(redo)), Review.class),
                Arguments.of(Appeal.open(UserId.of("anna"), "Look again.", T), Appeal.class),
                Arguments.of(Appeal.open(UserId.of("anna"), "Look again.", T).ruled(new AppealRuling(
                        UserId.of("ada"), AppealRuling.Outcome.OVERTURNED, "Right.", T)), Appeal.class),
                Arguments.of(new AppealRuling(UserId.of("ada"), AppealRuling.Outcome.UPHELD, "No.", T),
                        AppealRuling.class),
                Arguments.of(WorkflowState.PRECAPTIONED, WorkflowState.class),
                Arguments.of(Action.RULE_ON_APPEAL, Action.class),
                Arguments.of(WorkflowType.PERFECT_PRECAPTION, WorkflowType.class),
                Arguments.of(ExportStatus.COMPLETED_NOT_REVIEWED, ExportStatus.class),
                Arguments.of(Fixtures.submitted().submittedVersion().orElseThrow(), CaptionVersion.class),
                Arguments.of(withHistory.discardedDrafts().get(0).iterations().get(0), Iteration.class),
                Arguments.of(withHistory.discardedDrafts().get(0), Draft.class),
                Arguments.of(overridden.gatingOverride().orElseThrow(), GatingOverride.class),
                Arguments.of(reopened.pastRounds().get(0), ReviewRound.class),
                Arguments.of(Fixtures.notStarted(), AspectWork.class),
                Arguments.of(Fixtures.precaptioned(), AspectWork.class),
                Arguments.of(Fixtures.critiqued(), AspectWork.class),
                Arguments.of(Fixtures.revised(), AspectWork.class),
                Arguments.of(Fixtures.revisedPerfect(), AspectWork.class),
                Arguments.of(Fixtures.submitted(), AspectWork.class),
                Arguments.of(Fixtures.approved(), AspectWork.class),
                Arguments.of(Fixtures.rejected(), AspectWork.class),
                Arguments.of(Fixtures.rejectedAppealed(), AspectWork.class),
                Arguments.of(Fixtures.rejectedUpheld(), AspectWork.class),
                Arguments.of(Fixtures.approvedOnAppeal(), AspectWork.class),
                Arguments.of(withHistory, AspectWork.class),
                Arguments.of(overridden, AspectWork.class),
                Arguments.of(reopened, AspectWork.class));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("samples")
    void roundTripsUnchangedAndDeterministically(Object value, Class<?> type) throws Exception {
        assertThat(value).isNotNull();
        String json = MAPPER.writeValueAsString(value);
        Object back = MAPPER.readValue(json, type);
        assertThat(back).isEqualTo(value);
        assertThat(MAPPER.writeValueAsString(back)).isEqualTo(json);
        assertThat(ChaiJson.newMapper().writeValueAsString(value)).isEqualTo(json);
    }

    @Test
    void authorsFieldNamesAndIsoTimes() throws Exception {
        String critique = MAPPER.writeValueAsString(Critique.typed("Blue coat.", List.of()));
        assertThat(critique).isEqualTo("{\"initial_feedback\":\"Blue coat.\",\"gpt_feedback\":null,"
                + "\"polisher\":null,\"final_feedback\":\"Blue coat.\",\"items\":[]}");
        String caption = MAPPER.writeValueAsString(PostCaption.handWritten("Typed."));
        assertThat(caption).isEqualTo("{\"final_caption\":\"Typed.\",\"gpt_caption\":null,\"reviser\":null,"
                + "\"manually_edited\":true}");
        String work = MAPPER.writeValueAsString(Fixtures.approved());
        assertThat(work).contains("\"initial_caption_rating_score\":3", "\"clip_id\":\"0123456789abcdef",
                "\"aspect\":\"subject\"", "\"state\":\"approved\"", "\"user\":\"anna\"",
                "\"submitted_at\":\"2026-01-31T10:16:30Z\"", "\"reviewer_name\":\"rex\"",
                "\"reviewer_double_check\":true", "\"review_timestamp\":\"2026-01-31T10:17:30Z\"",
                "\"pre_caption\":\"A man in a red coat", "\"mode\":\"Video\"", "\"latency\":\"PT1.53S\"",
                "\"start_index\":11", "\"end_index\":19");
        String label = MAPPER.writeValueAsString(LabelValue.StartEnd.unchanged("medium"));
        assertThat(label).isEqualTo("{\"kind\":\"start_end\",\"start\":\"medium\",\"end\":\"medium\","
                + "\"end_unchanged\":true}");
        assertThat(MAPPER.writeValueAsString(new LabelValue.TriState(LabelValue.Answer.NO)))
                .isEqualTo("{\"kind\":\"tri_state\",\"value\":\"no\"}");
        assertThat(MAPPER.writeValueAsString(InputMode.THREE_FRAMES)).isEqualTo("\"Image (3 frames)\"");
        assertThat(MAPPER.writeValueAsString(new MediaSummary(Duration.ofMillis(12_500), 25, 640, 360)))
                .isEqualTo("{\"duration\":\"PT12.5S\",\"fps\":25.0,\"width\":640,\"height\":360}");
    }

    @Test
    void mapsAreWrittenSortedByKey() throws Exception {
        java.util.LinkedHashMap<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("zeta", 1);
        m.put("alpha", 2);
        assertThat(MAPPER.writeValueAsString(m)).isEqualTo("{\"alpha\":2,\"zeta\":1}");
    }

    @Test
    void missingOptionalsReadAsEmpty() {
        Critique c = ChaiJson.read(MAPPER, "{\"initial_feedback\":\"a\",\"final_feedback\":\"b\"}", Critique.class,
                "c.json");
        assertThat(c.polished()).isEmpty();
        assertThat(c.polisher()).isEmpty();
        assertThat(c.items()).isEmpty();
    }

    @Test
    void unknownPropertiesAreRefusedWithOneLine() {
        assertThatThrownBy(() -> ChaiJson.read(MAPPER, "{\"final_caption\":\"x\",\"manually_edited\":false,"
                + "\"bogus\":1}", PostCaption.class, "caption.json"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("caption.json: Unrecognized field \"bogus\"")
                .hasMessageNotContaining("\n");
    }

    @Test
    void domainRefusalsSurfaceWithPathAndLine() {
        String json = "{\"initial_caption_rating_score\":7,"
                + "\"critique\":{\"initial_feedback\":\"a\",\"final_feedback\":\"a\"},"
                + "\"post_caption\":{\"final_caption\":\"x\",\"manually_edited\":true}}";
        assertThatThrownBy(() -> ChaiJson.read(MAPPER, json, Redo.class, "redo.json"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("redo.json: A rating is a whole number from 1 to 5, got 7.")
                .hasMessageContaining("$.initial_caption_rating_score")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ChaiJson.read(MAPPER, "\"ABC\"", ClipId.class, "id.json"))
                .hasMessageStartingWith("id.json: Clip id 'ABC' is not a SHA-256 content hash");
        assertThatThrownBy(() -> ChaiJson.read(MAPPER, "{\"kind\":\"choice\",\"value\":\"Bad Id\"}",
                LabelValue.class, "label.json"))
                .hasMessageStartingWith("label.json: Choice value 'Bad Id' is not a snake_case identifier");
        assertThatThrownBy(() -> ChaiJson.read(MAPPER, "{\"a\":", Redo.class, "broken.json"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("broken.json: ");
    }

    @Test
    void inconsistentWorkflowStateIsRefusedOnRead() throws Exception {
        String json = MAPPER.writeValueAsString(Fixtures.submitted()).replace("\"user\":\"anna\"", "\"user\":null");
        assertThatThrownBy(() -> ChaiJson.read(MAPPER, json, AspectWork.class, "work.json"))
                .hasMessageStartingWith("work.json: A submitted work item must have a submitter.");
    }
}
