// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import io.chai.app.BuildInfo;
import java.util.List;

/**
 * The lines {@code chai --version} prints and the About dialog shows: what was built (version, build time,
 * commit), what was found at run time (Java, JavaFX, FFmpeg, libVLC) and where the user's files live.
 *
 * @param build    the build info of this binary
 * @param runtime  the versions found at run time
 * @param dirs     the user's folders
 */
public record VersionReport(BuildInfo build, RuntimeVersions runtime, UserDirs dirs) {

    /** The report for this process (probes FFmpeg and libVLC; needs no display). */
    public static VersionReport current() {
        return new VersionReport(BuildInfo.load(), RuntimeVersions.detect(), UserDirs.current());
    }

    /**
     * The same report with the settings folder this process really uses (the workstation's {@code --config-dir} or
     * {@code $CHAI_CONFIG_DIR} may move it); {@code null} keeps the per-OS default.
     */
    public VersionReport withSettings(java.nio.file.Path settingsDir) {
        return settingsDir == null ? this
                : new VersionReport(build, runtime, new UserDirs(settingsDir, dirs.logs(), dirs.cache()));
    }

    /** Version, build and runtime lines. */
    public List<String> lines() {
        String vlc = RuntimeVersions.NOT_FOUND.equals(runtime.libvlc())
                ? RuntimeVersions.NOT_FOUND + " (optional: playback uses the built-in decoder)"
                : runtime.libvlc();
        return List.of(
                "chai " + build.version(),
                "built " + build.buildTime() + " from commit " + build.shortCommit(),
                "Java " + runtime.java(),
                "JavaFX " + runtime.javafx(),
                "FFmpeg " + runtime.ffmpeg(),
                "libVLC " + vlc,
                "settings " + dirs.config(),
                "logs " + dirs.logs());
    }

    /** The lines joined with newlines (for copying into a bug report). */
    public String text() {
        return String.join("\n", lines());
    }
}
