// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry points for loading specifications: the bundled one (from {@code chai-resources} on the classpath, cached)
 * and any on disk. Every failure is a {@link SpecificationException} listing all problems as
 * {@code FILE:LINE: PATH: message}.
 */
public final class Specifications {
    /** The classpath folder of the bundled specification. */
    public static final String BUNDLED_FOLDER = "io/chai/spec/";
    /** The manifest file name. */
    public static final String MANIFEST = "spec.yaml";

    private static volatile Specification bundled;

    private Specifications() {
    }

    /** The bundled specification, loaded once and cached. */
    public static Specification bundled() {
        Specification s = bundled;
        if (s == null) {
            synchronized (Specifications.class) {
                s = bundled;
                if (s == null) {
                    s = loadBundled();
                    bundled = s;
                }
            }
        }
        return s;
    }

    /** Loads the bundled specification afresh, bypassing the cache (for benchmarks and tests). */
    public static Specification loadBundled() {
        return fromClasspath(Specifications.class.getClassLoader(), BUNDLED_FOLDER);
    }

    /** Loads {@code folder + "spec.yaml"} and its files from {@code loader}. */
    public static Specification fromClasspath(ClassLoader loader, String folder) {
        String f = folder.endsWith("/") ? folder : folder + "/";
        return SpecificationLoader.load(new SpecSource.Classpath(loader, f, MANIFEST));
    }

    /**
     * Loads a specification from disk: {@code path} is a manifest file (any name) or a directory holding
     * {@code spec.yaml}. The files the manifest lists are read relative to the manifest's directory.
     */
    public static Specification load(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return SpecificationLoader.load(new SpecSource.Directory(abs, MANIFEST));
        }
        if (!Files.exists(abs)) {
            throw new SpecificationException(List.of(new SpecificationError(path.toString(), 0, "",
                    "no such file or directory")));
        }
        Path dir = abs.getParent();
        return SpecificationLoader.load(new SpecSource.Directory(dir, abs.getFileName().toString()));
    }
}
