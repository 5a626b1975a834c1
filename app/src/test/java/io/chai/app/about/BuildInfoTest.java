// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void builtResourceCarriesTheMavenVersionTimeAndARealCommit() throws Exception {
        BuildInfo info = BuildInfo.load();
        assertThat(info.version()).isEqualTo(mavenVersion());
        assertThat(info.buildTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // the tests run in a git checkout: the commit must be one git knows
        assertThat(info.commit()).matches("[0-9a-f]{40}");
        Process git = new ProcessBuilder("git", "cat-file", "-e", info.commit() + "^{commit}")
                .redirectErrorStream(true).start();
        assertThat(git.waitFor()).as("git knows commit %s", info.commit()).isZero();
    }

    @Test
    void missingBlankAndUnfilteredValuesAreUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "${project.version}");
        p.setProperty("buildTime", " ");
        p.setProperty("commitDirty", "true");
        BuildInfo info = BuildInfo.of(p);
        assertThat(info.version()).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(info.buildTime()).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(info.commit()).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(info.dirty()).isFalse();
        assertThat(info.shortCommit()).isEqualTo(BuildInfo.UNKNOWN);
    }

    @Test
    void shortCommitMarksADirtyTree() {
        Properties p = new Properties();
        p.setProperty("version", "1.2.3");
        p.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        p.setProperty("commitDirty", "true");
        assertThat(BuildInfo.of(p).shortCommit()).isEqualTo("0123456789ab+dirty");
        p.setProperty("commitDirty", "false");
        assertThat(BuildInfo.of(p).shortCommit()).isEqualTo("0123456789ab");
    }

    /** The project version from the reactor's parent pom (the test runs in app/). */
    private static String mavenVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int parent = pom.indexOf("<parent>");
        int v = pom.indexOf("<version>", parent);
        return pom.substring(v + "<version>".length(), pom.indexOf("</version>", v)).strip();
    }
}
