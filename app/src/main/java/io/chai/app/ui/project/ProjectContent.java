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
import java.util.Optional;
import java.util.function.Supplier;
import io.chai.app.ui.captions.viewmodel.CaptionModels;
import io.chai.app.ui.captions.viewmodel.CaptionSession;
import io.chai.app.ui.captions.viewmodel.CaptionWorkStore;
import io.chai.app.ui.captions.viewmodel.CaptionWorkflows;
import io.chai.app.ui.captions.viewmodel.NoServerModels;
import io.chai.app.ui.captions.viewmodel.RolesCaptionModels;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.roles.ClipInput;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.RevisionKind;

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
        return open(dir, clipRef, author, ProjectContent::configuredServer);
    }

    /** The model roles behind the caption stepper and what to close with them. */
    public record Models(CaptionModels models, AutoCloseable resources) {
    }

    /** Makes the caption models for an opened project clip. */
    @FunctionalInterface
    public interface ModelSetup {
        Models create(Specification spec, Supplier<ClipInput> clip, Supplier<PrimitiveLabels> labels);
    }

    /**
     * The first server profile of the user's model-server settings ({@code chai models add}), or, when there is
     * none, models that explain how to add one.
     */
    public static Models configuredServer(Specification spec, Supplier<ClipInput> clip,
            Supplier<PrimitiveLabels> labels) {
        List<ServerProfile> profiles = ServerSettings.load(ConfigPaths.configDir()).profiles();
        if (profiles.isEmpty()) {
            return new Models(new NoServerModels(), () -> { });
        }
        ServerProfile p = profiles.get(0);
        ModelServerClient client = new ModelServerClient(p);
        return new Models(new RolesCaptionModels(new ModelRoles(spec, client, Clock.systemUTC()), clip, labels,
                p.name() + " · " + p.model(), false), client);
    }

    /**
     * Like {@link #open(Path, String, String)} with the caption models from {@code models}.
     */
    public static WorkstationContent open(Path dir, String clipRef, String author, ModelSetup models) {
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
            IndexStore indexes = new IndexStore(root.resolve("cache/frame-index"));
            MediaFrameSource source = MediaFrameSource.open(file, indexes, ProgressListener.NONE,
                    CancellationToken.NONE);
            String id = clipId;
            Supplier<PrimitiveLabels> labels = () -> currentLabels(store, id);
            Models m = models.create(spec, new ClipFrames(file, indexes), labels);
            CaptionSession session = new CaptionSession(CaptionWorkStore.of(store, spec.sentinel()),
                    CaptionWorkflows.of(spec), ClipId.of(clipId), m.models(), author, m.resources());
            return new WorkstationContent(info.name() + " — " + file.getFileName(), spec, source,
                    new StoreAnswers(store, spec, clipId, author, Clock.systemUTC()), Optional.of(session));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static PrimitiveLabels currentLabels(ProjectStore store, String clipId) {
        Optional<CurrentValue> v = store.current(clipId, "", RevisionKind.PRIMITIVE_LABELS);
        if (v.isEmpty() || v.get().cleared()) {
            return null;
        }
        return ChaiJson.read(ChaiJson.newMapper(), v.get().payload(), PrimitiveLabels.class,
                "primitive labels of clip " + clipId.substring(0, 12));
    }

    private static boolean sameMajor(String a, String b) {
        return a.split("\\.")[0].equals(b.split("\\.")[0]);
    }
}
