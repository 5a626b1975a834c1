// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: after any sequence of local edits, undos, remote revisions arriving out of order (and twice), the
 * derived tables equal a replay of the log; also after a full rebuild and after reopening.
 */
class DerivedStatePropertyTest {
    @TempDir
    Path tmp;

    private static final String[] WORDS = {"woman", "coat", "pier", "camera", "pans", "left", "right", "slowly",
        "harbour", "dusk", "tracking", "close", "wide", "boat", "rain"};
    private static final String[] PEOPLE = {"alice", "bob", "carol", "dan"};

    private static String words(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String payload(RevisionKind kind, Random rnd) {
        if (rnd.nextInt(12) == 0 && kind != RevisionKind.STEP_TIMING) {
            return "null";
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        switch (kind) {
            case PRIMITIVE_LABELS -> o.putObject("values").put("camera_pan", rnd.nextBoolean() ? "no" : "left_to_right");
            case PRE_CAPTION -> o.put("pre_caption", words(rnd)).put("source", "model");
            case RATING -> {
                return Integer.toString(1 + rnd.nextInt(5));
            }
            case CRITIQUE -> o.put("initial_feedback", words(rnd)).put("final_feedback", words(rnd));
            case POST_CAPTION -> o.put("final_caption", words(rnd));
            case SUBMISSION -> o.put("submitted", rnd.nextInt(4) != 0);
            case REVIEW -> o.put("decision", new String[] {"approve", "reject", "pending"}[rnd.nextInt(3)])
                    .put("decision_reason", words(rnd));
            case ASSIGNMENT -> o.put("assignee", rnd.nextInt(5) == 0 ? null : PEOPLE[rnd.nextInt(PEOPLE.length)]);
            case STEP_TIMING -> {
                Instant t = Instant.parse("2026-03-01T09:00:00Z").plusSeconds(rnd.nextInt(10_000));
                o.put("step", "critique").put("openedAt", t.toString())
                        .put("firstEditAt", rnd.nextBoolean() ? t.plusSeconds(3).toString() : null)
                        .put("submittedAt", t.plusSeconds(40).toString());
            }
        }
        return Json.write(o);
    }

    private static String aspectFor(RevisionKind kind, Random rnd) {
        if (kind == RevisionKind.PRIMITIVE_LABELS) {
            return "";
        }
        boolean clipLevelOk = kind == RevisionKind.ASSIGNMENT || kind == RevisionKind.PRE_CAPTION
                || kind == RevisionKind.STEP_TIMING;
        if (clipLevelOk && rnd.nextInt(4) == 0) {
            return "";
        }
        return ProjectStore.ASPECTS.get(rnd.nextInt(3)); // few aspects: more collisions
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void derivedStateEqualsReplayOfTheLog(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path dir = tmp.resolve("p" + seed);
        List<Revision> remotes = new ArrayList<>();
        try (ProjectStore store = ProjectStore.create(dir, "prop", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 3);
            RevisionKind[] kinds = RevisionKind.values();
            for (int step = 0; step < 160; step++) {
                int op = rnd.nextInt(10);
                String clip = clips.get(rnd.nextInt(clips.size()));
                RevisionKind kind = kinds[rnd.nextInt(kinds.length)];
                String aspect = aspectFor(kind, rnd);
                if (op < 6) {
                    store.append(RevisionDraft.of(clip, aspect, kind, PEOPLE[rnd.nextInt(4)], payload(kind, rnd)));
                } else if (op < 8) {
                    // a revision from another device, with a clock anywhere from an hour behind to an hour ahead
                    long wall = store.clock().now().wallMillis() + rnd.nextInt(7_200_000) - 3_600_000;
                    String node = "dev" + rnd.nextInt(3);
                    Revision r = new Revision(0, UUID.randomUUID(), clip, aspect, kind, PEOPLE[rnd.nextInt(4)], node,
                            new Hlc(wall, rnd.nextInt(3), node), List.of(), payload(kind, rnd), "chai-spec", "1.0.0");
                    assertThat(store.appendRemote(r)).isTrue();
                    remotes.add(r);
                } else if (op == 8 && !remotes.isEmpty()) {
                    assertThat(store.appendRemote(remotes.get(rnd.nextInt(remotes.size())))).isFalse();
                } else {
                    store.current(clip, aspect, kind.hasCurrentValue() ? kind : RevisionKind.RATING)
                            .filter(c -> !c.aspect().isEmpty() || c.kind() != RevisionKind.RATING)
                            .ifPresent(c -> store.undo(UUID.fromString(c.revisionUuid()), "undoer"));
                }
                if (step % 40 == 39) {
                    ReplayModel.assertConsistent(store);
                }
            }
            ReplayModel.assertConsistent(store);
            store.rebuildDerivedState();
            ReplayModel.assertConsistent(store);
            assertThat(store.revisionCount()).isGreaterThan(100);
        }
        try (ProjectStore reopened = ProjectStore.open(dir)) {
            ReplayModel.assertConsistent(reopened);
            assertThat(reopened.integrityCheck()).isEqualTo("ok");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void bulkAppendDerivesTheSameStateAsAReplay(long seed) throws Exception {
        Random rnd = new Random(seed);
        try (ProjectStore store = ProjectStore.create(tmp.resolve("bulk" + seed), "bulk", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 4);
            RevisionKind[] kinds = RevisionKind.values();
            for (int round = 0; round < 3; round++) {
                List<RevisionDraft> drafts = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    RevisionKind kind = kinds[rnd.nextInt(kinds.length)];
                    drafts.add(RevisionDraft.of(clips.get(rnd.nextInt(clips.size())), aspectFor(kind, rnd), kind,
                            PEOPLE[rnd.nextInt(4)], payload(kind, rnd)));
                }
                assertThat(store.appendBulk(drafts)).isEqualTo(150);
                ReplayModel.assertConsistent(store);
                // ordinary appends after a bulk load keep the state consistent too
                store.append(RevisionDraft.of(clips.get(0), "scene", RevisionKind.RATING, "x", "5"));
                ReplayModel.assertConsistent(store);
            }
        }
    }
}
