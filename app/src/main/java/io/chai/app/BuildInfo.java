// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and build time, filtered into {@code version.properties} by Maven. */
public record BuildInfo(String version, String buildTime) {
    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version", "unknown"), p.getProperty("buildTime", "unknown"));
    }
}
