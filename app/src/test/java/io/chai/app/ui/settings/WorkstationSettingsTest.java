// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationSettingsTest {
    @Test
    void settingsRoundTripThroughTheFile(@TempDir Path dir) {
        WorkstationSettings s = WorkstationSettings.load(dir.resolve("cfg"));
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
        assertThat(s.windowBounds()).isEmpty();
        s.setTheme(Theme.DARK);
        s.setFontScale(1.5);
        s.setWindowBounds(new WorkstationSettings.WindowBounds(10, 20, 1200, 800, true));
        s.setDivider("main", 0.4);
        s.setShortcutOverrides(Map.of("player.playPause", "P"));
        s.save();
        WorkstationSettings t = WorkstationSettings.load(dir.resolve("cfg"));
        assertThat(t.theme()).isEqualTo(Theme.DARK);
        assertThat(t.fontScale()).isEqualTo(1.5);
        assertThat(t.windowBounds()).hasValue(new WorkstationSettings.WindowBounds(10, 20, 1200, 800, true));
        assertThat(t.divider("main", 0.5)).isEqualTo(0.4);
        assertThat(t.divider("other", 0.5)).isEqualTo(0.5);
        assertThat(t.shortcutOverrides()).isEqualTo(Map.of("player.playPause", "P"));
        t.setShortcutOverrides(Map.of());
        t.save();
        assertThat(WorkstationSettings.load(dir.resolve("cfg")).shortcutOverrides()).isEmpty();
    }

    @Test
    void theCurrentUserIsRemembered(@TempDir Path dir) {
        WorkstationSettings s = WorkstationSettings.load(dir);
        assertThat(s.user()).isEmpty();
        s.setUser(" rex ");
        s.save();
        assertThat(WorkstationSettings.load(dir).user()).contains("rex");
    }

    @Test
    void nonsenseValuesFallBackToDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(WorkstationSettings.FILE_NAME),
                "theme=purple\nfont.scale=NaN\nwindow.x=1\nwindow.y=2\nwindow.width=-5\nwindow.height=3\ndivider.main=7\n");
        WorkstationSettings s = WorkstationSettings.load(dir);
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
        assertThat(s.fontScale()).isEqualTo(1.0);
        assertThat(s.windowBounds()).isEmpty();
        assertThat(s.divider("main", 0.56)).isEqualTo(0.56);
    }

    @Test
    void fontScaleStepsAreBounded() {
        assertThat(FontScale.larger(1.0)).isEqualTo(1.1);
        assertThat(FontScale.larger(2.0)).isEqualTo(2.0);
        assertThat(FontScale.smaller(1.0)).isEqualTo(0.9);
        assertThat(FontScale.smaller(0.75)).isEqualTo(0.75);
        assertThat(FontScale.rootStyle(1.5)).isEqualTo("-fx-font-size: 19.50px;");
    }
}
