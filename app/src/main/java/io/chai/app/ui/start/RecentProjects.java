// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects opened recently, newest first, in {@value #FILE} in the settings folder (one absolute folder per
 * line; at most {@value #MAX}). An unreadable file counts as empty; writing is atomic.
 */
public final class RecentProjects {
    public static final String FILE = "recent-projects.txt";
    public static final int MAX = 12;

    private final Path file;

    public RecentProjects(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    /** The remembered project folders, newest first. */
    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && out.size() < MAX) {
                    Path p = Path.of(line.strip());
                    if (!out.contains(p)) {
                        out.add(p);
                    }
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code project} first. */
    public void add(Path project) {
        Path p = project.toAbsolutePath().normalize();
        List<Path> l = new ArrayList<>(list());
        l.remove(p);
        l.add(0, p);
        write(l.subList(0, Math.min(MAX, l.size())));
    }

    /** Forgets {@code project}. */
    public void remove(Path project) {
        List<Path> l = new ArrayList<>(list());
        if (l.remove(project.toAbsolutePath().normalize())) {
            write(l);
        }
    }

    private void write(List<Path> l) {
        StringBuilder b = new StringBuilder();
        for (Path p : l) {
            b.append(p).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new io.chai.common.UserFacingException("cannot remember recent projects in " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
