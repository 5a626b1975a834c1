// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What was built: the Maven project version, the build time (UTC) and the git commit the build came from, all
 * filtered into {@code version.properties} at build time ({@code app/pom.xml} resolves the commit with git;
 * {@value #UNKNOWN} outside a git checkout).
 *
 * @param version     the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param buildTime   ISO-8601 UTC build time
 * @param commit      full git commit id, or {@value #UNKNOWN}
 * @param dirty       whether tracked files differed from the commit when it was built
 */
public record BuildInfo(String version, String buildTime, String commit, boolean dirty) {
    /** The value of a field the build could not resolve. */
    public static final String UNKNOWN = "unknown";

    /** The build info of this binary. */
    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(p);
    }

    /**
     * Reads build info from properties; missing, blank or unfiltered ({@code ${…}}) values become
     * {@value #UNKNOWN}.
     */
    public static BuildInfo of(Properties p) {
        String commit = value(p, "commit");
        return new BuildInfo(value(p, "version"), value(p, "buildTime"), commit,
                !UNKNOWN.equals(commit) && Boolean.parseBoolean(value(p, "commitDirty")));
    }

    /** The commit shortened to 12 hex digits, with {@code +dirty} for a build from a modified tree. */
    public String shortCommit() {
        if (UNKNOWN.equals(commit)) {
            return UNKNOWN;
        }
        String s = commit.length() > 12 ? commit.substring(0, 12) : commit;
        return dirty ? s + "+dirty" : s;
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank() || v.contains("${")) {
            return UNKNOWN;
        }
        return v.strip();
    }
}
