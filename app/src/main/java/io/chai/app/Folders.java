// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing folders the program made (demo projects, screenshot sessions, unfinished exams). */
public final class Folders {
    private Folders() {
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        delete(dir, true);
    }

    /** Deletes everything in {@code dir} but keeps the folder; nothing when it does not exist. */
    public static void deleteContents(Path dir) throws IOException {
        delete(dir, false);
    }

    private static void delete(Path dir, boolean withFolder) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (withFolder || !p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
