// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.captions.viewmodel.CaptionModels;
import io.chai.app.ui.captions.viewmodel.NoServerModels;
import io.chai.app.ui.captions.viewmodel.RolesCaptionModels;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.roles.ClipInput;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.spec.Specification;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opens one clip of a CHAI project (made by {@code chai init} / {@code chai import}) in the workstation: its
 * exact frames through the media module (frame index from the project's cache) and its primitive labels in the
 * project store. The project stays open in a {@link ProjectSession} (the content's {@code project()}), through
 * which the window opens other clips.
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

    /** The caption models of an opened project: one per clip, sharing one server connection. */
    public interface ProjectModels extends AutoCloseable {
        /** Models for one clip: its sampled frames and its current primitive labels (null when none). */
        CaptionModels forClip(Supplier<ClipInput> clip, Supplier<PrimitiveLabels> labels);

        /** Closes the client (and an in-process server). */
        @Override
        void close();
    }

    /** Starts the caption models of a project (a client of a configured server, or the demo server). */
    @FunctionalInterface
    public interface ModelSetup {
        ProjectModels start(Specification spec);
    }

    /**
     * The first server profile of the user's model-server settings ({@code chai models add}), or, when there is
     * none, models that explain how to add one.
     */
    public static ProjectModels configuredServer(Specification spec) {
        List<ServerProfile> profiles = ServerSettings.load(ConfigPaths.configDir()).profiles();
        if (profiles.isEmpty()) {
            return new ProjectModels() {
                @Override
                public CaptionModels forClip(Supplier<ClipInput> clip, Supplier<PrimitiveLabels> labels) {
                    return new NoServerModels();
                }

                @Override
                public void close() {
                }
            };
        }
        ServerProfile p = profiles.get(0);
        ModelServerClient client = new ModelServerClient(p);
        ModelRoles roles = new ModelRoles(spec, client, Clock.systemUTC());
        return new ProjectModels() {
            @Override
            public CaptionModels forClip(Supplier<ClipInput> clip, Supplier<PrimitiveLabels> labels) {
                return new RolesCaptionModels(roles, clip, labels, p.name() + " · " + p.model(), false);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /**
     * Like {@link #open(Path, String, String)} with the caption models from {@code models}. The returned content's
     * {@code project()} holds the open project; closing it closes the store.
     */
    public static WorkstationContent open(Path dir, String clipRef, String author, ModelSetup models) {
        ProjectSession session = ProjectSession.open(dir, author, models);
        try {
            return session.openClip(clipRef);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
