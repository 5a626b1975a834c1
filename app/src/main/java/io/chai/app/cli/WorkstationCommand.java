// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.app.ui.DemoContent;
import io.chai.app.ui.WorkstationLauncher;
import io.chai.app.ui.settings.WorkstationSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chai workstation [--demo]}: opens the JavaFX workstation window. */
@Command(name = "workstation", mixinStandardHelpOptions = true,
        description = "Open the workstation window (player and primitive checklist).")
public final class WorkstationCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "open the bundled specification on a numbered test-pattern clip "
            + "(the default)")
    boolean demo;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "settings folder (default: $CHAI_CONFIG_DIR, "
            + "$XDG_CONFIG_HOME/chai or ~/.config/chai)")
    Path configDir;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "write a PNG of each screen to DIR and exit "
            + "(for docs/screenshots; run under xvfb-run)")
    Path screenshots;

    @Override
    public Integer call() {
        Path config = configDir != null ? configDir : WorkstationSettings.defaultDir();
        WorkstationLauncher.run(() -> DemoContent.open(config), config, screenshots);
        return ChaiCommand.EXIT_OK;
    }
}
