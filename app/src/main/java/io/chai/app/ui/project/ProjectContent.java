// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.common.UserFacingException;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.ProjectInfo;
import io.chai.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Opens one clip of a CHAI project (made by {@code chai init} / {@code chai import}) in the workstation: its
 * exact frames through the media module (frame index from the project's cache) and its primitive labels in the
 * project store.
 */
public final class ProjectContent {
    private ProjectContent() {
    }

    /**
     * @param dir     the project folder, or a folder inside it
     * @param clipRef a clip id (or unique prefix), external id or media path; null = the first imported clip
     * @param author  who edits (recorded on each revision)
     */
    public static WorkstationContent open(Path dir, String clipRef, String author) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("project folder " + dir + " does not exist");
        }
        Path root = ProjectStore.locate(dir.toAbsolutePath()).orElseThrow(() -> new UserFacingException(
                "no CHAI project in " + dir + " or above it (create one with 'chai init DIR --name NAME')"));
        ProjectStore store = ProjectStore.open(root);
        try {
            ProjectInfo info = store.info();
            Specification spec = Specifications.bundled();
            if (!spec.id().equals(info.specId()) || !sameMajor(spec.version().toString(), info.specVersion())) {
                throw new UserFacingException("project " + root + " uses specification " + info.specId() + " "
                        + info.specVersion() + "; the workstation opens projects of the bundled " + spec.id() + " "
                        + spec.version() + " only");
            }
            String clipId;
            if (clipRef != null) {
                clipId = store.resolveClip(clipRef);
            } else {
                List<ClipRecord> first = store.clips(null, null, null, null, 0, 1);
                if (first.isEmpty()) {
                    throw new UserFacingException("project " + root + " has no clips yet: add some with "
                            + "'chai import --project " + root + " PATH'");
                }
                clipId = first.get(0).clipId();
            }
            ClipRecord clip = store.clip(clipId).orElseThrow();
            Path file = clip.path().isAbsolute() ? clip.path() : root.resolve(clip.path());
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException("the media of clip " + clipId.substring(0, 12) + " is missing at "
                        + file + " (find it with 'chai relink')");
            }
            MediaFrameSource source = MediaFrameSource.open(file, new IndexStore(root.resolve("cache/frame-index")),
                    ProgressListener.NONE, CancellationToken.NONE);
            return new WorkstationContent(info.name() + " — " + file.getFileName(), spec, source,
                    new StoreAnswers(store, spec, clipId, author, Clock.systemUTC()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static boolean sameMajor(String a, String b) {
        return a.split("\\.")[0].equals(b.split("\\.")[0]);
    }
}
