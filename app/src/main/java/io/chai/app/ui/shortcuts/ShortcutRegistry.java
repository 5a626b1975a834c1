// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.shortcuts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Every keyboard action of the workstation with its current key. Actions are registered once with a default
 * key; users rebind them (persisted as overrides in the settings). A key belongs to at most one action.
 */
public final class ShortcutRegistry {

    /** A keyboard action: a stable id (persisted), a category and description for the cheat sheet, and its default key. */
    public record Action(String id, String category, String description, KeyChord defaultKey) {
    }

    /** One row of the cheat sheet. */
    public record CheatSheetRow(String category, String description, String key, String actionId) {
    }

    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Map<String, KeyChord> keys = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);

    /** Registers an action with its default key ({@link KeyChord#parse} text). */
    public Action register(String id, String category, String description, String defaultKey) {
        if (actions.containsKey(id)) {
            throw new IllegalArgumentException("shortcut action registered twice: " + id);
        }
        KeyChord chord = KeyChord.parse(defaultKey);
        Optional<String> clash = actionFor(chord);
        if (clash.isPresent()) {
            throw new IllegalArgumentException(defaultKey + " is already the key of " + clash.get());
        }
        Action a = new Action(id, category, description, chord);
        actions.put(id, a);
        keys.put(id, chord);
        revision.set(revision.get() + 1);
        return a;
    }

    public List<Action> actions() {
        return List.copyOf(actions.values());
    }

    public KeyChord keyOf(String actionId) {
        KeyChord k = keys.get(actionId);
        if (k == null) {
            throw new IllegalArgumentException("no such shortcut action: " + actionId);
        }
        return k;
    }

    /** The action bound to {@code chord}, if any. */
    public Optional<String> actionFor(KeyChord chord) {
        for (Map.Entry<String, KeyChord> e : keys.entrySet()) {
            if (e.getValue().equals(chord)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Binds {@code actionId} to {@code keyText}. Fails with a one-line message when the key text is invalid or
     * the key already belongs to another action (nothing changes then).
     */
    public void rebind(String actionId, String keyText) {
        keyOf(actionId);
        KeyChord chord = KeyChord.parse(keyText);
        Optional<String> owner = actionFor(chord);
        if (owner.isPresent() && !owner.get().equals(actionId)) {
            throw new IllegalArgumentException(chord + " is already the key of '" + actions.get(owner.get()).description() + "'");
        }
        keys.put(actionId, chord);
        revision.set(revision.get() + 1);
    }

    public void resetToDefault(String actionId) {
        keyOf(actionId);
        rebind(actionId, actions.get(actionId).defaultKey().toString());
    }

    /**
     * Applies persisted overrides; entries for unknown actions, unparsable keys or keys already taken are
     * skipped and returned as one-line problems (so a damaged settings file never blocks the window).
     */
    public List<String> applyOverrides(Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!actions.containsKey(e.getKey())) {
                problems.add("unknown shortcut action '" + e.getKey() + "' ignored");
                continue;
            }
            try {
                rebind(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                problems.add("shortcut for '" + e.getKey() + "' ignored: " + ex.getMessage());
            }
        }
        return problems;
    }

    /** The bindings that differ from the defaults (what the settings file stores). */
    public Map<String, String> overrides() {
        Map<String, String> out = new TreeMap<>();
        keys.forEach((id, k) -> {
            if (!k.equals(actions.get(id).defaultKey())) {
                out.put(id, k.toString());
            }
        });
        return out;
    }

    /** The cheat sheet (F1): every action with its current key, in registration order. */
    public List<CheatSheetRow> cheatSheet() {
        List<CheatSheetRow> rows = new ArrayList<>();
        for (Action a : actions.values()) {
            rows.add(new CheatSheetRow(a.category(), a.description(), keys.get(a.id()).toString(), a.id()));
        }
        return Collections.unmodifiableList(rows);
    }

    /** Increments whenever a key changes, so views showing keys can refresh. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
