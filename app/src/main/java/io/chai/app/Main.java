// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

import io.chai.app.about.UserDirs;
import io.chai.app.cli.ChaiCommand;
import io.chai.inference.settings.ConfigPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of the {@code chai} binary. Deliberately not a JavaFX {@code Application} subclass, so the
 * workstation can be started from a plain classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (startsWorkstation(args)) {
            // most of a second of native start-up, done while the command line is parsed and the project opens
            io.chai.app.ui.FxToolkit.start();
        }
        // one settings folder per OS for every part of chai (model-server profiles read chai.config.dir)
        if (System.getProperty(ConfigPaths.OVERRIDE_PROPERTY) == null) {
            System.setProperty(ConfigPaths.OVERRIDE_PROPERTY, UserDirs.current().config().toString());
        }
        System.exit(ChaiCommand.run(arguments(args)));
    }

    /** Whether {@code args} open a workstation window (not its help, not without a display). */
    static boolean startsWorkstation(String[] args) {
        String[] a = arguments(args);
        if (a.length == 0 || !"workstation".equals(a[0])) {
            return false;
        }
        for (String x : a) {
            if (x.equals("-h") || x.equals("--help") || x.equals("-V") || x.equals("--version")) {
                return false;
            }
        }
        return io.chai.app.ui.WorkstationLauncher.displayAvailable();
    }

    /**
     * The arguments to run. A file association on Windows and macOS starts the launcher with the opened file as its
     * only argument: an existing {@code *.chai} file alone means {@code workstation FILE} (the Linux desktop entry
     * says {@code chai workstation %f} itself). Anything else is passed on unchanged.
     */
    static String[] arguments(String[] args) {
        if (args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".chai")
                && Files.isRegularFile(Path.of(args[0]))) {
            return new String[] {"workstation", args[0]};
        }
        return args;
    }
}
