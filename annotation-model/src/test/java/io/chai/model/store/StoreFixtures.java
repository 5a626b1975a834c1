// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: fake clip ids and clips inserted directly (import is tested on its own). */
final class StoreFixtures {
    private StoreFixtures() {
    }

    static String clipId(int n) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("clip-" + n).getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts {@code count} clips with ids clipId(0..count-1); returns the ids. */
    static List<String> addClips(ProjectStore store, int count) {
        List<String> ids = new ArrayList<>();
        store.write(() -> {
            for (int i = 0; i < count; i++) {
                String id = clipId(i);
                store.insertClipLocked(id, store.storedPath(Path.of("/media/clip-" + i + ".mp4")), 1000 + i, 0,
                        i % 2 == 0 ? "ext-" + i : null, new MediaInfo(2.5, 24000, 1001, 640, 360, 60, "h264"));
                store.addTagLocked(id, i % 3 == 0 ? "batch-a" : "batch-b");
                ids.add(id);
            }
            return null;
        });
        return ids;
    }

    static String text(String text) {
        return Json.write(Json.MAPPER.createObjectNode().put("text", text));
    }

    /** A small, varied history on the first clips: what the migration fixtures hold. */
    static void sampleHistory(ProjectStore store, List<String> ids) {
        String a = ids.get(0);
        String b = ids.get(1);
        store.append(RevisionDraft.of(a, "", RevisionKind.ASSIGNMENT, "lead", "{\"assignee\":\"alice\"}"));
        store.append(RevisionDraft.of(a, "", RevisionKind.PRIMITIVE_LABELS, "alice",
                "{\"labels\":{\"camera_pan\":\"left_to_right\",\"steadiness\":\"smooth\"}}"));
        store.append(RevisionDraft.of(a, "subject", RevisionKind.PRE_CAPTION, "alice",
                "{\"text\":\"A woman in a red coat walks along a pier.\",\"provenance\":{\"model\":\"gemini-2.5-pro\","
                        + "\"prompt\":\"Describe the subject.\",\"mode\":\"Video\"}}"));
        store.append(RevisionDraft.of(a, "subject", RevisionKind.RATING, "alice", "{\"score\":3}"));
        Revision crit = store.append(RevisionDraft.of(a, "subject", RevisionKind.CRITIQUE, "alice",
                text("The coat is blue, not red.")));
        store.undo(crit.uuid(), "alice");
        store.append(RevisionDraft.of(a, "subject", RevisionKind.CRITIQUE, "alice",
                text("The coat is navy blue, not red; she walks toward the camera.")));
        store.append(RevisionDraft.of(a, "subject", RevisionKind.POST_CAPTION, "alice",
                "{\"text\":\"A woman in a navy blue coat walks along a pier toward the camera.\",\"accepted\":true}"));
        store.append(RevisionDraft.of(a, "subject", RevisionKind.REVIEW, "bob",
                "{\"decision\":\"approve\",\"reason\":\"Accurate.\"}"));
        store.append(RevisionDraft.of(b, "camera", RevisionKind.PRE_CAPTION, "carol",
                text("The camera pans slowly to the right across a harbour.")));
        store.recordStepTiming(a, "subject", "critique", "alice", java.time.Instant.parse("2026-01-01T10:00:00Z"),
                java.time.Instant.parse("2026-01-01T10:00:05Z"), java.time.Instant.parse("2026-01-01T10:01:00Z"));
    }
}
