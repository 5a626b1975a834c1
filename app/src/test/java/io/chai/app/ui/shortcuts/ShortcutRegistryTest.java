// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.shortcuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class ShortcutRegistryTest {
    private ShortcutRegistry registry() {
        ShortcutRegistry r = new ShortcutRegistry();
        r.register("play", "Player", "Play / pause", "Space");
        r.register("next", "Player", "Next frame", "Right");
        r.register("next10", "Player", "Forward 10", "Shift+Right");
        r.register("undo", "Edit", "Undo", "Ctrl+Z");
        return r;
    }

    @Test
    void chordsParseAndPrintExactly() {
        KeyChord c = KeyChord.parse("ctrl + shift + z");
        assertThat(c).isEqualTo(new KeyChord(KeyCode.Z, true, true, false, false));
        assertThat(c.toString()).isEqualTo("Ctrl+Shift+Z");
        assertThat(KeyChord.parse(c.toString())).isEqualTo(c);
        assertThat(KeyChord.parse("F1").code()).isEqualTo(KeyCode.F1);
        assertThat(KeyChord.parse("j").code()).isEqualTo(KeyCode.J);
        assertThat(KeyChord.parse("Ctrl+Equals").code()).isEqualTo(KeyCode.EQUALS);
        assertThatThrownBy(() -> KeyChord.parse("Hyper+J")).hasMessageContaining("unknown modifier 'Hyper'");
        assertThatThrownBy(() -> KeyChord.parse("Ctrl+Nope")).hasMessageContaining("unknown key 'Nope'");
        assertThatThrownBy(() -> KeyChord.parse("Shift")).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> KeyChord.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void lookupIsExactAboutModifiers() {
        ShortcutRegistry r = registry();
        assertThat(r.actionFor(KeyChord.parse("Right"))).hasValue("next");
        assertThat(r.actionFor(KeyChord.parse("Shift+Right"))).hasValue("next10");
        assertThat(r.actionFor(KeyChord.parse("Ctrl+Right"))).isEmpty();
    }

    @Test
    void rebindRefusesClashesAndPersistsOnlyDifferences() {
        ShortcutRegistry r = registry();
        assertThatThrownBy(() -> r.rebind("play", "Right")).hasMessageContaining("already the key of 'Next frame'");
        assertThat(r.keyOf("play").toString()).isEqualTo("Space");
        r.rebind("play", "P");
        assertThat(r.actionFor(KeyChord.parse("P"))).hasValue("play");
        assertThat(r.actionFor(KeyChord.parse("Space"))).isEmpty();
        assertThat(r.overrides()).isEqualTo(Map.of("play", "P"));
        r.resetToDefault("play");
        assertThat(r.overrides()).isEmpty();
        assertThatThrownBy(() -> r.register("play", "x", "y", "Q")).hasMessageContaining("registered twice");
        assertThatThrownBy(() -> r.register("other", "x", "y", "Ctrl+Z")).hasMessageContaining("already the key");
    }

    @Test
    void damagedOverridesAreSkippedWithReasons() {
        ShortcutRegistry r = registry();
        var problems = r.applyOverrides(Map.of("play", "P", "gone", "Q", "undo", "Right", "next", "Ctrl+Moon"));
        assertThat(r.keyOf("play").toString()).isEqualTo("P");
        assertThat(r.keyOf("undo").toString()).isEqualTo("Ctrl+Z");
        assertThat(problems).hasSize(3).anySatisfy(p -> assertThat(p).contains("unknown shortcut action 'gone'"));
        assertThat(r.cheatSheet()).extracting(ShortcutRegistry.CheatSheetRow::key)
                .containsExactly("P", "Right", "Shift+Right", "Ctrl+Z");
    }
}
