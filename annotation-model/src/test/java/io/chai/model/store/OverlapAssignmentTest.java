// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlap assignments (one clip or aspect assigned to several people for agreement studies) in per-person queues,
 * clip filters, progress counts and review queues, on a real project database.
 */
class OverlapAssignmentTest {
    @TempDir
    Path tmp;

    private static String assign(String... people) {
        var o = Json.MAPPER.createObjectNode().put("assignee", people[0]);
        var a = o.putArray("assignees");
        for (String p : people) {
            a.add(p);
        }
        return Json.write(o);
    }

    @Test
    void everyAssigneeSeesTheWorkAndIsCounted() throws Exception {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "overlap", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 4);
            store.append(RevisionDraft.of(clips.get(0), "", RevisionKind.ASSIGNMENT, "boss", assign("alice", "bob")));
            store.append(RevisionDraft.of(clips.get(1), "", RevisionKind.ASSIGNMENT, "boss", assign("alice")));
            // an aspect's own (overlap) assignment wins over its clip's
            store.append(RevisionDraft.of(clips.get(1), "subject", RevisionKind.ASSIGNMENT, "boss",
                    assign("bob", "carol")));
            store.append(RevisionDraft.of(clips.get(2), "", RevisionKind.ASSIGNMENT, "boss",
                    "{\"assignee\":\"carol\",\"reviewer\":\"rita\"}"));

            List<QueueEntry> bob = store.workQueue(new QueueQuery(null, null, "bob", null, 0, 100));
            assertThat(bob).extracting(e -> e.clipId() + "/" + e.aspect()).containsExactlyElementsOf(expected(clips));
            assertThat(bob).allSatisfy(e -> assertThat(e.assignee()).isEqualTo("bob"));
            assertThat(store.workQueue(new QueueQuery("subject", null, "carol", null, 0, 100)))
                    .extracting(QueueEntry::clipId).containsExactly(clips.get(1), clips.get(2));
            assertThat(store.clips(null, null, "bob", null, 0, 100)).extracting(ClipRecord::clipId)
                    .containsExactly(clips.get(0), clips.get(1));
            // the first assignee is the one older readers (and aspect_state) see
            assertThat(store.clip(clips.get(0)).orElseThrow().assignees()).containsEntry("subject", "alice");
            assertThat(store.clip(clips.get(1)).orElseThrow().assignees()).containsEntry("subject", "bob")
                    .containsEntry("scene", "alice");

            Map<String, Long> assigned = store.stateCounts(ProjectStore.GroupBy.ANNOTATOR).stream()
                    .collect(Collectors.groupingBy(CountRow::group, Collectors.summingLong(CountRow::count)));
            assertThat(assigned).containsEntry("alice", 9L).containsEntry("bob", 6L).containsEntry("carol", 6L)
                    .containsEntry("", 5L);

            // bob submits his version of clip 0's subject; alice has not
            store.append(RevisionDraft.of(clips.get(0), "subject", RevisionKind.POST_CAPTION, "bob",
                    "{\"final_caption\":\"a man\"}"));
            store.append(RevisionDraft.of(clips.get(0), "subject", RevisionKind.SUBMISSION, "bob",
                    "{\"submitted\":true}"));
            store.append(RevisionDraft.of(clips.get(2), "subject", RevisionKind.SUBMISSION, "carol",
                    "{\"submitted\":true}"));
            assertThat(store.ownSubmissions()).containsEntry("bob", 1L).containsEntry("carol", 1L)
                    .doesNotContainKey("alice");
            assertThat(store.state(clips.get(0), "subject")).isEqualTo(WorkflowState.SUBMITTED);

            // review queues: never one's own work; the item naming the reviewer first
            assertThat(store.reviewQueue("rita", 10)).extracting(ReviewItem::clipId, ReviewItem::assignedReviewer)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(clips.get(2), "rita"),
                            org.assertj.core.groups.Tuple.tuple(clips.get(0), null));
            assertThat(store.reviewQueue("bob", 10)).extracting(ReviewItem::clipId).containsExactly(clips.get(2));
            assertThat(store.reviewQueue("carol", 10)).extracting(ReviewItem::clipId).containsExactly(clips.get(0));

            ReplayModel.assertConsistent(store);
            store.rebuildDerivedState();
            ReplayModel.assertConsistent(store);
            // re-assigning to one person drops the others from their queues
            store.append(RevisionDraft.of(clips.get(0), "", RevisionKind.ASSIGNMENT, "boss", assign("carol")));
            assertThat(store.workQueue(new QueueQuery(null, null, "bob", null, 0, 100)))
                    .extracting(QueueEntry::clipId).containsOnly(clips.get(1));
            ReplayModel.assertConsistent(store);
        }
    }

    private static List<String> expected(List<String> clips) {
        List<String> out = new java.util.ArrayList<>();
        for (String a : ProjectStore.ASPECTS) {
            out.add(clips.get(0) + "/" + a);
        }
        // import order, then aspect id
        out.sort(String::compareTo);
        out.add(clips.get(1) + "/subject");
        return out;
    }
}
