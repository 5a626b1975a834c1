// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.domain.Aspect;
import io.chai.model.store.ClipTable;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's view model on a real SQLite project of {@value #CLIPS} synthetic clips (registered, assigned,
 * tagged and pre-captioned through the store API), without a display: load, every filter, sorting, the full-text
 * search, 'next in my queue', one change per result, and newest-request-wins.
 */
class LibraryViewModelTest {
    static final int CLIPS = 20_000;

    @TempDir
    static Path dir;
    static ProjectStore store;
    static List<String> ids = new ArrayList<>();

    @BeforeAll
    static void makeProject() {
        store = ProjectStore.create(dir.resolve("p"), "library test", "chai-spec", "1.0.0");
        List<NewClip> clips = new ArrayList<>();
        for (int i = 0; i < CLIPS; i++) {
            String id = String.format(Locale.ROOT, "%064x", i + 1);
            ids.add(id);
            // every 10th clip is 1080p 25 fps and 2 s long, the others 720p 24000/1001 and 10 s
            MediaInfo media = i % 10 == 0 ? new MediaInfo(2.0, 25, 1, 1920, 1080, 50, "h264")
                    : new MediaInfo(10.0, 24000, 1001, 1280, 720, 240, "h264");
            List<String> tags = i % 100 == 0 ? List.of("batch-a", "night") : i % 3 == 0 ? List.of("batch-b")
                    : List.of();
            clips.add(new NewClip(id, "media/clip-" + String.format(Locale.ROOT, "%05d", i) + ".mp4", 1000 + i, 0,
                    i == 7 ? "ext-seven" : null, media, tags));
        }
        store.addClips(clips);
        List<RevisionDraft> drafts = new ArrayList<>();
        for (int i = 0; i < CLIPS; i += 50) {          // alice: clips 0, 50, 100 … (whole clip)
            drafts.add(RevisionDraft.of(ids.get(i), "", RevisionKind.ASSIGNMENT, "lead", "{\"assignee\":\"alice\"}"));
        }
        drafts.add(RevisionDraft.of(ids.get(5), "camera", RevisionKind.ASSIGNMENT, "lead", "{\"assignee\":\"bob\"}"));
        for (int i = 0; i < CLIPS; i += 4) {           // every 4th clip has a subject pre-caption
            String text = i == 400 ? "A zebra crosses the harbour bridge" : "A person walks through a city";
            drafts.add(RevisionDraft.of(ids.get(i), "subject", RevisionKind.PRE_CAPTION, "model",
                    "{\"text\":\"" + text + "\"}"));
        }
        store.appendBulk(drafts);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Runs background work only when asked, to interleave requests. */
    static final class ManualExecutor implements Executor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private static LibraryViewModel loaded() {
        LibraryViewModel vm = new LibraryViewModel(LibrarySource.of(store), Runnable::run, Runnable::run);
        vm.refresh();
        return vm;
    }

    private static List<Integer> clipIndices(LibraryViewModel vm) {
        List<Integer> out = new ArrayList<>();
        for (LibraryRow r : vm.rows()) {
            out.add(ids.indexOf(r.clipId()));
        }
        return out;
    }

    @Test
    void loadsEveryClipWithItsFactsStatesAssigneesAndTags() {
        LibraryViewModel vm = loaded();
        assertThat(vm.rows()).hasSize(CLIPS);
        assertThat(vm.statusProperty().get()).isEqualTo("20,000 clips");
        LibraryRow first = vm.rows().get(0);
        assertThat(first.clipId()).isEqualTo(ids.get(0));
        assertThat(first.name()).isEqualTo("clip-00000.mp4");
        assertThat(first.duration()).isEqualTo("0:02.0");
        assertThat(first.fps()).isEqualTo("25");
        assertThat(first.resolution()).isEqualTo("1920×1080");
        assertThat(first.assignees()).isEqualTo("alice");
        assertThat(first.tags()).isEqualTo("batch-a, night");
        assertThat(first.state(Aspect.SUBJECT.ordinal())).isEqualTo(WorkflowState.PRECAPTIONED);
        assertThat(first.state(Aspect.CAMERA.ordinal())).isEqualTo(WorkflowState.NOT_STARTED);
        LibraryRow second = vm.rows().get(1);
        assertThat(second.fps()).isEqualTo("23.976");
        assertThat(second.duration()).isEqualTo("0:10.0");
        assertThat(second.assignees()).isEmpty();
        assertThat(vm.rows().get(5).assignees()).isEqualTo("bob");
        assertThat(vm.tags()).containsExactlyInAnyOrder("batch-a", "night", "batch-b");
        assertThat(vm.assignees()).containsExactly("alice", "bob");
    }

    @Test
    void filtersByStateAspectAssigneeTagAndText() {
        LibraryViewModel vm = loaded();
        vm.filterProperty().set(LibraryFilter.ALL.withTag("night"));
        assertThat(vm.rows()).hasSize(CLIPS / 100);
        assertThat(vm.statusProperty().get()).isEqualTo("200 of 20,000 clips");

        vm.filterProperty().set(LibraryFilter.ALL.withState(WorkflowState.PRECAPTIONED).withAspect(Aspect.SUBJECT));
        assertThat(vm.rows()).hasSize(CLIPS / 4);
        assertThat(clipIndices(vm)).allMatch(i -> i % 4 == 0);
        // pre-captioned on the camera aspect: none
        vm.filterProperty().set(vm.filterProperty().get().withAspect(Aspect.CAMERA));
        assertThat(vm.rows()).isEmpty();

        vm.filterProperty().set(LibraryFilter.ALL.withAssignee("bob"));
        assertThat(clipIndices(vm)).containsExactly(5);
        // bob's camera aspect is assigned, clip 5's other aspects are not: unassigned + camera excludes it
        vm.filterProperty().set(LibraryFilter.ALL.withAssignee("").withAspect(Aspect.CAMERA));
        assertThat(vm.rows()).hasSize(CLIPS - CLIPS / 50 - 1);
        // alice's clips that are still not started on the subject: those not divisible by 4 (50 k never is… 50·odd)
        vm.filterProperty().set(LibraryFilter.ALL.withAssignee("alice").withAspect(Aspect.SUBJECT)
                .withState(WorkflowState.NOT_STARTED));
        assertThat(clipIndices(vm)).allMatch(i -> i % 50 == 0 && i % 4 != 0).hasSize(CLIPS / 100);

        // text: the full-text search over captions, and file names / external ids
        vm.filterProperty().set(LibraryFilter.ALL.withText("zebra harb"));
        assertThat(clipIndices(vm)).containsExactly(400);
        vm.filterProperty().set(LibraryFilter.ALL.withText("CLIP-0001"));
        assertThat(clipIndices(vm)).hasSize(10).allMatch(i -> i >= 10 && i < 20);
        vm.filterProperty().set(LibraryFilter.ALL.withText("ext-seven"));
        assertThat(clipIndices(vm)).containsExactly(7);
        vm.filterProperty().set(LibraryFilter.ALL.withText("walks").withTag("night"));
        assertThat(clipIndices(vm)).hasSize(CLIPS / 100 - 1).doesNotContain(400);
        // a tag nobody has: nothing
        vm.filterProperty().set(LibraryFilter.ALL.withTag("no-such-tag"));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("0 of 20,000 clips");
    }

    @Test
    void sortsOnColumnsWithImportOrderBreakingTies() {
        LibraryViewModel vm = loaded();
        vm.sortOrder().setAll(new SortKey(LibraryColumn.NAME, false));
        assertThat(vm.rows().get(0).name()).isEqualTo("clip-19999.mp4");
        assertThat(vm.rows().get(CLIPS - 1).name()).isEqualTo("clip-00000.mp4");

        vm.sortOrder().setAll(new SortKey(LibraryColumn.DURATION, true));
        assertThat(clipIndices(vm).subList(0, CLIPS / 10)).allMatch(i -> i % 10 == 0).isSorted();
        assertThat(vm.rows().get(CLIPS / 10).duration()).isEqualTo("0:10.0");

        vm.sortOrder().setAll(new SortKey(LibraryColumn.SUBJECT, false), new SortKey(LibraryColumn.ORDER, false));
        List<Integer> order = clipIndices(vm);
        assertThat(order.subList(0, CLIPS / 4)).allMatch(i -> i % 4 == 0);
        assertThat(order.get(0)).isEqualTo(CLIPS - 4);

        vm.sortOrder().setAll(new SortKey(LibraryColumn.ASSIGNEE, true));
        assertThat(vm.rows().get(0).assignees()).isEqualTo("alice");
        assertThat(vm.rows().get(CLIPS / 50).assignees()).isEqualTo("bob");
        assertThat(vm.rows().get(CLIPS / 50 + 1).assignees()).isEmpty();

        vm.sortOrder().clear();
        assertThat(clipIndices(vm).subList(0, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void nextInQueueWalksTheUsersOpenWorkAndWraps() throws Exception {
        LibraryViewModel vm = loaded();
        assertThat(vm.nextInQueue("alice", ids.get(0)).get()).contains(ids.get(50));
        assertThat(vm.nextInQueue("alice", ids.get(CLIPS - 50)).get()).contains(ids.get(0));
        assertThat(vm.nextInQueue("bob", null).get()).contains(ids.get(5));
        assertThat(vm.nextInQueue("carol", null).get()).isEqualTo(Optional.empty());
        // submitted work is not in the queue
        store.append(RevisionDraft.of(ids.get(5), "camera", RevisionKind.SUBMISSION, "bob", "{\"submitted\":true}"));
        assertThat(vm.nextInQueue("bob", null).get()).isEmpty();
        store.append(RevisionDraft.of(ids.get(5), "camera", RevisionKind.SUBMISSION, "bob", "{\"submitted\":false}"));
        assertThat(vm.nextInQueue("bob", null).get()).contains(ids.get(5));
    }

    /** An overlap assignment (agreement study) puts the clip in every assignee's filter, row and queue. */
    @Test
    void overlapAssigneesEachSeeTheClip() throws Exception {
        try (ProjectStore p = ProjectStore.create(dir.resolve("overlap"), "overlap", "chai-spec", "1.0.0")) {
            List<String> three = List.of("a".repeat(64), "b".repeat(64), "c".repeat(64));
            List<NewClip> clips = new ArrayList<>();
            for (int i = 0; i < three.size(); i++) {
                clips.add(new NewClip(three.get(i), "media/o-" + i + ".mp4", 1000, 0, null,
                        new MediaInfo(2.0, 25, 1, 640, 360, 50, "h264"), List.of()));
            }
            p.addClips(clips);
            p.append(RevisionDraft.of(three.get(1), "", RevisionKind.ASSIGNMENT, "lead",
                    "{\"assignees\":[\"alice\",\"bob\"]}"));
            p.append(RevisionDraft.of(three.get(2), "", RevisionKind.ASSIGNMENT, "lead", "{\"assignee\":\"carol\"}"));
            LibraryViewModel vm = new LibraryViewModel(LibrarySource.of(p), Runnable::run, Runnable::run);
            vm.refresh();
            assertThat(vm.rows().get(1).assignees()).isEqualTo("alice, bob");
            assertThat(vm.assignees()).containsExactly("alice", "bob", "carol");
            for (String who : List.of("alice", "bob")) {
                vm.filterProperty().set(LibraryFilter.ALL.withAssignee(who));
                assertThat(vm.rows()).extracting(LibraryRow::clipId).as(who).containsExactly(three.get(1));
                assertThat(vm.nextInQueue(who, null).get()).as(who).contains(three.get(1));
            }
            vm.filterProperty().set(LibraryFilter.ALL.withAssignee(""));
            assertThat(vm.rows()).extracting(LibraryRow::clipId).containsExactly(three.get(0));
        }
    }

    @Test
    void eachResultIsOneChangeAndTheNewestRequestWins() {
        ManualExecutor background = new ManualExecutor();
        LibraryViewModel vm = new LibraryViewModel(LibrarySource.of(store), background, Runnable::run);
        AtomicInteger changes = new AtomicInteger();
        vm.rows().addListener((ListChangeListener<LibraryRow>) c -> changes.incrementAndGet());
        vm.refresh();
        vm.filterProperty().set(LibraryFilter.ALL.withTag("batch-a"));
        vm.filterProperty().set(LibraryFilter.ALL.withTag("night"));
        assertThat(vm.loadingProperty().get()).isTrue();
        background.runAll();
        assertThat(changes.get()).isEqualTo(1);
        assertThat(vm.rows()).hasSize(CLIPS / 100);
        assertThat(vm.filterProperty().get().tag()).isEqualTo("night");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.table().size()).isEqualTo(CLIPS);
        assertThat(vm.indexOf(ids.get(100))).isEqualTo(1);
    }

    @Test
    void refreshSeesNewStates() {
        LibraryViewModel vm = loaded();
        vm.filterProperty().set(LibraryFilter.ALL.withState(WorkflowState.SUBMITTED));
        assertThat(vm.rows()).isEmpty();
        store.append(RevisionDraft.of(ids.get(8), "subject", RevisionKind.SUBMISSION, "x", "{\"submitted\":true}"));
        vm.refresh();
        assertThat(clipIndices(vm)).containsExactly(8);
        store.append(RevisionDraft.of(ids.get(8), "subject", RevisionKind.SUBMISSION, "x", "{\"submitted\":false}"));
    }

    @Test
    void clipTableLoadsInImportOrder() {
        ClipTable t = ClipTable.load(store);
        assertThat(t.size()).isEqualTo(CLIPS);
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.clipNo(i)).isGreaterThan(t.clipNo(i - 1));
            seen.add(t.clipNo(i));
        }
        assertThat(t.rowOf(ids.get(123))).isEqualTo(123);
        assertThat(t.rowOf("f".repeat(64))).isEqualTo(-1);
    }
}
