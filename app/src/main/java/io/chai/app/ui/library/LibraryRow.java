// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.store.ClipTable;
import io.chai.model.workflow.WorkflowState;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One row of the library: a light view of row {@code row} of a {@link ClipTable} (made on demand for the rows on
 * screen only; equal when they show the same clip of the same table).
 */
public record LibraryRow(ClipTable table, int row) {

    public String clipId() {
        return table.clipId(row);
    }

    public long clipNo() {
        return table.clipNo(row);
    }

    public String name() {
        return table.name(row);
    }

    public String externalId() {
        return table.externalId(row);
    }

    /** "0:03.0", or "" when unknown. */
    public String duration() {
        double d = table.duration(row);
        if (Double.isNaN(d)) {
            return "";
        }
        long tenths = Math.round(d * 10);
        long s = tenths / 10;
        return String.format(Locale.ROOT, "%d:%02d.%d", s / 60, s % 60, tenths % 10);
    }

    /** "25", "23.976", or "". */
    public String fps() {
        double f = table.fps(row);
        if (Double.isNaN(f)) {
            return "";
        }
        return f == Math.rint(f) ? Long.toString((long) f) : String.format(Locale.ROOT, "%.3f", f);
    }

    /** "1920×1080", or "". */
    public String resolution() {
        return table.width(row) == 0 ? "" : table.width(row) + "×" + table.height(row);
    }

    public WorkflowState state(int aspect) {
        return table.state(row, aspect);
    }

    /** The distinct assignees of the clip's aspects, comma-separated ("" when none). */
    public String assignees() {
        Set<String> who = new LinkedHashSet<>();
        for (int a = 0; a < ClipTable.ASPECTS; a++) {
            who.addAll(table.assignees(row, a));
        }
        return String.join(", ", who);
    }

    /** The tags, comma-separated. */
    public String tags() {
        int[] t = table.tags(row);
        StringBuilder b = new StringBuilder();
        for (int id : t) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(table.tagNames().get(id));
        }
        return b.toString();
    }

    /** A one-character glyph per state, for the aspect columns. */
    public static String glyph(WorkflowState s) {
        return switch (s) {
            case NOT_STARTED -> "·";
            case PRECAPTIONED -> "◔";
            case CRITIQUED -> "◑";
            case REVISED -> "◕";
            case SUBMITTED -> "●";
            case APPROVED -> "✔";
            case REJECTED -> "✘";
        };
    }
}
