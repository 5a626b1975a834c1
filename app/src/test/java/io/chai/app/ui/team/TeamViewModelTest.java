// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.app.ui.team.viewmodel.TeamStats;
import io.chai.app.ui.team.viewmodel.TeamStats.AnnotatorRow;
import io.chai.app.ui.team.viewmodel.TeamStats.DayCount;
import io.chai.app.ui.team.viewmodel.TeamStats.Step;
import io.chai.app.ui.team.viewmodel.TeamStats.StepTime;
import io.chai.app.ui.team.viewmodel.TeamStatsCalculator;
import io.chai.app.ui.team.viewmodel.TeamViewModel;
import io.chai.model.agreement.GroupAgreement;
import io.chai.model.domain.Critique;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import io.chai.model.json.ChaiJson;
import io.chai.model.quality.ItemQuality;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.Hlc;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Team and quality view model's figures on a real SQLite project whose revisions carry chosen clock times
 * (appended as revisions from another device, so their HLC is exactly what the test says): throughput per day,
 * time per step, approval rate, the quality flags of {@code chai quality} and agreement.
 */
class TeamViewModelTest {
    static final Specification SPEC = Specifications.bundled();
    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final String C = "c".repeat(64);
    static final Instant DAY1 = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-03-03T09:00:00Z");
    final JsonMapper json = ChaiJson.newMapper();

    @TempDir
    Path dir;
    ProjectStore store;
    int logical;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir, "team", SPEC.id(), SPEC.version().toString());
        MediaInfo media = new MediaInfo(2.0, 25, 1, 320, 240, 50, "h264");
        store.addClips(List.of(new NewClip(A, "media/a.mp4", 10, 0, null, media, List.of()),
                new NewClip(B, "media/b.mp4", 10, 0, null, media, List.of()),
                new NewClip(C, "media/c.mp4", 10, 0, null, media, List.of())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    void put(String clip, String aspect, RevisionKind kind, String author, Instant at, Object payload)
            throws Exception {
        String text = payload instanceof String s ? s : json.writeValueAsString(payload);
        Revision r = new Revision(0, UUID.randomUUID(), clip, aspect, kind, author, "otherdevice",
                new Hlc(at.toEpochMilli(), logical++, "otherdevice"), List.of(), text, SPEC.id(),
                SPEC.version().toString());
        assertThat(store.appendRemote(r)).isTrue();
    }

    /** pre-caption at t, rating + critique after c s, post-caption r s later, submission s s later. */
    void caption(String clip, String aspect, String who, Instant t, int c, int r, int s, String pre, String critique,
            String post) throws Exception {
        put(clip, aspect, RevisionKind.PRE_CAPTION, who, t, PreCaption.imported(pre, "demo", t));
        put(clip, aspect, RevisionKind.RATING, who, t.plusSeconds(c), Rating.of(3));
        put(clip, aspect, RevisionKind.CRITIQUE, who, t.plusSeconds(c), Critique.typed(critique, List.of()));
        put(clip, aspect, RevisionKind.POST_CAPTION, who, t.plusSeconds(c + r), PostCaption.handWritten(post));
        put(clip, aspect, RevisionKind.SUBMISSION, who, t.plusSeconds(c + r + s), "{\"submitted\":true}");
    }

    void review(String clip, String aspect, Instant at, boolean approve) throws Exception {
        Review rv = approve ? new Review(UserId.of("rex"), Review.Decision.APPROVE, Optional.empty(), at,
                Optional.empty())
                : new Review(UserId.of("rex"), Review.Decision.REJECT, Optional.of("It is dim."), at, Optional.of(
                        new Redo(Rating.of(2), Critique.typed("The light is dim, not bright: say 'dim light'.",
                                List.of()), PostCaption.handWritten("A room in dim light."))));
        put(clip, aspect, RevisionKind.REVIEW, "rex", at, rv);
    }

    void labels(String clip, String who, String move) throws Exception {
        put(clip, "", RevisionKind.PRIMITIVE_LABELS, who, DAY2.plusSeconds(3600), PrimitiveLabels.of(
                Map.of("camera_forward_backward", new LabelValue.Choice(move)), UserId.of(who), DAY2));
    }

    void project() throws Exception {
        // anna, day 1: A/subject approved; B/subject rejected; A/scene rejected, re-opened, fixed, approved
        caption(A, "subject", "anna", DAY1, 60, 90, 30, "A blue car drives down a quiet road.",
                "The car is red, not blue: write 'a red car' instead of 'a blue car'.",
                "A red car drives down a quiet road.");
        review(A, "subject", DAY1.plusSeconds(3600), true);
        caption(B, "subject", "anna", DAY1.plusSeconds(600), 120, 30, 60, "A room in bright light.",
                "The lighting in this caption is wrong and the mood is inaccurate.", "A room in dim light.");
        review(B, "subject", DAY1.plusSeconds(7200), false);
        Instant s = DAY1.plusSeconds(1200);
        caption(A, "scene", "anna", s, 40, 40, 40, "A street in the morning light.",
                "Say 'evening' instead of 'morning': the sun is setting.", "A street in the evening light.");
        review(A, "scene", s.plusSeconds(300), false);
        put(A, "scene", RevisionKind.SUBMISSION, "rex", s.plusSeconds(400), "{\"submitted\":false}");
        put(A, "scene", RevisionKind.POST_CAPTION, "anna", s.plusSeconds(500),
                PostCaption.handWritten("A street in the evening light."));
        put(A, "scene", RevisionKind.SUBMISSION, "anna", s.plusSeconds(600), "{\"submitted\":true}");
        review(A, "scene", s.plusSeconds(700), true);
        // anna, day 2: C/subject submitted, not reviewed (a one-word critique: nitpick only)
        caption(C, "subject", "anna", DAY2, 30, 30, 30, "A dog runs acros the field.", "Typo.",
                "A dog runs across the field.");
        // bob, day 2: C/camera approved
        caption(C, "camera", "bob", DAY2.plusSeconds(60), 200, 100, 50, "The camera pans right.",
                "The camera pans left, not right: write 'pans left'.", "The camera pans left.");
        review(C, "camera", DAY2.plusSeconds(3600), true);
        // primitive labels by both on A and B: they agree on A only
        labels(A, "anna", "forward");
        labels(A, "bob", "forward");
        labels(B, "anna", "forward");
        labels(B, "bob", "backward");
    }

    TeamStats stats() {
        return new TeamStatsCalculator(SPEC, ZoneOffset.UTC).compute(store, () -> false);
    }

    @Test
    void throughputApprovalAndStepTimesAreExact() throws Exception {
        project();
        TeamStats s = stats();
        assertThat(s.annotators()).extracting(AnnotatorRow::annotator).containsExactly("anna", "bob");
        AnnotatorRow anna = s.annotators().get(0);
        AnnotatorRow bob = s.annotators().get(1);
        assertThat(anna.submitted()).isEqualTo(4);
        assertThat(anna.activeDays()).isEqualTo(2);
        assertThat(anna.itemsPerDay()).isEqualTo(2.0);
        // A/subject approve, B/subject reject, A/scene reject then approve: every decision counts
        assertThat(anna.approved()).isEqualTo(2);
        assertThat(anna.rejected()).isEqualTo(2);
        assertThat(anna.approvalRate()).isEqualTo(0.5);
        assertThat(bob.submitted()).isEqualTo(1);
        assertThat(bob.itemsPerDay()).isEqualTo(1.0);
        assertThat(bob.approvalRate()).isEqualTo(1.0);

        assertThat(s.throughput()).containsExactly(new DayCount("anna", LocalDate.of(2026, 3, 2), 3),
                new DayCount("anna", LocalDate.of(2026, 3, 3), 1), new DayCount("bob", LocalDate.of(2026, 3, 3), 1));

        // anna's steps: critique 60, 120, 40, 30 s; revise 90, 30, 40, 30 s (the fix after re-opening is not the
        // first revision); submit 30, 60, 40, 30 s
        assertThat(s.steps()).containsExactly(
                new StepTime("anna", Step.CRITIQUE, 4, 62.5, 50.0),
                new StepTime("anna", Step.REVISE, 4, 47.5, 35.0),
                new StepTime("anna", Step.SUBMIT, 4, 40.0, 35.0),
                new StepTime("bob", Step.CRITIQUE, 1, 200.0, 200.0),
                new StepTime("bob", Step.REVISE, 1, 100.0, 100.0),
                new StepTime("bob", Step.SUBMIT, 1, 50.0, 50.0));
        assertThat(s.revisions()).isEqualTo(5 * 5 + 5 + 3 + 4);
    }

    @Test
    void qualityFlagsAreThoseOfChaiQualityAndAgreementIsPerGroup() throws Exception {
        project();
        TeamStats s = stats();
        AnnotatorRow anna = s.annotators().get(0);
        assertThat(anna.flags()).containsExactly(entry("nitpick_only", 1), entry("global_edit", 0),
                entry("direct_edit", 0), entry("non_constructive", 1), entry("reviewer_rejected", 1));
        assertThat(anna.flagCount()).isEqualTo(3);
        assertThat(anna.rewritten()).isEqualTo(1);
        assertThat(anna.precision()).hasValue(0.0);
        assertThat(anna.recall()).hasValue(0.0);
        assertThat(s.annotators().get(1).flagCount()).isZero();
        List<String> flaggedItems = new ArrayList<>();
        for (ItemQuality q : s.flagged()) {
            if (!q.findings().isEmpty()) {
                flaggedItems.add(q.clipId().substring(0, 1) + "/" + q.aspect());
            }
        }
        assertThat(flaggedItems).containsExactlyInAnyOrder("b/subject", "c/subject");

        GroupAgreement g = s.agreement().stream().filter(x -> x.group().equals("camera_forward_backward"))
                .findFirst().orElseThrow();
        assertThat(g.units()).isEqualTo(2);
        assertThat(g.raw()).isEqualTo(0.5);
        assertThat(g.raters()).containsExactly("anna", "bob");
    }

    @Test
    void theViewModelShowsTheFiguresAndASummary() throws Exception {
        project();
        TeamViewModel vm = new TeamViewModel(store, new TeamStatsCalculator(SPEC, ZoneOffset.UTC));
        assertThat(vm.summaryProperty().get()).isEqualTo("Not computed yet.");
        List<Throwable> errors = new ArrayList<>();
        vm.refresh(Runnable::run, Runnable::run, errors::add);
        assertThat(errors).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.annotators()).hasSize(2);
        assertThat(vm.flagged()).hasSize(2);
        assertThat(vm.steps()).hasSize(6);
        assertThat(vm.throughputSeries().get("anna")).extracting(DayCount::items).containsExactly(3, 1);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 people · 5 items submitted · 60% approved of 5 review"
                + " decisions · 2 of 5 submitted items flagged · agreement over "
                + vm.agreement().size() + " groups");
    }

    @Test
    void anEmptyProjectAndACancelledComputation() {
        TeamViewModel vm = new TeamViewModel(store, new TeamStatsCalculator(SPEC, ZoneOffset.UTC));
        vm.refresh(Runnable::run, Runnable::run, e -> { });
        assertThat(vm.annotators()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("0 people · 0 items submitted · none approved of 0 review"
                + " decisions · 0 of 0 submitted items flagged · no clip labelled twice (no agreement yet)");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new TeamStatsCalculator(SPEC,
                ZoneOffset.UTC).compute(store, () -> true))).isInstanceOf(CancellationException.class);
    }
}
