// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainArgumentsTest {

    @Test
    void aProjectFileAloneOpensTheWorkstation(@TempDir Path tmp) throws Exception {
        Path marker = Files.writeString(tmp.resolve("project.chai"), "{}");
        assertThat(Main.arguments(new String[] {marker.toString()})).containsExactly("workstation", marker.toString());
        Path upper = Files.writeString(tmp.resolve("Other.CHAI"), "{}");
        assertThat(Main.arguments(new String[] {upper.toString()})).containsExactly("workstation", upper.toString());
    }

    @Test
    void everythingElseIsUnchanged(@TempDir Path tmp) throws Exception {
        assertThat(Main.arguments(new String[] {"--version"})).containsExactly("--version");
        String missing = tmp.resolve("missing.chai").toString();
        assertThat(Main.arguments(new String[] {missing})).containsExactly(missing);
        assertThat(Main.arguments(new String[] {tmp.toString()})).containsExactly(tmp.toString());
        Path marker = Files.writeString(tmp.resolve("project.chai"), "{}");
        assertThat(Main.arguments(new String[] {"workstation", marker.toString()}))
                .containsExactly("workstation", marker.toString());
        assertThat(Main.arguments(new String[0])).isEmpty();
    }

    @Test
    void javaFxStartsEarlyOnlyForAWorkstationWindow(@TempDir Path tmp) throws Exception {
        // the display decides only for a workstation window; every other command never starts JavaFX
        boolean display = io.chai.app.ui.WorkstationLauncher.displayAvailable();
        assertThat(Main.startsWorkstation(new String[] {"workstation", "--demo"})).isEqualTo(display);
        Path marker = Files.writeString(tmp.resolve("project.chai"), "{}");
        assertThat(Main.startsWorkstation(new String[] {marker.toString()})).isEqualTo(display);
        assertThat(Main.startsWorkstation(new String[] {"workstation", "--help"})).isFalse();
        assertThat(Main.startsWorkstation(new String[] {"workstation", "-h"})).isFalse();
        assertThat(Main.startsWorkstation(new String[] {"--version"})).isFalse();
        assertThat(Main.startsWorkstation(new String[] {"export", "--project", tmp.toString()})).isFalse();
        assertThat(Main.startsWorkstation(new String[0])).isFalse();
    }
}
