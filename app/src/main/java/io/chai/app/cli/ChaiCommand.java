// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.app.about.VersionReport;
import io.chai.common.UserFacingException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the {@code chai} command line. Build it with {@link #commandLine} or run it with {@link #run}: the
 * subcommands are added there (not in the annotation), so that {@code chai workstation} can skip reading the others. Exit codes: 0 ok, 1 user error (one line on stderr),
 * 2 internal error (stack trace on stderr).
 */
@Command(
        name = "chai",
        mixinStandardHelpOptions = true,
        versionProvider = ChaiCommand.VersionProvider.class,
        description = "CHAI Workstation: specification-driven video captioning.")
public final class ChaiCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USER_ERROR = 1;
    public static final int EXIT_INTERNAL_ERROR = 2;

    /** Every subcommand, in the order {@code chai --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            WorkstationCommand.class,
            SpecCommand.class,
            ProbeCommand.class, IndexCommand.class, FrameCommand.class, SampleCommand.class, StripCommand.class,
            ModelsCommand.class, AnalyzeCommand.class,
            ProjectCommands.Init.class, ProjectCommands.Import.class, ProjectCommands.Relink.class,
            ProjectCommands.Status.class, ProjectCommands.ListClips.class, ProjectCommands.History.class,
            ExportCommand.class, QualityCommand.class, AgreementCommand.class, ReportCommand.class,
            SyncCommands.Sync.class, SyncCommands.Store.class, SyncCommands.Team.class,
            PrecaptionCommand.class,
            ExamCommand.class);
    /**
     * What {@code chai workstation …} needs: picocli reads every subcommand's annotations when it builds the
     * command line (about half a second for all of them), which the workstation's start-up does not wait for.
     */
    static final List<Class<?>> WORKSTATION_ONLY = List.of(CommandLine.HelpCommand.class, WorkstationCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: see 'chai --help'.");
    }

    /** Builds the command line with the exit-code conventions; tests call this with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS);
    }

    /** The command line with only {@code subcommands} (in that order). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new ChaiCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> t instanceof UserFacingException ? EXIT_USER_ERROR : EXIT_INTERNAL_ERROR);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("chai: " + ex.getMessage());
            return EXIT_USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof UserFacingException) {
                e.println("chai: " + ex.getMessage());
                return EXIT_USER_ERROR;
            }
            e.println("chai: internal error: " + ex);
            ex.printStackTrace(e);
            return EXIT_INTERNAL_ERROR;
        });
        return cl;
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        boolean workstation = args.length > 0 && "workstation".equals(args[0]);
        return commandLine(out, err, workstation ? WORKSTATION_ONLY : SUBCOMMANDS).execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            // version, build time, commit, Java/JavaFX/FFmpeg/libVLC found at run time; needs no display
            return VersionReport.current().lines().toArray(String[]::new);
        }
    }
}
