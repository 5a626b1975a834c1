// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@value #FILE} file in a project folder: a small JSON marker ({@code format}, {@code name}, {@code project_id},
 * {@code database}) that a desktop opens with the workstation ({@code chai workstation PATH}) on double-click. The
 * database stays the truth; the marker only names it. Written by {@code chai init} and, for projects made before
 * markers existed, when the workstation opens the project.
 */
public final class ProjectMarker {
    /** The marker's file name. */
    public static final String FILE = "project.chai";
    /** Its file name extension (for desktop MIME registration). */
    public static final String EXTENSION = ".chai";
    /** The {@code format} value. */
    public static final String FORMAT = "chai-project-marker/1";

    private static final JsonMapper JSON = new JsonMapper();

    private ProjectMarker() {
    }

    /** What a marker says. */
    public record Contents(String format, String name, String projectId, String database) {
    }

    /** Writes (or rewrites) the marker of {@code info}'s project atomically. */
    public static Path write(ProjectInfo info) {
        Path file = info.directory().resolve(FILE);
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("name", info.name());
        n.put("project_id", info.projectId());
        n.put("database", ProjectStore.DATABASE_FILE);
        try {
            Path tmp = info.directory().resolve(FILE + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new ProjectStoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the marker when the folder has none or it names another project (a copied folder keeps working); a
     * read-only folder is left alone (the marker is a convenience). Returns whether it wrote one.
     */
    public static boolean ensure(ProjectInfo info) {
        Path file = info.directory().resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                Contents c = read(file);
                if (info.projectId().equals(c.projectId()) && info.name().equals(c.name())) {
                    return false;
                }
            } catch (ProjectStoreException e) {
                // unreadable: rewrite it below
            }
        }
        if (!Files.isWritable(info.directory())) {
            return false;
        }
        write(info);
        return true;
    }

    /** Reads a marker; a file that is not one is a one-line error. */
    public static Contents read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (IOException e) {
            throw new ProjectStoreException(file + " is not a CHAI project file (not JSON)", e);
        }
        if (n == null || !n.isObject() || !FORMAT.equals(n.path("format").asText())) {
            throw new ProjectStoreException(file + " is not a CHAI project file (format is not " + FORMAT + ")");
        }
        return new Contents(FORMAT, n.path("name").asText(""), n.path("project_id").asText(""),
                n.path("database").asText(ProjectStore.DATABASE_FILE));
    }
}
