// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.captions.viewmodel.CaptionModels;
import io.chai.app.ui.captions.viewmodel.CaptionStepperViewModel;
import io.chai.app.ui.captions.viewmodel.CaptionWorkStore;
import io.chai.app.ui.captions.viewmodel.CaptionWorkflows;
import io.chai.app.ui.captions.viewmodel.ReviewViewModel;
import io.chai.app.ui.captions.viewmodel.RolesCaptionModels;
import io.chai.app.ui.diff.WordDiff;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.JpegFrameEncoder;
import io.chai.inference.roles.ClipInput;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.User;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.Action;
import io.chai.model.workflow.Workflow;
import io.chai.model.workflow.WorkflowState;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caption stepper and review view models over a real project store and the loopback model server. */
class CaptionViewModelsTest {
    static final Specification SPEC = Specifications.bundled();
    static final String CLIP = "c".repeat(64);

    @TempDir
    Path dir;
    ProjectStore store;
    LoopbackModelServer server;
    ModelServerClient client;
    CaptionModels models;
    Workflow workflow;
    CaptionWorkStore works;
    ExecutorService pool;

    @BeforeEach
    void setUp() throws Exception {
        store = ProjectStore.create(dir, "t", SPEC.id(), SPEC.version().toString());
        store.addClips(List.of(new NewClip(CLIP, "media/c.mp4", 10, 0, null,
                new MediaInfo(2.0, 25, 1, 320, 240, 50, "h264"), List.of())));
        server = LoopbackModelServer.start();
        client = new ModelServerClient(ServerProfile.of("demo", server.baseUrl().toString(),
                LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI), ApiKeys.none());
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ClipInput input = ClipInput.of(List.of(JpegFrameEncoder.standard().encode(img, 0, 0)));
        models = new RolesCaptionModels(new ModelRoles(SPEC, client, Clock.systemUTC()), () -> input, () -> null,
                "demo · " + LoopbackModelServer.DEFAULT_MODEL, true);
        workflow = CaptionWorkflows.of(SPEC);
        works = CaptionWorkStore.of(store, SPEC.sentinel());
        pool = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        client.close();
        server.close();
        store.close();
    }

    /** Runs model calls synchronously: background and UI are the calling thread. */
    CaptionStepperViewModel stepper(User u) {
        ExecutorService direct = new SameThreadExecutor();
        return new CaptionStepperViewModel(workflow, works, ClipId.of(CLIP), models, u, direct, Runnable::run,
                Clock.systemUTC());
    }

    @Test
    void annotatorFlowIsPersistedStepByStepAndReviewerRejectsThenApprovesAfterAFix() {
        User ann = CaptionWorkflows.user("ann");
        CaptionStepperViewModel vm = stepper(ann);

        // gating: motion depends on subject
        assertThat(vm.lockReason(Aspect.MOTION)).get().asString().contains("Subject").contains("not started");
        vm.select(Aspect.MOTION);
        assertThat(vm.generate()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Locked");

        vm.select(Aspect.SUBJECT);
        assertThat(vm.generate()).isTrue();
        var w = vm.current();
        assertThat(w.state()).isEqualTo(WorkflowState.PRECAPTIONED);
        String pre = w.preCaption().orElseThrow().text();
        assertThat(pre.toLowerCase()).contains("canned");
        assertThat(vm.preCaptionProvenance()).get().extracting(p -> p.model()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.PRECAPTIONED);

        // rate 3 without a critique is refused; with a span item it is one atomic step
        vm.ratingProperty().set(3);
        vm.critiqueProperty().set("");
        assertThat(vm.submitCritique()).isFalse();
        assertThat(vm.errorProperty().get()).contains("critique is required");
        assertThat(vm.addItem(0, Math.min(5, pre.length()), CritiqueItem.ErrorType.IMPRECISION, "vague")).isTrue();
        assertThat(vm.addItem(3, pre.length() + 4, CritiqueItem.ErrorType.OMISSION, "")).isFalse();
        vm.critiqueProperty().set("Say what the person wears: a red coat.");
        assertThat(vm.submitCritique()).isTrue();
        assertThat(vm.current().state()).isEqualTo(WorkflowState.CRITIQUED);
        assertThat(vm.current().critique().orElseThrow().items()).hasSize(1);
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.CRITIQUED);

        assertThat(vm.polish()).isTrue();
        assertThat(vm.current().critique().orElseThrow().polished()).isPresent();
        assertThat(vm.revise()).isTrue();
        assertThat(vm.current().state()).isEqualTo(WorkflowState.REVISED);
        assertThat(vm.manuallyEdited()).isFalse();

        // refine: edit the caption by hand; flagged; the diff shows the words added
        vm.captionProperty().set(vm.captionProperty().get() + " She wears a red coat.");
        assertThat(vm.saveCaption()).isTrue();
        assertThat(vm.manuallyEdited()).isTrue();
        assertThat(vm.diff()).anySatisfy(s -> {
            assertThat(s.op()).isEqualTo(WordDiff.Op.INSERT);
            assertThat(s.text()).contains("red coat");
        });
        assertThat(vm.submit()).isTrue();
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.SUBMITTED);

        // a reload from the store gives the same state and caption
        CaptionStepperViewModel again = stepper(ann);
        assertThat(again.current().state()).isEqualTo(WorkflowState.SUBMITTED);
        assertThat(again.current().postCaption().orElseThrow().text()).endsWith("She wears a red coat.");
        assertThat(again.current().critique().orElseThrow().items()).hasSize(1);

        // the submitter never sees their own item in review
        ReviewViewModel own = new ReviewViewModel(workflow, works, ann, Clock.systemUTC());
        assertThat(own.queue()).isEmpty();
        ReviewViewModel rev = new ReviewViewModel(workflow, works, CaptionWorkflows.user("rex"), Clock.systemUTC());
        assertThat(rev.queue()).extracting(ReviewViewModel.Item::aspect).containsExactly(Aspect.SUBJECT);
        assertThat(rev.diff()).isNotEmpty();
        assertThat(rev.reject(2, "", "x", null)).isFalse();
        assertThat(rev.reject(2, "The coat is blue.", "A woman in a blue coat stands still.", "wrong colour")).isTrue();
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.REJECTED);
        assertThat(rev.queue()).isEmpty();

        // the annotator sees the rejection with the diff and appeals
        vm.reload();
        var rejection = vm.rejection().orElseThrow();
        assertThat(rejection.reviewer()).isEqualTo("rex");
        assertThat(rejection.diff()).anySatisfy(s -> assertThat(s.text()).contains("blue"));
        assertThat(vm.appeal(" ")).isFalse();
        assertThat(vm.appeal("The coat is red in the first second.")).isTrue();
        vm.reload();
        assertThat(vm.rejection().orElseThrow().appealNote()).contains("The coat is red in the first second.");
        assertThat(vm.allowed(Action.APPEAL)).isFalse();
        // the appeal is a revision of the store (it syncs and shows in history), not a side file
        assertThat(store.history(CLIP, "subject")).filteredOn(r -> r.kind() == RevisionKind.APPEAL)
                .singleElement().satisfies(r -> {
                    assertThat(r.author()).isEqualTo("ann");
                    assertThat(r.payload()).contains("The coat is red in the first second.").contains("\"ruling\":null");
                });
        assertThat(dir.resolve("appeals.jsonl")).doesNotExist();

        // an admin upholds the rejection and re-opens; the annotator fixes the caption and resubmits; approved
        CaptionStepperViewModel admin = stepper(CaptionWorkflows.user("ada"));
        assertThat(admin.reopen("too early")).isFalse();
        assertThat(admin.errorProperty().get()).contains("appeal is still open");
        assertThat(admin.ruleOnAppeal(false, "the coat is blue throughout")).isTrue();
        admin.reload();
        assertThat(admin.current().appeal().orElseThrow().ruling()).isPresent();
        var appeals = store.history(CLIP, "subject").stream().filter(r -> r.kind() == RevisionKind.APPEAL).toList();
        assertThat(appeals).hasSize(2);
        assertThat(appeals.get(1).author()).isEqualTo("ada");
        assertThat(appeals.get(1).parents()).containsExactly(appeals.get(0).uuid());
        assertThat(appeals.get(1).payload()).contains("\"outcome\":\"upheld\"").contains("the coat is blue throughout");
        assertThat(admin.reopen("appeal: colour changes mid-clip")).isTrue();
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.REVISED);
        vm.reload();
        vm.captionProperty().set("A woman in a coat that turns from red to blue stands still.");
        boolean submitted = vm.submit();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(submitted).isTrue();
        rev.refresh();
        assertThat(rev.queue()).hasSize(1);
        assertThat(rev.approve("fixed")).isTrue();
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.APPROVED);

        // later aspects see the approved caption and are unlocked
        vm.reload();
        assertThat(vm.lockReason(Aspect.MOTION)).isEmpty();
        assertThat(vm.approvedBefore(Aspect.MOTION)).containsEntry(Aspect.SUBJECT,
                "A woman in a coat that turns from red to blue stands still.");
        assertThat(store.history(CLIP, "subject")).extracting(r -> r.kind()).contains(RevisionKind.PRE_CAPTION,
                RevisionKind.RATING, RevisionKind.CRITIQUE, RevisionKind.POST_CAPTION, RevisionKind.SUBMISSION,
                RevisionKind.REVIEW);
    }

    @Test
    void ratingFiveKeepsThePreCaptionAndRegenerationClearsTheOldWork() {
        CaptionStepperViewModel vm = stepper(CaptionWorkflows.user("ann"));
        vm.select(Aspect.SCENE);
        assertThat(vm.generate()).isTrue();
        vm.ratingProperty().set(5);
        assertThat(vm.submitCritique()).isTrue();
        assertThat(vm.current().state()).isEqualTo(WorkflowState.REVISED);
        assertThat(vm.captionProperty().get()).isEqualTo(vm.current().preCaption().orElseThrow().text());
        assertThat(vm.revise()).isFalse();
        assertThat(store.state(CLIP, "scene")).isEqualTo(WorkflowState.REVISED);

        assertThat(vm.generate()).isTrue();
        assertThat(vm.current().state()).isEqualTo(WorkflowState.PRECAPTIONED);
        assertThat(vm.ratingProperty().get()).isZero();
        assertThat(store.state(CLIP, "scene")).isEqualTo(WorkflowState.PRECAPTIONED);
        assertThat(stepper(CaptionWorkflows.user("ann")).workProperty(Aspect.SCENE).get().rating()).isEmpty();
    }

    @Test
    void aRunningGenerationCanBeCancelledAndItsLateAnswerIsDropped() throws Exception {
        server.enqueue(new Behavior.Delay(Duration.ofSeconds(2), new Behavior.Normal()));
        java.util.concurrent.LinkedBlockingQueue<Runnable> uiQueue = new java.util.concurrent.LinkedBlockingQueue<>();
        CaptionStepperViewModel vm = new CaptionStepperViewModel(workflow, works, ClipId.of(CLIP), models,
                CaptionWorkflows.user("ann"), pool, uiQueue::add, Clock.systemUTC());
        assertThat(vm.generate()).isTrue();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.generate()).isFalse();
        vm.cancel();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Cancelled");
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        uiQueue.forEach(Runnable::run);
        assertThat(vm.current().state()).isEqualTo(WorkflowState.NOT_STARTED);
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.NOT_STARTED);
    }

    /** Runs UI tasks from {@code ui} until {@code done} holds (each wait bounded, so a hang fails the test). */
    static void pump(java.util.concurrent.BlockingQueue<Runnable> ui, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable r = ui.poll(20, TimeUnit.SECONDS);
            assertThat(r).as("a UI task within 20 s").isNotNull();
            r.run();
        }
    }

    CaptionStepperViewModel queued(java.util.concurrent.BlockingQueue<Runnable> ui) {
        return new CaptionStepperViewModel(workflow, works, ClipId.of(CLIP), models, CaptionWorkflows.user("ann"), pool,
                ui::add, Clock.systemUTC());
    }

    @Test
    void generateShowsTheTextGrowingAsItStreamsAndStoresExactlyTheStreamedText() throws Exception {
        server.enqueue(new Behavior.SlowStream(Duration.ofMillis(20)));
        var ui = new java.util.concurrent.LinkedBlockingQueue<Runnable>();
        CaptionStepperViewModel vm = queued(ui);
        List<String> seen = new java.util.ArrayList<>();
        vm.streamingTextProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                seen.add(b);
            }
        });
        assertThat(vm.generate()).isTrue();
        pump(ui, () -> !vm.busyProperty().get());

        assertThat(vm.errorProperty().get()).isEmpty();
        String pre = vm.current().preCaption().orElseThrow().text();
        assertThat(seen).hasSizeGreaterThan(5);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).startsWith(seen.get(i - 1)).isNotEqualTo(seen.get(i - 1));
        }
        assertThat(seen.get(seen.size() - 1).strip()).isEqualTo(pre);
        assertThat(vm.streamingTextProperty().get()).isEmpty();
        assertThat(vm.streamCallProperty().get()).get().satisfies(c -> {
            assertThat(c.model()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
            assertThat(c.userPrompt()).isEqualTo(vm.preCaptionProvenance().orElseThrow().prompt());
        });
        assertThat(server.chatRequests()).singleElement().satisfies(r -> assertThat(r.stream()).isTrue());
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.PRECAPTIONED);
    }

    @Test
    void cancellingMidStreamStopsTheStreamAndSavesNothing() throws Exception {
        server.enqueue(new Behavior.SlowStream(Duration.ofMillis(400)));
        var ui = new java.util.concurrent.LinkedBlockingQueue<Runnable>();
        CaptionStepperViewModel vm = queued(ui);
        assertThat(vm.generate()).isTrue();
        pump(ui, () -> !vm.streamingTextProperty().get().isEmpty());
        String partial = vm.streamingTextProperty().get();

        vm.cancel();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Cancelled; nothing was saved.");
        assertThat(vm.streamingTextProperty().get()).isEmpty();
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        ui.forEach(Runnable::run);
        assertThat(vm.streamingTextProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Cancelled; nothing was saved.");
        assertThat(partial.length()).isLessThan(60);
        assertThat(vm.current().state()).isEqualTo(WorkflowState.NOT_STARTED);
        assertThat(store.history(CLIP, "subject")).isEmpty();
    }

    @Test
    void aStreamThatBreaksPartWayShowsOneLineAndDoesNotSaveThePartialText() throws Exception {
        server.enqueue(new Behavior.DropConnection(5));
        var ui = new java.util.concurrent.LinkedBlockingQueue<Runnable>();
        CaptionStepperViewModel vm = queued(ui);
        assertThat(vm.generate()).isTrue();
        pump(ui, () -> !vm.busyProperty().get());

        assertThat(vm.errorProperty().get()).doesNotContain("\n").contains("before the answer was complete").contains("not saved");
        assertThat(vm.streamingTextProperty().get()).isEmpty();
        assertThat(vm.current().preCaption()).isEmpty();
        assertThat(store.history(CLIP, "subject")).isEmpty();
        // and the next try works
        assertThat(vm.generate()).isTrue();
        pump(ui, () -> !vm.busyProperty().get());
        assertThat(vm.current().state()).isEqualTo(WorkflowState.PRECAPTIONED);
    }

    /** Takes subject to a rejection by rex of ann's submission; returns ann's stepper. */
    CaptionStepperViewModel rejected() {
        CaptionStepperViewModel vm = stepper(CaptionWorkflows.user("ann"));
        assertThat(vm.generate()).isTrue();
        vm.ratingProperty().set(3);
        vm.critiqueProperty().set("Name the coat's colour.");
        assertThat(vm.submitCritique()).isTrue();
        assertThat(vm.revise()).isTrue();
        assertThat(vm.submit()).isTrue();
        ReviewViewModel rev = new ReviewViewModel(workflow, works, CaptionWorkflows.user("rex"), Clock.systemUTC());
        assertThat(rev.reject(2, "The coat is blue.", "A woman in a blue coat.", "colour")).isTrue();
        vm.reload();
        return vm;
    }

    @Test
    void anOverturnedAppealApprovesTheAnnotatorsVersionAndSurvivesAReload() {
        CaptionStepperViewModel vm = rejected();
        CaptionStepperViewModel other = stepper(CaptionWorkflows.user("zed"));
        other.reload();
        assertThat(other.appeal("not mine")).isFalse();
        assertThat(other.errorProperty().get()).contains("Only ann");
        assertThat(vm.appeal("It is red.")).isTrue();

        CaptionStepperViewModel admin = stepper(CaptionWorkflows.user("ada"));
        assertThat(admin.ruleOnAppeal(true, "red in every frame")).isTrue();
        assertThat(store.state(CLIP, "subject")).isEqualTo(WorkflowState.APPROVED);

        CaptionStepperViewModel again = stepper(CaptionWorkflows.user("ann"));
        assertThat(again.current().state()).isEqualTo(WorkflowState.APPROVED);
        assertThat(again.current().appeal()).get().satisfies(a -> {
            assertThat(a.note()).isEqualTo("It is red.");
            assertThat(a.ruling().orElseThrow().outcome()).isEqualTo(io.chai.model.domain.AppealRuling.Outcome.OVERTURNED);
        });
        assertThat(again.current().review().orElseThrow().reviewer().value()).isEqualTo("ada");
        assertThat(store.history(CLIP, "subject")).extracting(r -> r.kind()).endsWith(RevisionKind.REVIEW,
                RevisionKind.APPEAL);
    }

    @Test
    void anOldAppealsFileIsImportedIntoTheStoreOnceAndKept() throws Exception {
        CaptionStepperViewModel vm = rejected();
        java.time.Instant at = vm.current().review().orElseThrow().reviewedAt().plusSeconds(5);
        String open = "{\"clip_id\":\"" + CLIP + "\",\"aspect\":\"subject\",\"appeal\":{\"author\":\"ann\","
                + "\"note\":\"It is red.\",\"created_at\":\"" + at + "\",\"ruling\":null}}";
        String ruled = open.replace("\"ruling\":null", "\"ruling\":{\"admin\":\"ada\",\"outcome\":\"upheld\","
                + "\"reason\":\"blue\",\"decided_at\":\"" + at.plusSeconds(60) + "\"}");
        java.nio.file.Files.writeString(dir.resolve("appeals.jsonl"), open + "\n" + ruled + "\n");

        CaptionWorkStore imported = CaptionWorkStore.of(store, SPEC.sentinel());

        assertThat(imported.appealImport()).get().satisfies(r -> {
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.summary()).contains("Imported 2 appeal revisions").contains("appeals.jsonl.imported");
        });
        assertThat(dir.resolve("appeals.jsonl")).doesNotExist();
        assertThat(dir.resolve("appeals.jsonl.imported")).hasContent(open + "\n" + ruled);
        var revs = store.history(CLIP, "subject").stream().filter(r -> r.kind() == RevisionKind.APPEAL).toList();
        assertThat(revs).extracting(r -> r.author()).containsExactly("ann", "ada");
        var work = imported.load(ClipId.of(CLIP), Aspect.SUBJECT);
        assertThat(work.appeal().orElseThrow().ruling().orElseThrow().reason()).isEqualTo("blue");

        // a second copy of the same file adds nothing; a file naming an unknown clip is refused and left in place
        java.nio.file.Files.writeString(dir.resolve("appeals.jsonl"), open + "\n");
        assertThat(CaptionWorkStore.of(store, SPEC.sentinel()).appealImport()).get()
                .satisfies(r -> assertThat(r.already()).isEqualTo(1));
        assertThat(dir.resolve("appeals.jsonl.imported-2")).exists();
        java.nio.file.Files.writeString(dir.resolve("appeals.jsonl"), open.replace(CLIP, "d".repeat(64)) + "\n");
        CaptionWorkStore failed = CaptionWorkStore.of(store, SPEC.sentinel());
        assertThat(failed.appealImport()).get().satisfies(r -> {
            assertThat(r.problem()).get().asString().contains("not in this project").doesNotContain("\n");
            assertThat(r.summary()).startsWith("Old appeals not imported: appeals.jsonl line 1 names clip dddddddddddd");
        });
        // the project still opens, and the stepper shows the problem in its status line
        assertThat(new CaptionStepperViewModel(workflow, failed, ClipId.of(CLIP), models, CaptionWorkflows.user("ann"),
                new SameThreadExecutor(), Runnable::run, Clock.systemUTC()).saveStatusProperty().get())
                .startsWith("Old appeals not imported");
        assertThat(dir.resolve("appeals.jsonl")).exists();
        assertThat(store.history(CLIP, "subject")).filteredOn(r -> r.kind() == RevisionKind.APPEAL).hasSize(2);
    }

    @Test
    void withoutRecordedRolesEveryoneMayDoEverythingAndTheReviewTabSaysSo() {
        assertThat(works.team().enforced()).isFalse();
        ReviewViewModel rev = new ReviewViewModel(workflow, works, CaptionWorkflows.user("anyone"), Clock.systemUTC());
        assertThat(rev.rolesNoticeProperty().get()).isEqualTo(io.chai.app.ui.captions.viewmodel.TeamRoles.NO_ROLES);
        assertThat(rev.mayReview()).isTrue();
        assertThat(works.user("anyone").roles()).containsExactly(io.chai.model.domain.Role.values());
        // the first roles may be recorded by anyone, but the team must keep an admin
        assertThat(rev.setRoles("ann", java.util.Set.of(io.chai.model.domain.Role.ANNOTATOR))).isFalse();
        assertThat(rev.errorProperty().get()).contains("at least one admin");
        assertThat(works.team().enforced()).isFalse();
    }

    @Test
    void recordedRolesAreEnforcedInReviewAppealsAndReopening() {
        ReviewViewModel setup = new ReviewViewModel(workflow, works, CaptionWorkflows.user("ada"), Clock.systemUTC());
        assertThat(setup.setRoles("ada", java.util.EnumSet.of(io.chai.model.domain.Role.ADMIN,
                io.chai.model.domain.Role.REVIEWER))).isTrue();
        // ada's own roles are now the recorded ones
        assertThat(setup.userProperty().get().roles()).containsExactly(io.chai.model.domain.Role.REVIEWER,
                io.chai.model.domain.Role.ADMIN);
        assertThat(setup.rolesNoticeProperty().get()).isEmpty();
        assertThat(setup.setRoles("ann", java.util.Set.of(io.chai.model.domain.Role.ANNOTATOR))).isTrue();
        assertThat(setup.setRoles("rex", java.util.Set.of(io.chai.model.domain.Role.REVIEWER))).isTrue();
        assertThat(setup.statusProperty().get()).isEqualTo("Recorded rex as reviewer");

        // someone the team does not list has no role: the caption steps are refused
        CaptionStepperViewModel zed = stepper(CaptionWorkflows.user("zed"));
        assertThat(zed.userProperty().get().roles()).isEmpty();
        assertThat(zed.generate()).isFalse();
        assertThat(zed.errorProperty().get()).isEqualTo("zed may not generate a pre-caption here (roles in this project: no role).");

        CaptionStepperViewModel vm = rejected(); // ann annotates, rex rejects
        ReviewViewModel annReview = new ReviewViewModel(workflow, works, CaptionWorkflows.user("ann"),
                Clock.systemUTC());
        assertThat(annReview.mayReview()).isFalse();
        assertThat(annReview.rolesNoticeProperty().get()).isEqualTo(
                "Only reviewers and admins see the review queue; ann has annotator in this project.");
        assertThat(annReview.setRoles("ann", java.util.Set.of(io.chai.model.domain.Role.ADMIN))).isFalse();
        assertThat(annReview.errorProperty().get()).isEqualTo("Only an admin can change roles; ann has annotator.");

        // a submitted item is queued for rex, never for ann (not a reviewer)
        CaptionStepperViewModel scene = stepper(CaptionWorkflows.user("ann"));
        scene.select(Aspect.SCENE);
        assertThat(scene.generate()).isTrue();
        scene.ratingProperty().set(5);
        assertThat(scene.submitCritique()).isTrue();
        assertThat(scene.submit()).isTrue();
        annReview.refresh();
        assertThat(annReview.queue()).isEmpty();
        ReviewViewModel rexReview = new ReviewViewModel(workflow, works, CaptionWorkflows.user("rex"),
                Clock.systemUTC());
        assertThat(rexReview.queue()).extracting(ReviewViewModel.Item::aspect).containsExactly(Aspect.SCENE);

        // appeal by the annotator; a reviewer may neither rule nor re-open; the admin rules
        assertThat(vm.appeal("It is red.")).isTrue();
        CaptionStepperViewModel rex = stepper(CaptionWorkflows.user("rex"));
        assertThat(rex.allowed(Action.RULE_ON_APPEAL)).isFalse();
        assertThat(rex.ruleOnAppeal(true, "fine")).isFalse();
        assertThat(rex.errorProperty().get()).contains("admin role");
        CaptionStepperViewModel ada = stepper(CaptionWorkflows.user("ada"));
        assertThat(ada.allowed(Action.RULE_ON_APPEAL)).isTrue();
        assertThat(ada.ruleOnAppeal(false, "blue")).isTrue();
        rex.reload();
        assertThat(rex.allowed(Action.REOPEN)).isFalse();
        assertThat(rex.reopen("x")).isFalse();
        assertThat(rex.errorProperty().get()).contains("admin role");
        assertThat(ada.appealSummary()).contains("Appeal by ann: “It is red.” — upheld by ada: blue");
        assertThat(ada.reopen("colour changes")).isTrue();

        // the last admin cannot be removed; a role change reaches an open stepper on reload
        assertThat(setup.setRoles("ada", java.util.Set.of(io.chai.model.domain.Role.REVIEWER))).isFalse();
        assertThat(setup.errorProperty().get()).contains("at least one admin");
        assertThat(setup.setRoles("zed", java.util.Set.of(io.chai.model.domain.Role.ANNOTATOR))).isTrue();
        zed.reload();
        assertThat(zed.userProperty().get().roles()).containsExactly(io.chai.model.domain.Role.ANNOTATOR);
    }

    /** An executor service that runs each task on the submitting thread. */
    static final class SameThreadExecutor extends java.util.concurrent.AbstractExecutorService {
        private boolean shut;

        @Override
        public void execute(Runnable r) {
            r.run();
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long t, TimeUnit u) {
            return true;
        }
    }
}
