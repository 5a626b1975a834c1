// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.cli.ChaiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Creates the demo exam through the real command ({@code chai exam demo DIR}): generated clips, canned answers. */
final class ExamFixture {
    private ExamFixture() {
    }

    static Path demoExam(Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ChaiCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("exam", "demo",
                dir.toString());
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains("demo exam in " + dir + ": 3 clips, 3 with reference labels, "
                + "3 reference captions");
        return dir;
    }
}
