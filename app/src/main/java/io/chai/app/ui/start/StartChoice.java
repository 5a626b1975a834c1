// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.start;

import java.nio.file.Path;

/** What the start screen decided to open. */
public sealed interface StartChoice {
    /** An existing project folder. */
    record Open(Path folder) implements StartChoice {
    }

    /** The bundled demo project. */
    record Demo() implements StartChoice {
    }
}
