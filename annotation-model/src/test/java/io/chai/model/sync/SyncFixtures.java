// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import io.chai.model.store.ClipRecord;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Projects, clips and a comparable fingerprint of a project's log and derived state for sync tests. */
final class SyncFixtures {
    static final String SPEC = "chai-caption-spec";
    static final List<String> ASPECTS = ProjectStore.ASPECTS.subList(0, 2);

    private SyncFixtures() {
    }

    static ProjectStore project(Path dir, String name) {
        return ProjectStore.create(dir, name, SPEC, "1.2.0");
    }

    static String clipId(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static NewClip clip(String name) {
        return new NewClip(clipId(name), "media/" + name + ".mp4", 1000, 0, "ext-" + name,
                new MediaInfo(2.5, 24000, 1001, 640, 360, 60, "h264"), List.of("batch"));
    }

    static String caption(String text) {
        return "{\"pre_caption\":\"" + text + "\",\"source\":\"imported\"}";
    }

    /**
     * Everything that must be equal on converged copies: each revision (by UUID, with its content), every clip's
     * queue states and assignees, and every current value.
     */
    static String fingerprint(ProjectStore p) {
        TreeMap<String, String> revs = new TreeMap<>();
        long after = 0;
        while (true) {
            List<Revision> page = p.revisionsAfter(after, 5000);
            if (page.isEmpty()) {
                break;
            }
            for (Revision r : page) {
                String prev = revs.put(r.uuid().toString(), r.clipId() + "|" + r.aspect() + "|" + r.kind() + "|"
                        + r.author() + "|" + r.hlc() + "|" + r.parents() + "|" + r.payload());
                if (prev != null) {
                    throw new AssertionError("revision " + r.uuid() + " stored twice");
                }
            }
            after = page.get(page.size() - 1).seq();
        }
        StringBuilder sb = new StringBuilder();
        revs.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        List<String> clips = new ArrayList<>();
        for (ClipRecord c : p.clips(null, null, null, null, 0, 1_000_000)) {
            StringBuilder cs = new StringBuilder(c.clipId()).append(' ').append(c.states()).append(' ')
                    .append(c.assignees()).append(' ').append(c.tags());
            for (String aspect : ProjectStore.ASPECTS) {
                for (RevisionKind k : RevisionKind.values()) {
                    Optional<CurrentValue> cv = p.current(c.clipId(), aspect, k);
                    cv.ifPresent(v -> cs.append(' ').append(aspect).append('/').append(k).append('=')
                            .append(v.revisionUuid()).append(':').append(v.payload()));
                }
            }
            clips.add(cs.toString());
        }
        clips.sort(null);
        clips.forEach(c -> sb.append(c).append('\n'));
        return sb.toString();
    }
}
