// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.model.export.ExportItem;
import io.chai.model.export.StoreItems;
import io.chai.model.quality.AnnotatorQuality;
import io.chai.model.quality.CritiqueJudge;
import io.chai.model.quality.Finding;
import io.chai.model.quality.ItemQuality;
import io.chai.model.quality.QualityFlag;
import io.chai.model.quality.QualityReport;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import io.chai.model.workflow.AspectWork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chai quality [--by annotator|item]}: critique-quality checks of submitted items. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Run the critique-quality checks (nitpick-only, global edit, direct edit, non-constructive,"
                + " reviewer rejection; precision/recall against reviewer rewrites) and show them per annotator or"
                + " per flagged item.")
public final class QualityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

    @Option(names = "--by", paramLabel = "VIEW", description = "annotator (default) or item")
    String by = "annotator";

    @Option(names = "--spec", paramLabel = "FILE", description = "specification (default: the bundled one)")
    Path specFile;

    @Option(names = "--judge", paramLabel = "SERVER",
            description = "also ask this model server (chai models) whether critiques the rules pass are constructive")
    String judge;

    static List<AspectWork> work(List<ExportItem> items) {
        return items.stream().flatMap(i -> i.work().values().stream()).toList();
    }

    @Override
    public Integer call() {
        if (!by.equals("annotator") && !by.equals("item")) {
            throw new UserFacingException("--by is annotator or item, got '" + by + "'.");
        }
        Specification s = ExportCommand.specification(specFile);
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = project.open()) {
            StoreItems.Loaded loaded = StoreItems.load(store, s.sentinel(), store.directory());
            loaded.skipped().forEach(line -> spec.commandLine().getErr().println("chai: skipped " + line));
            List<ItemQuality> items;
            try (ModelCritiqueJudge j = judge == null ? null : ModelCritiqueJudge.open(judge)) {
                items = QualityReport.checkAll(work(loaded.items()), s.sentinel(),
                        Optional.ofNullable((CritiqueJudge) j));
            }
            if (items.isEmpty()) {
                out.println("No submitted items to check.");
                return ChaiCommand.EXIT_OK;
            }
            if (by.equals("item")) {
                for (ItemQuality q : items) {
                    for (Finding f : q.findings()) {
                        out.printf("%s  %-8s %-12s %-18s %s%n", q.clipId().substring(0, 12), q.aspect(), q.annotator(),
                                f.flag().id(), f.detail());
                    }
                    q.alignment().ifPresent(a -> out.printf("%s  %-8s %-12s %-18s precision %s, recall %s%n",
                            q.clipId().substring(0, 12), q.aspect(), q.annotator(), "critique_vs_review",
                            fmt(a.precision()), fmt(a.recall())));
                }
                return ChaiCommand.EXIT_OK;
            }
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s %6s", "annotator", "items"));
            for (QualityFlag f : QualityFlag.values()) {
                head.append(String.format(Locale.ROOT, " %17s", f.id()));
            }
            out.println(head + String.format(Locale.ROOT, " %9s %9s %6s", "rewritten", "precision", "recall"));
            for (AnnotatorQuality q : QualityReport.byAnnotator(items)) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s %6d", q.annotator(),
                        q.items()));
                for (QualityFlag f : QualityFlag.values()) {
                    row.append(String.format(Locale.ROOT, " %17d", q.flags().get(f.id())));
                }
                out.println(row + String.format(Locale.ROOT, " %9d %9s %6s", q.rewritten(), fmt(q.meanPrecision()),
                        fmt(q.meanRecall())));
            }
        }
        return ChaiCommand.EXIT_OK;
    }

    static String fmt(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "-";
    }
}
