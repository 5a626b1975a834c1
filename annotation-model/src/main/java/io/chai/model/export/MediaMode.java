// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

/** How an export refers to the clips' media. */
public enum MediaMode {
    /** Paths stay relative to the project's media root (recorded in the manifest); nothing is copied. */
    RELATIVE,
    /** Each clip is copied to {@code media/<path>} inside the export folder; records point there. */
    COPY,
    /** As {@link #COPY} with symbolic links instead of copies. */
    LINK
}
