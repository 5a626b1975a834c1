// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirDefinerTest {

    @Test
    void createsTheLogFolder(@TempDir Path tmp) {
        Path logs = tmp.resolve("state/chai/logs");
        assertThat(LogDirDefiner.usable(logs)).isEqualTo(logs);
        assertThat(logs).isDirectory();
    }

    @Test
    void fallsBackToTempWhenTheFolderCannotBeCreated(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path used = LogDirDefiner.usable(file.resolve("logs"));
        assertThat(used).isNotEqualTo(file.resolve("logs")).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(used).isDirectory();
    }
}
