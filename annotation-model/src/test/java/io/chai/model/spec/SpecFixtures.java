// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test fixtures under src/test/resources/spec/. */
final class SpecFixtures {
    private SpecFixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(SpecFixtures.class.getResource("/spec/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path valid() {
        return dir("valid");
    }

    static Specification loadValid() {
        return Specifications.load(valid());
    }

    /** Copies the valid fixture into {@code target}, then the files of {@code malformed/NAME} over it. */
    static Path malformed(String name, Path target) {
        copy(valid(), target);
        copy(dir("malformed/" + name), target);
        return target;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
