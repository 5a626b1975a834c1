// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.store.ClipTable;
import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The library's rows as an observable list over a {@link ClipTable} and a row order: {@link #get(int)} makes a
 * {@link LibraryRow} on demand (the table view asks for the visible rows only), and a new result replaces the whole
 * list in one change without copying anything; a few re-read clips in the same order update just their positions.
 */
final class RowList extends ObservableListBase<LibraryRow> {
    private ClipTable table;
    private int[] order = new int[0];

    @Override
    public LibraryRow get(int index) {
        return new LibraryRow(table, order[index]);
    }

    @Override
    public int size() {
        return order.length;
    }

    ClipTable table() {
        return table;
    }

    /** Position of a clip in the shown order, or -1. */
    int indexOf(String clipId) {
        if (table == null) {
            return -1;
        }
        for (int i = 0; i < order.length; i++) {
            if (table.clipId(order[i]).equals(clipId)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code other} is the row order shown now. */
    boolean sameOrder(int[] other) {
        return java.util.Arrays.equals(order, other);
    }

    /**
     * Shows {@code newTable} in the same row order, where only the rows at {@code positions} (ascending) differ
     * from the table shown: one change that reports those positions as updated. Not a replacement: a table view
     * clears its selection on any replaced element, and keeps it on an update (it redraws the rows, whose items are
     * new {@link LibraryRow}s of the new table).
     */
    void update(ClipTable newTable, int[] positions) {
        table = newTable;
        if (positions.length == 0) {
            return;
        }
        beginChange();
        for (int p : positions) {
            nextUpdate(p);
        }
        endChange();
    }

    /** Shows {@code newOrder} of {@code newTable} (one replace change). Call on the UI thread. */
    void replace(ClipTable newTable, int[] newOrder) {
        ClipTable oldTable = table;
        int[] oldOrder = order;
        table = newTable;
        order = newOrder;
        List<LibraryRow> removed = new AbstractList<>() {
            @Override
            public LibraryRow get(int i) {
                return new LibraryRow(oldTable, oldOrder[i]);
            }

            @Override
            public int size() {
                return oldOrder.length;
            }
        };
        beginChange();
        if (oldOrder.length > 0) {
            nextRemove(0, removed);
        }
        if (newOrder.length > 0) {
            nextAdd(0, newOrder.length);
        }
        endChange();
    }
}
