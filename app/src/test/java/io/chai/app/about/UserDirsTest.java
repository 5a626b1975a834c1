// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.about.UserDirs.Os;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {

    @Test
    void linuxFollowsXdgWithHomeFallbacks() {
        UserDirs d = UserDirs.resolve(Os.LINUX, Map.of(), "/home/ana");
        assertThat(d.config()).isEqualTo(Path.of("/home/ana/.config/chai"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ana/.local/state/chai/logs"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ana/.cache/chai"));

        UserDirs x = UserDirs.resolve(Os.LINUX,
                Map.of("XDG_CONFIG_HOME", "/x/cfg", "XDG_STATE_HOME", "/x/state", "XDG_CACHE_HOME", "/x/cache"), "/home/ana");
        assertThat(x.config()).isEqualTo(Path.of("/x/cfg/chai"));
        assertThat(x.logs()).isEqualTo(Path.of("/x/state/chai/logs"));
        assertThat(x.cache()).isEqualTo(Path.of("/x/cache/chai"));
    }

    @Test
    void relativeXdgValuesAreIgnoredAsTheSpecRequires() {
        UserDirs d = UserDirs.resolve(Os.LINUX, Map.of("XDG_CONFIG_HOME", "cfg", "XDG_STATE_HOME", " "), "/home/ana");
        assertThat(d.config()).isEqualTo(Path.of("/home/ana/.config/chai"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ana/.local/state/chai/logs"));
    }

    @Test
    void explicitOverridesWinOnEveryOs() {
        for (Os os : Os.values()) {
            UserDirs d = UserDirs.resolve(os, Map.of("CHAI_CONFIG_DIR", "/opt/c", "CHAI_LOG_DIR", "/opt/l"), "/home/ana");
            assertThat(d.config()).as(os.name()).isEqualTo(Path.of("/opt/c"));
            assertThat(d.logs()).as(os.name()).isEqualTo(Path.of("/opt/l"));
        }
    }

    @Test
    void macosUsesLibrary() {
        UserDirs d = UserDirs.resolve(Os.MACOS, Map.of("XDG_CONFIG_HOME", "/ignored"), "/Users/ana");
        assertThat(d.config()).isEqualTo(Path.of("/Users/ana/Library/Application Support/CHAI"));
        assertThat(d.logs()).isEqualTo(Path.of("/Users/ana/Library/Logs/CHAI"));
        assertThat(d.cache()).isEqualTo(Path.of("/Users/ana/Library/Caches/CHAI"));
    }

    @Test
    void windowsUsesAppDataAndLocalAppData() {
        // forward slashes: the test runs on Linux, where Path does not parse backslashes
        UserDirs d = UserDirs.resolve(Os.WINDOWS,
                Map.of("APPDATA", "/u/ana/AppData/Roaming", "LOCALAPPDATA", "/u/ana/AppData/Local"), "/u/ana");
        assertThat(d.config()).isEqualTo(Path.of("/u/ana/AppData/Roaming/CHAI"));
        assertThat(d.logs()).isEqualTo(Path.of("/u/ana/AppData/Local/CHAI/logs"));
        assertThat(d.cache()).isEqualTo(Path.of("/u/ana/AppData/Local/CHAI/cache"));
        UserDirs bare = UserDirs.resolve(Os.WINDOWS, Map.of(), "/u/ana");
        assertThat(bare.config()).isEqualTo(Path.of("/u/ana/AppData/Roaming/CHAI"));
    }

    @Test
    void osFamilyFromOsName() {
        assertThat(Os.of("Linux")).isEqualTo(Os.LINUX);
        assertThat(Os.of("Windows 11")).isEqualTo(Os.WINDOWS);
        assertThat(Os.of("Mac OS X")).isEqualTo(Os.MACOS);
        assertThat(Os.of("FreeBSD")).isEqualTo(Os.LINUX);
        assertThat(Os.of(null)).isEqualTo(Os.LINUX);
    }
}
