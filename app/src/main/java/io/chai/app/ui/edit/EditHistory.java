// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo/redo of edits. An edit knows how to undo and redo itself; doing a new edit clears the redo stack.
 * The history is bounded ({@link #LIMIT} edits); the oldest edits fall off.
 */
public final class EditHistory {
    /** An undoable change. {@link #undo()} and {@link #redo()} must not push onto the history. */
    public interface Edit {
        String description();

        void undo();

        void redo();
    }

    public static final int LIMIT = 500;

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

    /** Records an edit that has just been done. */
    public void done(Edit e) {
        undo.push(e);
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        refresh();
    }

    /** Undoes the newest edit; false when there is none. */
    public boolean undo() {
        Edit e = undo.poll();
        if (e == null) {
            return false;
        }
        e.undo();
        redo.push(e);
        refresh();
        return true;
    }

    /** Redoes the newest undone edit; false when there is none. */
    public boolean redo() {
        Edit e = redo.poll();
        if (e == null) {
            return false;
        }
        e.redo();
        undo.push(e);
        refresh();
        return true;
    }

    public void clear() {
        undo.clear();
        redo.clear();
        refresh();
    }

    /** Description of the edit {@link #undo()} would undo, or empty. */
    public String undoDescription() {
        Edit e = undo.peek();
        return e == null ? "" : e.description();
    }

    public String redoDescription() {
        Edit e = redo.peek();
        return e == null ? "" : e.description();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
