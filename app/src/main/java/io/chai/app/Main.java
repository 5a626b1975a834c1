// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import io.chai.app.about.UserDirs;
import io.chai.app.cli.ChaiCommand;
import io.chai.inference.settings.ConfigPaths;

/**
 * Entry point of the {@code chai} binary. Deliberately not a JavaFX {@code Application} subclass, so the
 * workstation can be started from a plain classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // one settings folder per OS for every part of chai (model-server profiles read chai.config.dir)
        if (System.getProperty(ConfigPaths.OVERRIDE_PROPERTY) == null) {
            System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, UserDirs.current().config().toString());
        }
        System.exit(ChaiCommand.run(args));
    }
}
