// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import ch.qos.logback.core.PropertyDefinerBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives {@code logback.xml} the log folder ({@link UserDirs#logs()}), created if missing. When it cannot be
 * created (read-only home, sandbox) the logs go to {@code <tmp>/chai-logs-<user>} instead, so logging never stops
 * a command.
 */
public final class LogDirDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return usable(UserDirs.current().logs()).toString();
    }

    /** {@code preferred} if it exists or can be created and is writable, else the temp-folder fallback. */
    static Path usable(Path preferred) {
        if (ensure(preferred)) {
            return preferred;
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "chai-logs-" + System.getProperty("user.name"));
        ensure(fallback);
        return fallback;
    }

    private static boolean ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
