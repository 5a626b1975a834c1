// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where specification files come from: a directory or a classpath folder. */
interface SpecSource {
    /** The manifest's file name, e.g. {@code spec.yaml}. */
    String manifest();

    /** A human description of the place, for "not found in ..." messages. */
    String describe();

    /** The UTF-8 text of {@code name} (relative to the manifest's folder), or empty when there is no such file. */
    Optional<String> read(String name) throws IOException;

    /** Files next to a manifest on disk. */
    record Directory(Path dir, String manifest) implements SpecSource {
        @Override
        public String describe() {
            return dir.toString();
        }

        @Override
        public Optional<String> read(String name) throws IOException {
            Path p = dir.resolve(name).normalize();
            if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        }
    }

    /** Files in a classpath folder such as {@code io/chai/spec/}. */
    record Classpath(ClassLoader loader, String folder, String manifest) implements SpecSource {
        @Override
        public String describe() {
            return "classpath:" + folder;
        }

        @Override
        public Optional<String> read(String name) throws IOException {
            if (name.contains("..")) {
                return Optional.empty();
            }
            try (InputStream in = loader.getResourceAsStream(folder + name)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
