// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark may use: a scratch directory (deleted at exit is not guaranteed) and the repository root. */
public record BenchContext(Path workDir, Path repositoryRoot) {
    public Path scratch(String name) {
        try {
            return Files.createDirectories(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
