// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConvergenceTest {
    @TempDir
    Path tmp;

    private final SyncEngine engine = new SyncEngine();

    private List<ProjectStore> workstations(int n) {
        List<ProjectStore> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SyncFixtures.project(tmp.resolve("ws" + i), "library"));
        }
        return out;
    }

    /** Each workstation imports a clip of its own and one everybody has, then edits offline. */
    private static void editOffline(List<ProjectStore> ws) {
        String aspect = SyncFixtures.ASPECTS.get(0);
        for (int i = 0; i < ws.size(); i++) {
            ProjectStore p = ws.get(i);
            String user = "user" + i;
            p.addClips(List.of(SyncFixtures.clip("shared"), SyncFixtures.clip("own-" + i)));
            String own = SyncFixtures.clipId("own-" + i);
            p.append(RevisionDraft.of(own, aspect, RevisionKind.PRE_CAPTION, user, SyncFixtures.caption("own " + i)));
            p.append(RevisionDraft.of(own, aspect, RevisionKind.RATING, user, String.valueOf(1 + i)));
            p.append(RevisionDraft.of(own, "", RevisionKind.ASSIGNMENT, "admin", "{\"assignee\":\"" + user + "\"}"));
            p.append(RevisionDraft.of(own, aspect, RevisionKind.SUBMISSION, user, "{\"submitted\":true}"));
        }
    }

    private static void permutations(List<Integer> prefix, List<Integer> rest, List<List<Integer>> out) {
        if (rest.isEmpty()) {
            out.add(prefix);
            return;
        }
        for (Integer r : rest) {
            List<Integer> p = new ArrayList<>(prefix);
            p.add(r);
            List<Integer> left = new ArrayList<>(rest);
            left.remove(r);
            permutations(p, left, out);
        }
    }

    @Test
    void twoAndThreeWorkstationsConvergeInEverySyncOrder() {
        for (int n = 2; n <= 3; n++) {
            List<List<Integer>> orders = new ArrayList<>();
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            permutations(List.of(), all, orders);
            for (List<Integer> order : orders) {
                Path base = tmp.resolve("n" + n + "-" + order.stream().map(String::valueOf)
                        .collect(Collectors.joining()));
                List<ProjectStore> ws = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ws.add(SyncFixtures.project(base.resolve("ws" + i), "library"));
                }
                editOffline(ws);
                try (FolderStore store = FolderStore.openOrCreate(base.resolve("shared"), SyncFixtures.SPEC,
                        "1.2.0")) {
                    // one round in this order, then a second: everybody has seen everything
                    for (int round = 0; round < 2; round++) {
                        for (int i : order) {
                            engine.sync(ws.get(i), store);
                        }
                    }
                }
                String expected = SyncFixtures.fingerprint(ws.get(0));
                for (ProjectStore p : ws) {
                    assertThat(SyncFixtures.fingerprint(p)).as("order %s", order).isEqualTo(expected);
                    assertThat(p.clipCount()).isEqualTo(n + 1);
                    assertThat(p.revisionCount()).isEqualTo(4L * n);
                    assertThat(p.state(SyncFixtures.clipId("own-0"), SyncFixtures.ASPECTS.get(0)))
                            .isEqualTo(WorkflowState.SUBMITTED);
                    assertThat(p.clip(SyncFixtures.clipId("own-1")).orElseThrow().assignees())
                            .containsValue("user1");
                    p.close();
                }
            }
        }
    }

    @Test
    void repeatedSyncsMoveNothingAgain() {
        List<ProjectStore> ws = workstations(2);
        editOffline(ws);
        try (FolderStore store = FolderStore.openOrCreate(tmp.resolve("shared"), SyncFixtures.SPEC, "1.2.0")) {
            SyncReport first = engine.sync(ws.get(0), store);
            assertThat(first.pushedRevisions()).isEqualTo(4);
            assertThat(first.pushedClips()).isEqualTo(2);
            SyncReport second = engine.sync(ws.get(1), store);
            assertThat(second.pulledRecords()).isEqualTo(6);
            assertThat(second.appliedRevisions()).isEqualTo(4);
            SyncReport again = engine.sync(ws.get(1), store);
            assertThat(again.pushedRevisions()).isZero();
            assertThat(again.pulledRecords()).isZero();
            SyncReport back = engine.sync(ws.get(0), store);
            assertThat(back.appliedRevisions()).isEqualTo(4);
            assertThat(back.pushedRevisions()).as("revisions pulled from others are not pushed again").isZero();
        }
    }

    @Test
    void concurrentEditsBecomeAVisibleConflictAndAMergeResolvesIt() {
        List<ProjectStore> ws = workstations(2);
        ProjectStore a = ws.get(0);
        ProjectStore b = ws.get(1);
        String clip = SyncFixtures.clipId("shared");
        String aspect = SyncFixtures.ASPECTS.get(0);
        try (FolderStore store = FolderStore.openOrCreate(tmp.resolve("shared"), SyncFixtures.SPEC, "1.2.0")) {
            a.addClips(List.of(SyncFixtures.clip("shared")));
            Revision base = a.append(RevisionDraft.of(clip, aspect, RevisionKind.PRE_CAPTION, "model",
                    SyncFixtures.caption("a dog runs")));
            engine.sync(a, store);
            engine.sync(b, store);
            // offline: both edit the same (clip, aspect)
            Revision ra = a.append(RevisionDraft.of(clip, aspect, RevisionKind.PRE_CAPTION, "alice",
                    SyncFixtures.caption("a brown dog runs")));
            Revision rb = b.append(RevisionDraft.of(clip, aspect, RevisionKind.PRE_CAPTION, "bob",
                    SyncFixtures.caption("a dog sprints")));
            assertThat(ra.parents()).containsExactly(base.uuid());
            assertThat(rb.parents()).containsExactly(base.uuid());
            engine.sync(a, store);
            SyncReport rep = engine.sync(b, store);
            assertThat(rep.conflicts()).hasSize(1);
            Conflict c = rep.conflicts().get(0);
            assertThat(c.kind()).isEqualTo(RevisionKind.PRE_CAPTION);
            assertThat(c.authors()).containsExactly("alice", "bob");
            assertThat(c.heads()).extracting(Revision::uuid).containsExactlyInAnyOrder(ra.uuid(), rb.uuid());
            assertThat(engine.sync(a, store).conflicts()).hasSize(1);
            // both versions are kept on both copies
            for (ProjectStore p : ws) {
                assertThat(p.history(clip, aspect)).extracting(Revision::uuid).contains(ra.uuid(), rb.uuid());
                assertThat(Conflicts.all(p)).hasSize(1);
            }
            // bob resolves, keeping his words
            Revision merge = Conflicts.resolve(b, c, SyncFixtures.caption("a brown dog sprints"), "bob");
            assertThat(merge.parents()).containsExactlyInAnyOrder(ra.uuid(), rb.uuid());
            engine.sync(b, store);
            engine.sync(a, store);
            for (ProjectStore p : ws) {
                assertThat(Conflicts.all(p)).isEmpty();
                assertThat(p.current(clip, aspect, RevisionKind.PRE_CAPTION).orElseThrow().revisionUuid())
                        .isEqualTo(merge.uuid().toString());
            }
            assertThat(SyncFixtures.fingerprint(a)).isEqualTo(SyncFixtures.fingerprint(b));
        }
    }

    @Test
    void sameValueOnBothSidesIsNoConflict() {
        List<ProjectStore> ws = workstations(2);
        String clip = SyncFixtures.clipId("shared");
        try (FolderStore store = FolderStore.openOrCreate(tmp.resolve("shared"), SyncFixtures.SPEC, "1.2.0")) {
            for (ProjectStore p : ws) {
                p.addClips(List.of(SyncFixtures.clip("shared")));
                p.append(RevisionDraft.of(clip, SyncFixtures.ASPECTS.get(0), RevisionKind.RATING, "x", "4"));
            }
            engine.sync(ws.get(0), store);
            assertThat(engine.sync(ws.get(1), store).conflicts()).isEmpty();
        }
    }

    @Test
    void incompatibleSpecificationIsRefusedWithAClearMessage() {
        ProjectStore p = SyncFixtures.project(tmp.resolve("ws"), "library");
        try (FolderStore v2 = FolderStore.openOrCreate(tmp.resolve("v2"), SyncFixtures.SPEC, "2.0.0");
                FolderStore other = FolderStore.openOrCreate(tmp.resolve("other"), "another-spec", "1.2.0");
                FolderStore minor = FolderStore.openOrCreate(tmp.resolve("minor"), SyncFixtures.SPEC, "1.7.3")) {
            assertThatThrownBy(() -> engine.sync(p, v2)).isInstanceOf(SyncException.class)
                    .hasMessageContaining("2.0.0").hasMessageContaining("1.2.0")
                    .hasMessageContaining("different major version");
            assertThatThrownBy(() -> engine.sync(p, other)).isInstanceOf(SyncException.class)
                    .hasMessageContaining("another-spec");
            assertThat(engine.sync(p, minor).conflicts()).isEmpty();
        }
        assertThat(Set.of(p.info().specVersion())).containsExactly("1.2.0");
    }
}
