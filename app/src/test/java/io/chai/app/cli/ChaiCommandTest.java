// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChaiCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsEverySubcommand() {
        int rc = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("--help");
        assertThat(rc).isZero();
        for (Class<?> c : ChaiCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            assertThat(out.toString()).as(name).containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(name) + "\\b");
        }
        assertThat(ChaiCommand.SUBCOMMANDS).doesNotHaveDuplicates().hasSizeGreaterThan(20);
    }

    @Test
    void theWorkstationShortcutParsesLikeTheFullCommandLine() {
        for (List<Class<?>> subs : List.of(ChaiCommand.SUBCOMMANDS, ChaiCommand.WORKSTATION_ONLY)) {
            StringWriter o = new StringWriter();
            int rc = ChaiCommand.commandLine(new PrintWriter(o, true), new PrintWriter(err, true), subs)
                    .execute("workstation", "--help");
            assertThat(rc).isZero();
            assertThat(o.toString()).startsWith("Usage: chai workstation").contains("--project");
        }
        StringWriter e = new StringWriter();
        int rc = ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(e, true),
                ChaiCommand.WORKSTATION_ONLY).execute("workstation", "--no-such-option");
        assertThat(rc).isEqualTo(ChaiCommand.EXIT_USER_ERROR);
        assertThat(e.toString()).startsWith("chai: Unknown option: '--no-such-option'");
    }
}
