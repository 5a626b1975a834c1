// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.app.ui.sync.viewmodel.SharedStoreConfig;
import io.chai.model.domain.Critique;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.UserId;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.Hlc;
import io.chai.model.store.Revision;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.sync.FolderStore;
import io.chai.model.sync.SyncEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For the screenshot session of the demo project only: shares the demo project through a folder store and plays a
 * colleague on a second copy of it — labelled the first clip and critiqued its subject differently from the annotator,
 * offline two hours earlier, and captioned the other clips the day before (those revisions are stamped that much
 * earlier, minutes apart, so the team figures show a second day and the annotator's versions stay current) — then
 * syncs that copy. The window's Sync now then pulls real
 * revisions from another device: a conflict to resolve, a second person in the team figures, agreement.
 */
public final class ScreenshotTeammate {
    private ScreenshotTeammate() {
    }

    /** Stores a revision of this copy stamped at {@code at} (the colleague's earlier work). */
    private static void earlier(ProjectStore copy, String clip, String aspect, RevisionKind kind, String author,
            Instant at, String payload) {
        String node = copy.clock().now().node();
        copy.appendRemote(new Revision(0, UUID.randomUUID(), clip, aspect, kind, author, copy.info().deviceId(),
                new Hlc(at.toEpochMilli(), 0, node), List.of(), payload, copy.info().specId(),
                copy.info().specVersion()));
    }

    /**
     * @param project the demo project (its {@code sync/remote.json} is written to point at {@code shared})
     * @param shared  the folder store to create
     * @param copyDir where the colleague's copy is created
     */
    public static void play(ProjectStore project, Path shared, Path copyDir, String teammate) {
        JsonMapper json = ChaiJson.newMapper();
        try {
            Files.createDirectories(SharedStoreConfig.file(project.directory()).getParent());
            Files.writeString(SharedStoreConfig.file(project.directory()), "{\"kind\":\"folder\",\"location\":"
                    + json.writeValueAsString(shared.toAbsolutePath().toString()) + "}");
            List<ClipRecord> clips = project.clips(null, null, null, null, 0, 100);
            try (ProjectStore copy = ProjectStore.create(copyDir, project.info().name(), project.info().specId(),
                    project.info().specVersion())) {
                List<NewClip> add = new ArrayList<>();
                for (ClipRecord c : clips) {
                    add.add(new NewClip(c.clipId(), c.path().toString(), c.sizeBytes(), c.mtimeMillis(),
                            c.externalId(), c.media(), c.tags()));
                }
                copy.addClips(add);
                Instant now = Instant.now();
                String first = clips.get(0).clipId();
                // offline two hours ago: concurrent with the annotator's versions (a conflict each) but older, so the
                // annotator's stay current until someone resolves
                Instant offline = now.minus(java.time.Duration.ofHours(2));
                earlier(copy, first, "", RevisionKind.PRIMITIVE_LABELS, teammate, offline, json.writeValueAsString(
                        PrimitiveLabels.of(Map.of("shot_type", new LabelValue.Choice("scenery"), "steadiness",
                                new LabelValue.Choice("static"), "camera_movement", new LabelValue.Choice("no")),
                                UserId.of(teammate), offline)));
                earlier(copy, first, "subject", RevisionKind.CRITIQUE, teammate, offline.plusSeconds(60),
                        json.writeValueAsString(Critique.typed("Say it is a test card with colour bars, not a scene.",
                                List.of())));
                // the colleague captioned the other clips the day before, a few minutes per step
                Instant day = now.minus(java.time.Duration.ofHours(26));
                int k = 0;
                for (ClipRecord c : clips.subList(1, clips.size())) {
                    String pre = "A colourful abstract pattern slowly changes shape.";
                    Instant t = day.plus(java.time.Duration.ofMinutes(40L * k));
                    int m = 3 + 2 * k++;
                    earlier(copy, c.clipId(), "subject", RevisionKind.PRE_CAPTION, teammate, t,
                            json.writeValueAsString(PreCaption.imported(pre, "demo", t)));
                    t = t.plus(java.time.Duration.ofMinutes(m));
                    earlier(copy, c.clipId(), "subject", RevisionKind.RATING, teammate, t,
                            json.writeValueAsString(Rating.of(4)));
                    earlier(copy, c.clipId(), "subject", RevisionKind.CRITIQUE, teammate, t.plusMillis(1),
                            json.writeValueAsString(Critique.typed("Wrong.", List.of())));
                    t = t.plus(java.time.Duration.ofSeconds(90L * m));
                    earlier(copy, c.clipId(), "subject", RevisionKind.POST_CAPTION, teammate, t, json.writeValueAsString(
                            PostCaption.handWritten(pre.replace("slowly", "quickly"))));
                    earlier(copy, c.clipId(), "subject", RevisionKind.SUBMISSION, teammate, t.plus(java.time.Duration.ofSeconds(
                            20L * m)), "{\"submitted\":true}");
                }
                try (FolderStore store = FolderStore.openOrCreate(shared, copy.info().specId(),
                        copy.info().specVersion())) {
                    new SyncEngine().sync(copy, store);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("screenshots: cannot set up the shared store: " + e.getMessage(), e);
        }
    }
}
