// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk remote path ({@link ProjectStore#appendRemoteAll}, used by sync): batches of revisions from other devices,
 * shuffled, with repeats inside a batch and across batches, interleaved with local edits, give the same derived
 * state as a replay of the log, and store every UUID exactly once.
 */
class RemoteBulkApplyTest {
    @TempDir
    Path tmp;

    private static final String[] PEOPLE = {"alice", "bob", "carol"};
    private static final String[] WORDS = {"pier", "dusk", "camera", "pans", "left", "rain", "boat"};

    private static String payload(RevisionKind kind, Random rnd) {
        if (rnd.nextInt(10) == 0 && kind != RevisionKind.STEP_TIMING) {
            return "null";
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        String w = WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
        switch (kind) {
            case PRIMITIVE_LABELS -> o.putObject("values").put("camera_pan", rnd.nextBoolean() ? "no" : "left");
            case PRE_CAPTION -> o.put("pre_caption", w).put("source", "model");
            case RATING -> {
                return Integer.toString(1 + rnd.nextInt(5));
            }
            case CRITIQUE -> o.put("initial_feedback", w).put("final_feedback", w);
            case POST_CAPTION -> o.put("final_caption", w);
            case SUBMISSION -> o.put("submitted", rnd.nextInt(4) != 0);
            case REVIEW -> o.put("decision", rnd.nextBoolean() ? "approve" : "reject").put("decision_reason", w);
            case ASSIGNMENT -> {
                o.put("assignee", PEOPLE[rnd.nextInt(PEOPLE.length)]);
                if (rnd.nextBoolean()) { // an overlap assignment: several people, the first is "assignee"
                    var list = o.putArray("assignees").add(o.get("assignee").asText());
                    list.add(PEOPLE[rnd.nextInt(PEOPLE.length)]).add(PEOPLE[rnd.nextInt(PEOPLE.length)]);
                }
            }
            case STEP_TIMING -> {
                Instant t = Instant.parse("2026-03-01T09:00:00Z").plusSeconds(rnd.nextInt(10_000));
                o.put("step", "critique").put("openedAt", t.toString()).put("firstEditAt", t.plusSeconds(2).toString())
                        .put("submittedAt", t.plusSeconds(30).toString());
            }
            default -> o.put("text", w);
        }
        return Json.write(o);
    }

    private static String aspect(RevisionKind kind, Random rnd) {
        if (kind == RevisionKind.PRIMITIVE_LABELS) {
            return "";
        }
        boolean clipLevel = kind == RevisionKind.ASSIGNMENT || kind == RevisionKind.PRE_CAPTION
                || kind == RevisionKind.STEP_TIMING;
        return clipLevel && rnd.nextInt(4) == 0 ? "" : ProjectStore.ASPECTS.get(rnd.nextInt(2));
    }

    private static final List<RevisionKind> KINDS = List.of(RevisionKind.PRIMITIVE_LABELS, RevisionKind.PRE_CAPTION,
            RevisionKind.RATING, RevisionKind.CRITIQUE, RevisionKind.POST_CAPTION, RevisionKind.SUBMISSION,
            RevisionKind.REVIEW, RevisionKind.ASSIGNMENT, RevisionKind.STEP_TIMING);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void batchesInAnyOrderWithRepeatsEqualAReplay(long seed) throws Exception {
        Random rnd = new Random(seed);
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p" + seed), "bulk", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 3);
            List<Revision> sent = new ArrayList<>();
            Set<UUID> distinct = new HashSet<>();
            long localAppends = 0;
            for (int round = 0; round < 12; round++) {
                List<Revision> batch = new ArrayList<>();
                for (int i = 0, n = 1 + rnd.nextInt(60); i < n; i++) {
                    RevisionKind kind = KINDS.get(rnd.nextInt(KINDS.size()));
                    String node = "dev" + rnd.nextInt(3);
                    // clocks from an hour behind to an hour ahead; several revisions share a wall time
                    long wall = store.clock().now().wallMillis() + (rnd.nextInt(240) - 120) * 30_000L;
                    Revision r = new Revision(0, UUID.randomUUID(), clips.get(rnd.nextInt(clips.size())),
                            aspect(kind, rnd), kind, PEOPLE[rnd.nextInt(PEOPLE.length)], node,
                            new Hlc(wall, rnd.nextInt(2), node), List.of(), payload(kind, rnd), "chai-spec", "1.0.0");
                    batch.add(r);
                    if (rnd.nextInt(8) == 0) {
                        batch.add(r); // the same revision twice in one batch
                    }
                }
                for (int i = 0, n = Math.min(sent.size(), rnd.nextInt(10)); i < n; i++) {
                    batch.add(sent.get(rnd.nextInt(sent.size()))); // already applied earlier
                }
                Collections.shuffle(batch, rnd);
                int fresh = 0;
                for (Revision r : batch) {
                    if (distinct.add(r.uuid())) {
                        fresh++;
                    }
                }
                assertThat(store.appendRemoteAll(batch)).isEqualTo(fresh);
                sent.addAll(batch);
                if (rnd.nextBoolean()) {
                    store.append(RevisionDraft.of(clips.get(0), "subject", RevisionKind.RATING, "local", "3"));
                    localAppends++;
                }
                ReplayModel.assertConsistent(store);
            }
            assertThat(store.revisionCount()).isEqualTo(distinct.size() + localAppends);
            // a local edit after the remote ones sorts after the newest clock seen
            Revision local = store.append(RevisionDraft.of(clips.get(1), "subject", RevisionKind.RATING, "me", "4"));
            for (Revision r : sent) {
                assertThat(local.hlc().compareTo(r.hlc())).isPositive();
            }
            store.rebuildDerivedState();
            ReplayModel.assertConsistent(store);
        }
    }

    @Test
    void aBatchWithAnUnknownClipIsRefusedWhole() throws Exception {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("x"), "bulk", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 1);
            Revision ok = new Revision(0, UUID.randomUUID(), clips.get(0), "subject", RevisionKind.RATING, "a", "d",
                    new Hlc(1_000, 0, "d"), List.of(), "4", "chai-spec", "1.0.0");
            Revision orphan = new Revision(0, UUID.randomUUID(), StoreFixtures.clipId(99), "subject",
                    RevisionKind.RATING, "a", "d", new Hlc(1_001, 0, "d"), List.of(), "5", "chai-spec", "1.0.0");
            assertThatThrownBy(() -> store.appendRemoteAll(List.of(ok, orphan)))
                    .isInstanceOf(ProjectStoreException.class).hasMessageContaining("no clip");
            assertThat(store.revisionCount()).isZero();
            ReplayModel.assertConsistent(store);
            assertThat(store.appendRemoteAll(List.of(ok))).isEqualTo(1);
            assertThat(store.current(clips.get(0), "subject", RevisionKind.RATING).orElseThrow().payload())
                    .isEqualTo("4");
        }
    }
}
