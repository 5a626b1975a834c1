// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.shortcuts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * One key with its modifiers, written as text such as {@code "Ctrl+Shift+Z"}, {@code "Shift+Right"},
 * {@code "Space"} or {@code "F1"}. Matching is exact: {@code "Right"} does not match Shift+Right.
 */
public record KeyChord(KeyCode code, boolean ctrl, boolean shift, boolean alt, boolean meta) {

    public KeyChord {
        if (code == null || code.isModifierKey() || code == KeyCode.UNDEFINED) {
            throw new IllegalArgumentException("a shortcut needs a non-modifier key");
        }
    }

    /** Parses {@code [Ctrl+][Shift+][Alt+][Meta+]KEY}; KEY is a JavaFX key name ({@code J}, {@code Left}, {@code F1}). */
    public static KeyChord parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty shortcut");
        }
        String[] parts = text.trim().split("\\s*\\+\\s*");
        boolean ctrl = false;
        boolean shift = false;
        boolean alt = false;
        boolean meta = false;
        for (int i = 0; i < parts.length - 1; i++) {
            switch (parts[i].toLowerCase(Locale.ROOT)) {
                case "ctrl", "control" -> ctrl = true;
                case "shift" -> shift = true;
                case "alt" -> alt = true;
                case "meta", "cmd", "super" -> meta = true;
                default -> throw new IllegalArgumentException("unknown modifier '" + parts[i] + "' in '" + text + "'");
            }
        }
        String keyName = parts[parts.length - 1];
        KeyCode code = KeyCode.getKeyCode(keyName);
        if (code == null && keyName.length() == 1) {
            code = KeyCode.getKeyCode(keyName.toUpperCase(Locale.ROOT));
        }
        if (code == null) {
            for (KeyCode c : KeyCode.values()) {
                if (c.name().equalsIgnoreCase(keyName) || c.getName().equalsIgnoreCase(keyName)) {
                    code = c;
                    break;
                }
            }
        }
        if (code == null || code.isModifierKey() || code == KeyCode.UNDEFINED) {
            throw new IllegalArgumentException("unknown key '" + keyName + "' in '" + text + "'");
        }
        return new KeyChord(code, ctrl, shift, alt, meta);
    }

    /** The chord of a key event. */
    public static KeyChord of(KeyEvent e) {
        return new KeyChord(e.getCode(), e.isControlDown(), e.isShiftDown(), e.isAltDown(), e.isMetaDown());
    }

    /** Whether this chord has a modifier other than Shift (so it cannot be typing). */
    public boolean hasCommandModifier() {
        return ctrl || alt || meta;
    }

    /** Text form, e.g. {@code "Ctrl+Shift+Z"}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        List<String> p = new ArrayList<>();
        if (ctrl) {
            p.add("Ctrl");
        }
        if (shift) {
            p.add("Shift");
        }
        if (alt) {
            p.add("Alt");
        }
        if (meta) {
            p.add("Meta");
        }
        p.add(code.getName());
        return String.join("+", p);
    }
}
