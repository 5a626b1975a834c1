// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.start;

import io.chai.common.UserFacingException;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start screen: recent projects (from the settings folder), open one (a folder, its {@code project.chai} or
 * its database), create one (like {@code chai init}), or open the demo. A bad path is a one-line error in
 * {@link #errorProperty()}; a good choice goes to the consumer given at construction (which opens the window).
 */
public final class StartViewModel {
    private final RecentProjects recent;
    private final Consumer<StartChoice> chosen;
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public StartViewModel(RecentProjects recent, Consumer<StartChoice> chosen) {
        this.recent = Objects.requireNonNull(recent);
        this.chosen = Objects.requireNonNull(chosen);
        recentProjects.setAll(recent.list());
    }

    /** Recent project folders, newest first. */
    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    /** The last problem (one line), "" when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Opens a project named by {@code path} (folder, project.chai or database); false with an error if it is none. */
    public boolean open(Path path) {
        Path folder;
        try {
            folder = ProjectPaths.projectFolder(path);
        } catch (UserFacingException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        remember(folder);
        chosen.accept(new StartChoice.Open(folder));
        return true;
    }

    /** Opens a recent project; one that is gone is dropped from the list with an error. */
    public boolean openRecent(Path folder) {
        if (!Files.isRegularFile(folder.resolve(ProjectStore.DATABASE_FILE))) {
            error.set(folder + " holds no CHAI project any more; removed from the recent projects");
            try {
                recent.remove(folder);
            } catch (UserFacingException e) {
                error.set(e.getMessage());
            }
            recentProjects.remove(folder);
            return false;
        }
        return open(folder);
    }

    /**
     * Creates a project called {@code name} in a new folder of that name inside {@code parent} (like
     * {@code chai init PARENT/NAME --name NAME}, with the bundled specification) and opens it.
     */
    public boolean create(Path parent, String name) {
        if (name == null || name.isBlank()) {
            error.set("Give the new project a name.");
            return false;
        }
        if (parent == null || !Files.isDirectory(parent)) {
            error.set("Choose an existing folder to create the project in" + (parent == null ? "." : ": " + parent
                    + " is not one."));
            return false;
        }
        String folderName = name.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        Path dir = parent.resolve(folderName);
        if (Files.isRegularFile(dir.resolve(ProjectStore.DATABASE_FILE))) {
            error.set("A project already exists in " + dir + "; open it instead.");
            return false;
        }
        Specification spec = Specifications.bundled();
        try (ProjectStore store = ProjectStore.create(dir, name.strip(), spec.id(), spec.version().toString())) {
            store.info();
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return false;
        }
        return open(dir);
    }

    /** Opens the demo project. */
    public void openDemo() {
        error.set("");
        chosen.accept(new StartChoice.Demo());
    }

    /** Shows a problem found while opening the choice (e.g. the project's media cannot be read). */
    public void showError(String message) {
        error.set(message == null ? "" : message);
    }

    /** Remembers a project as the most recent (a failure to write the list is an error line, not a refusal). */
    public void remember(Path folder) {
        try {
            recent.add(folder);
            recentProjects.setAll(recent.list());
        } catch (UserFacingException e) {
            error.set(e.getMessage());
        }
    }
}
