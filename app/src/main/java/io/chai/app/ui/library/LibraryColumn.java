// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.domain.Aspect;

/** The library's sortable columns; the five aspect columns sort by queue state (workflow order). */
public enum LibraryColumn {
    ORDER("#"), NAME("Name"), DURATION("Duration"), FPS("fps"), RESOLUTION("Resolution"),
    SUBJECT("Subject"), SCENE("Scene"), MOTION("Motion"), SPATIAL("Spatial"), CAMERA("Camera"),
    ASSIGNEE("Assignee"), TAGS("Tags");

    private final String title;

    LibraryColumn(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The aspect index (0–4) of an aspect column, else -1. */
    public int aspectIndex() {
        int i = ordinal() - SUBJECT.ordinal();
        return i >= 0 && i < Aspect.values().length ? i : -1;
    }

    /** The column of aspect {@code a}. */
    public static LibraryColumn of(Aspect a) {
        return values()[SUBJECT.ordinal() + a.ordinal()];
    }
}
