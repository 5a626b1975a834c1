// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.shortcuts;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Runs the registry's actions for key presses that reach the scene (so a focused control that uses a key, such
 * as a radio button's arrows, keeps it). While a text field has focus, only keys with Ctrl/Alt/Meta and the
 * function keys act, so typing never triggers player keys.
 */
public final class ShortcutDispatcher {
    private final ShortcutRegistry registry;
    private final Map<String, Runnable> handlers = new HashMap<>();

    public ShortcutDispatcher(ShortcutRegistry registry) {
        this.registry = registry;
    }

    /** Sets the handler of a registered action. */
    public void on(String actionId, Runnable handler) {
        registry.keyOf(actionId);
        handlers.put(actionId, handler);
    }

    public void install(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isModifierKey() || e.getCode() == KeyCode.UNDEFINED) {
                return;
            }
            KeyChord chord = KeyChord.of(e);
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl && !chord.hasCommandModifier() && !e.getCode().isFunctionKey()) {
                return;
            }
            registry.actionFor(chord).map(handlers::get).ifPresent(h -> {
                e.consume();
                h.run();
            });
        });
    }
}
