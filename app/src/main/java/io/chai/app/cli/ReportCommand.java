// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.model.agreement.AgreementReport;
import io.chai.model.export.HtmlReport;
import io.chai.model.export.StoreItems;
import io.chai.model.quality.QualityReport;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chai report --html DIR}: a self-contained HTML report of the project. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/index.html: acceptance of pre-captions, words pre -> post, review outcomes,"
                + " critique-quality flags, agreement and time per step. One file, opens offline.")
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

    @Option(names = "--html", required = true, paramLabel = "DIR", description = "the output folder")
    Path html;

    @Option(names = "--unsure", paramLabel = "POLICY", description = "agreement: missing (default) or category")
    String unsure = "missing";

    @Option(names = "--spec", paramLabel = "FILE", description = "specification (default: the bundled one)")
    Path specFile;

    @Override
    public Integer call() {
        Specification s = ExportCommand.specification(specFile);
        try (ProjectStore store = project.open()) {
            StoreItems.Loaded loaded = StoreItems.load(store, s.sentinel(), store.directory());
            loaded.skipped().forEach(line -> spec.commandLine().getErr().println("chai: skipped " + line));
            var quality = QualityReport.byAnnotator(QualityReport.checkAll(QualityCommand.work(loaded.items()),
                    s.sentinel()));
            var agreement = AgreementReport.compute(s, StoreItems.labelsByAuthor(store),
                    AgreementCommand.policy(unsure));
            String page = HtmlReport.render(new HtmlReport.Data(store.info().name(), s.id() + " " + s.version(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), loaded.items(), quality, agreement,
                    store.stepTimeStats()));
            Path file = html.resolve("index.html");
            try {
                Files.createDirectories(html);
                Files.writeString(file, page, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserFacingException("Cannot write " + file + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println("report written to " + file);
        }
        return ChaiCommand.EXIT_OK;
    }
}
