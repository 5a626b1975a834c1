// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.settings;

import java.util.Locale;

/** The workstation's colour themes; each maps to a stylesheet under {@code io/chai/app/ui/theme/}. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The stylesheet's file name inside {@code io/chai/app/ui/theme/}. */
    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Parses {@code light}/{@code dark} (any case); anything else gives {@code fallback}. */
    public static Theme parse(String s, Theme fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
