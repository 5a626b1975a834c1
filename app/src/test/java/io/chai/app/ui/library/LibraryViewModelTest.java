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

    /** What a row shows, as one string (to compare rows across tables). */
    private static String shown(LibraryRow r) {
        StringBuilder b = new StringBuilder(r.clipId()).append('|').append(r.name()).append('|').append(r.duration())
                .append('|').append(r.fps()).append('|').append(r.resolution()).append('|');
        for (int a = 0; a < ClipTable.ASPECTS; a++) {
            b.append(r.state(a).ordinal());
        }
        return b.append('|').append(r.assignees()).append('|').append(r.tags()).toString();
    }

    private static List<String> shownRows(LibraryViewModel vm) {
        List<String> out = new ArrayList<>();
        for (LibraryRow r : vm.rows()) {
            out.add(shown(r));
        }
        return out;
    }

    /** A project of {@code n} clips: tagged "even" or "odd", clip 3 assigned to alice. */
    private static ProjectStore smallProject(String name, int n, List<String> clipIds) {
        ProjectStore p = ProjectStore.create(dir.resolve(name), name, "chai-spec", "1.0.0");
        List<NewClip> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "%064x", 0xABC000 + i);
            clipIds.add(id);
            clips.add(new NewClip(id, "media/s-" + String.format(Locale.ROOT, "%03d", i) + ".mp4", 1000 + i, 0, null,
                    new MediaInfo(2.0, 25, 1, 640, 360, 50, "h264"), List.of(i % 2 == 0 ? "even" : "odd")));
        }
        p.addClips(clips);
        p.append(RevisionDraft.of(clipIds.get(3), "", RevisionKind.ASSIGNMENT, "lead", "{\"assignee\":\"alice\"}"));
        return p;
    }

    @Test
    void aStepOnOneClipRereadsOnlyItsRowInPlaceKeepingFilterAndSort() {
        List<String> s = new ArrayList<>();
        try (ProjectStore p = smallProject("steps", 300, s)) {
            LibraryViewModel vm = new LibraryViewModel(LibrarySource.of(p), Runnable::run, Runnable::run);
            vm.refresh();
            vm.sortOrder().setAll(new SortKey(LibraryColumn.NAME, false));
            vm.filterProperty().set(LibraryFilter.ALL.withTag("odd"));
            assertThat(vm.rows()).hasSize(150);
            ClipTable before = vm.table();
            List<String> rowsBefore = shownRows(vm);
            int at = vm.indexOf(s.get(3));
            assertThat(at).isEqualTo(148);        // s-003 near the end of the odd clips by name, descending
            List<ListChangeListener.Change<? extends LibraryRow>> changes = new ArrayList<>();
            List<int[]> updated = new ArrayList<>();
            vm.rows().addListener((ListChangeListener<LibraryRow>) c -> {
                changes.add(c);
                while (c.next()) {
                    updated.add(new int[] {c.getFrom(), c.getTo(), c.wasUpdated() ? 1 : 0, c.getRemovedSize(),
                        c.getAddedSize()});
                }
            });

            // a caption step on clip 3 (subject pre-captioned) and an overlap assignment of its camera aspect
            p.append(RevisionDraft.of(s.get(3), "subject", RevisionKind.PRE_CAPTION, "model", "{\"text\":\"A dog\"}"));
            p.append(RevisionDraft.of(s.get(3), "camera", RevisionKind.ASSIGNMENT, "lead",
                    "{\"assignees\":[\"alice\",\"bob\"]}"));
            vm.refreshClips(List.of(s.get(3)));

            // one change updating exactly its position; filter and sort kept; every other row as it was
            assertThat(changes).hasSize(1);
            assertThat(updated).singleElement().satisfies(r -> assertThat(r).containsExactly(at, at + 1, 1, 0, 0));
            assertThat(vm.filterProperty().get().tag()).isEqualTo("odd");
            assertThat(vm.sortOrder()).containsExactly(new SortKey(LibraryColumn.NAME, false));
            List<String> rowsAfter = shownRows(vm);
            for (int i = 0; i < rowsAfter.size(); i++) {
                if (i != at) {
                    assertThat(rowsAfter.get(i)).as("row %d", i).isEqualTo(rowsBefore.get(i));
                }
            }
            LibraryRow row = vm.rows().get(at);
            assertThat(row.clipId()).isEqualTo(s.get(3));
            assertThat(row.state(Aspect.SUBJECT.ordinal())).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(rowsBefore.get(at)).contains("|" + "0".repeat(ClipTable.ASPECTS) + "|alice|odd");
            assertThat(row.assignees()).isEqualTo("alice, bob");
            assertThat(row.tags()).isEqualTo("odd");
            assertThat(vm.assignees()).containsExactly("alice", "bob");
            // the old table is unchanged (a copy was made), the new one equals a fresh load row for row
            assertThat(new LibraryRow(before, before.rowOf(s.get(3))).assignees()).isEqualTo("alice");
            ClipTable fresh = ClipTable.load(p);
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(shown(new LibraryRow(vm.table(), i))).isEqualTo(shown(new LibraryRow(fresh, i)));
            }

            // a step that moves a row out of the filter: the list is redone under the same filter
            vm.filterProperty().set(LibraryFilter.ALL.withState(WorkflowState.NOT_STARTED).withAspect(Aspect.SUBJECT));
            assertThat(vm.rows()).hasSize(299);
            changes.clear();
            p.append(RevisionDraft.of(s.get(7), "subject", RevisionKind.PRE_CAPTION, "model", "{\"text\":\"A cat\"}"));
            vm.refreshClips(List.of(s.get(7)));
            assertThat(changes).hasSize(1);
            assertThat(vm.rows()).hasSize(298);
            assertThat(vm.indexOf(s.get(7))).isEqualTo(-1);
            assertThat(vm.rows().get(0).name()).isEqualTo("s-299.mp4");

            // a clip the table does not have (imported since): a full load
            String added = "e".repeat(64);
            p.addClips(List.of(new NewClip(added, "media/s-new.mp4", 5, 0, null,
                    new MediaInfo(2.0, 25, 1, 640, 360, 50, "h264"), List.of())));
            vm.refreshClips(List.of(added));
            assertThat(vm.table().size()).isEqualTo(301);
            assertThat(vm.indexOf(added)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void clipUpdatesQueuedTogetherAllArriveAndBuildOnTheNewestTable() {
        List<String> s = new ArrayList<>();
        try (ProjectStore p = smallProject("queued", 50, s)) {
            ManualExecutor background = new ManualExecutor();
            ManualExecutor ui = new ManualExecutor();
            LibraryViewModel vm = new LibraryViewModel(LibrarySource.of(p), background, ui);
            vm.refresh();
            background.runAll();
            ui.runAll();
            assertThat(vm.rows()).hasSize(50);
            // clip 1's update is made but not shown yet when clip 2's is asked for
            p.append(RevisionDraft.of(s.get(1), "subject", RevisionKind.PRE_CAPTION, "model", "{\"text\":\"One\"}"));
            vm.refreshClips(List.of(s.get(1)));
            background.runAll();
            p.append(RevisionDraft.of(s.get(2), "subject", RevisionKind.PRE_CAPTION, "model", "{\"text\":\"Two\"}"));
            vm.refreshClips(List.of(s.get(2)));
            background.runAll();
            ui.runAll();
            int subject = Aspect.SUBJECT.ordinal();
            assertThat(vm.rows().get(1).state(subject)).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(vm.rows().get(2).state(subject)).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(vm.rows().get(3).state(subject)).isEqualTo(WorkflowState.NOT_STARTED);
            // two asked before the background runs: one run reads both
            p.append(RevisionDraft.of(s.get(4), "subject", RevisionKind.PRE_CAPTION, "model", "{\"text\":\"4\"}"));
            p.append(RevisionDraft.of(s.get(5), "subject", RevisionKind.PRE_CAPTION, "model", "{\"text\":\"5\"}"));
            vm.refreshClips(List.of(s.get(4)));
            vm.refreshClips(List.of(s.get(5)));
            background.runAll();
            ui.runAll();
            assertThat(vm.rows().get(4).state(subject)).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(vm.rows().get(5).state(subject)).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(vm.loadingProperty().get()).isFalse();
        }
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
