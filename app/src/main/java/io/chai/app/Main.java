// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import io.chai.app.cli.ChaiCommand;

/**
 * Entry point of the {@code chai} binary. Deliberately not a JavaFX {@code Application} subclass, so the
 * workstation can be started from a plain classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ChaiCommand.run(args));
    }
}
