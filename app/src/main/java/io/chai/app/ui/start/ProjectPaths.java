// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.start;

import io.chai.common.UserFacingException;
import io.chai.model.store.ProjectMarker;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.ProjectStoreException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code chai workstation PATH} (and a double-click) may name: a {@code .chai} project file, a project folder,
 * or its {@code chai-project.db}. Anything else is a one-line error.
 */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** The project folder {@code path} names. */
    public static Path projectFolder(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new UserFacingException(path + " does not exist");
        }
        if (Files.isDirectory(p)) {
            if (!Files.isRegularFile(p.resolve(ProjectStore.DATABASE_FILE))) {
                throw new UserFacingException("no CHAI project in " + path + " (no " + ProjectStore.DATABASE_FILE
                        + "; create one with 'chai init DIR --name NAME')");
            }
            return p;
        }
        String name = p.getFileName().toString();
        if (name.equals(ProjectStore.DATABASE_FILE)) {
            return p.getParent();
        }
        if (name.endsWith(ProjectMarker.EXTENSION)) {
            ProjectMarker.Contents c;
            try {
                c = ProjectMarker.read(p);
            } catch (ProjectStoreException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            Path folder = p.getParent();
            if (!Files.isRegularFile(folder.resolve(c.database()))) {
                throw new UserFacingException(path + " names project '" + c.name() + "', but its database "
                        + c.database() + " is not beside it");
            }
            return folder;
        }
        throw new UserFacingException(path + " is not a CHAI project (give a project folder, its "
                + ProjectMarker.FILE + " or " + ProjectStore.DATABASE_FILE + ")");
    }
}
