// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.app.ui.DemoContent;
import io.chai.app.ui.WorkstationLauncher;
import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.project.ProjectContent;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.app.ui.start.ProjectPaths;
import io.chai.app.ui.start.RecentProjects;
import io.chai.app.ui.start.StartChoice;
import io.chai.model.store.ProjectStore;
import io.chai.common.UserFacingException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chai workstation [PATH | --project DIR | --demo] [--clip REF] | --test-pattern}: opens the JavaFX
 * workstation window; with none of them, the start screen (recent projects, open, new, demo).
 */
@Command(name = "workstation", mixinStandardHelpOptions = true,
        description = "Open the workstation window (player, primitive checklist, caption stepper, review).")
public final class WorkstationCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--project", paramLabel = "DIR", required = true,
                description = "open a clip of the CHAI project in DIR (answers are saved in the project)")
        Path project;

        @Option(names = "--demo", required = true,
                description = "open the demo project (created once in the settings folder: three generated clips, "
                        + "a canned in-process model server; the default)")
        boolean demo;

        @Option(names = "--test-pattern", required = true,
                description = "open the bundled checklist on a numbered test pattern (no project, no captions)")
        boolean testPattern;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "a project to open: its project.chai file, its "
            + "folder or its chai-project.db (what a desktop passes on double-click)")
    Path path;

    @Option(names = "--clip", paramLabel = "REF", description = "with --project or --demo: clip id (or prefix), external id or "
            + "path (default: the first imported clip)")
    String clip;

    @Option(names = "--author", paramLabel = "NAME", description = "who edits (default: $CHAI_USER or the login name)")
    String author;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "settings folder (default: $CHAI_CONFIG_DIR, "
            + "$XDG_CONFIG_HOME/chai or ~/.config/chai)")
    Path configDir;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "write a PNG of each screen to DIR and exit "
            + "(for docs/screenshots; run under xvfb-run)")
    Path screenshots;

    @Override
    public Integer call() {
        io.chai.app.StartupTrace.mark("command line parsed");
        Path config = configDir != null ? configDir : WorkstationSettings.defaultDir();
        String author0 = author != null ? author : ProjectCommands.defaultAuthor();
        if (path != null && source != null) {
            throw new UserFacingException("give a project PATH or --project/--demo/--test-pattern, not both");
        }
        if (path != null) {
            Path folder = ProjectPaths.projectFolder(path);
            if (screenshots == null) {
                rememberRecent(config, folder);
            }
            WorkstationLauncher.run(() -> ProjectContent.open(folder, clip, author0), config, screenshots);
        } else if (source == null && screenshots == null) {
            if (clip != null) {
                throw new UserFacingException("--clip needs a project: PATH, --project DIR or --demo");
            }
            WorkstationLauncher.runStart(config, choice -> choice instanceof StartChoice.Open o
                    ? ProjectContent.open(o.folder(), null, author0)
                    : DemoProject.open(DemoProject.folder(config), null, author0));
        } else if (source != null && source.project != null) {
            String who = author0;
            if (screenshots == null) {
                rememberRecent(config, source.project);
            }
            WorkstationLauncher.run(() -> ProjectContent.open(source.project, clip, who), config, screenshots);
        } else if (source != null && source.testPattern) {
            if (clip != null) {
                throw new UserFacingException("--clip needs --project DIR or --demo");
            }
            WorkstationLauncher.run(() -> DemoContent.open(config), config, screenshots, true);
        } else {
            String who = author != null ? author : ProjectCommands.defaultAuthor();
            // screenshots run on a fresh demo project of their own, beside the screenshot session's settings
            java.nio.file.Path demo = screenshots == null ? DemoProject.folder(config)
                    : DemoProject.folder(WorkstationLauncher.screenshotSessionDir(config));
            if (screenshots != null) {
                // the whole session (demo project, teammate's copy, shared store, settings) starts afresh
                WorkstationLauncher.clearScreenshotSession(config);
            }
            WorkstationLauncher.run(() -> DemoProject.open(demo, clip, who), config, screenshots, true);
        }
        return ChaiCommand.EXIT_OK;
    }

    /** Adds an opened project to the start screen's recent list (a failure to write it is not fatal). */
    private static void rememberRecent(Path config, Path project) {
        try {
            ProjectStore.locate(project.toAbsolutePath()).ifPresent(p -> new RecentProjects(config).add(p));
        } catch (RuntimeException e) {
            System.err.println("chai: " + e.getMessage());
        }
    }
}
