// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The versions of the native parts found at run time: JavaFX (from its jars), FFmpeg (the libavutil that JavaCV
 * loads) and libVLC (the system's, through JNA; optional, playback falls back to the built-in decoder). Probing
 * needs no display: nothing here starts the JavaFX toolkit.
 *
 * @param java   Java runtime version and VM
 * @param javafx JavaFX runtime version, or {@value #NOT_FOUND}
 * @param ffmpeg FFmpeg version of the loaded libavutil, or {@value #NOT_FOUND} with the reason
 * @param libvlc libVLC version, or {@value #NOT_FOUND}
 */
public record RuntimeVersions(String java, String javafx, String ffmpeg, String libvlc) {
    /** What a component that could not be loaded reports. */
    public static final String NOT_FOUND = "not found";

    /** Where VLC installs libVLC outside the library path (Windows, macOS); Linux uses the system's loader path. */
    static final List<String> VLC_SEARCH_PATHS = List.of(
            "C:\\Program Files\\VideoLAN\\VLC", "C:\\Program Files (x86)\\VideoLAN\\VLC",
            "/Applications/VLC.app/Contents/MacOS/lib");

    /** Probes everything; FFmpeg and libVLC load in parallel to keep {@code chai --version} quick. */
    public static RuntimeVersions detect() {
        CompletableFuture<String> vlc = CompletableFuture.supplyAsync(() -> probeLibvlc("vlc"));
        String ff = probeFfmpeg();
        return new RuntimeVersions(probeJava(), probeJavafx(), ff, vlc.join());
    }

    /** {@code 17.0.15 (OpenJDK 64-Bit Server VM)}. */
    public static String probeJava() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /**
     * The JavaFX runtime version: the {@code javafx.runtime.version} property once the toolkit runs, else
     * JavaFX's own version record read from the javafx-base jar (loading that class starts nothing).
     */
    public static String probeJavafx() {
        String prop = System.getProperty("javafx.runtime.version");
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        try {
            Class<?> info = Class.forName("com.sun.javafx.runtime.VersionInfo");
            Object v = info.getMethod("getRuntimeVersion").invoke(null);
            return v == null ? NOT_FOUND : v.toString();
        } catch (ReflectiveOperationException | LinkageError e) {
            return NOT_FOUND;
        }
    }

    /** FFmpeg's version string from the libavutil JavaCV loads (e.g. {@code 8.1.2}). */
    public static String probeFfmpeg() {
        try {
            return org.bytedeco.ffmpeg.global.avutil.av_version_info().getString();
        } catch (LinkageError | RuntimeException e) {
            return NOT_FOUND + " (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")";
        }
    }

    /**
     * The version of the libVLC found under {@code name} (e.g. {@code 3.0.21 Vetinari}), or {@value #NOT_FOUND}.
     * JNA searches the system library path (on Linux also versioned names such as {@code libvlc.so.5}) and the
     * usual VLC install folders.
     */
    public static String probeLibvlc(String name) {
        for (String dir : VLC_SEARCH_PATHS) {
            if (Files.isDirectory(Path.of(dir))) {
                NativeLibrary.addSearchPath(name, dir);
            }
        }
        try {
            NativeLibrary lib = NativeLibrary.getInstance(name);
            Function f = lib.getFunction("libvlc_get_version");
            String v = f.invokeString(new Object[0], false);
            return v == null || v.isBlank() ? NOT_FOUND : v.strip();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return NOT_FOUND;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
