// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.model.agreement.AgreementReport;
import io.chai.model.agreement.GroupAgreement;
import io.chai.model.agreement.UnsurePolicy;
import io.chai.model.export.StoreItems;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chai agreement}: inter-annotator agreement per primitive group on clips labelled more than once. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Agreement per primitive group over clips two or more annotators labelled: raw agreement,"
                + " Cohen's kappa (two annotators), Fleiss' kappa, Krippendorff's alpha (ordinal for ordered groups"
                + " such as shot size).")
public final class AgreementCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

    @Option(names = "--unsure", paramLabel = "POLICY",
            description = "missing (default: unsure answers are left out) or category (unsure is its own answer)")
    String unsure = "missing";

    @Option(names = "--confusion", description = "also print each group's confusion table")
    boolean confusion;

    @Option(names = "--spec", paramLabel = "FILE", description = "specification (default: the bundled one)")
    Path specFile;

    static UnsurePolicy policy(String s) {
        return switch (s) {
            case "missing" -> UnsurePolicy.MISSING;
            case "category" -> UnsurePolicy.CATEGORY;
            default -> throw new UserFacingException("--unsure is missing or category, got '" + s + "'.");
        };
    }

    @Override
    public Integer call() {
        UnsurePolicy p = policy(unsure);
        Specification s = ExportCommand.specification(specFile);
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = project.open()) {
            List<GroupAgreement> rows = AgreementReport.compute(s, StoreItems.labelsByAuthor(store), p);
            if (rows.isEmpty()) {
                out.println("No clip was labelled by two or more annotators.");
                return ChaiCommand.EXIT_OK;
            }
            out.printf("%-34s %5s %6s %6s %6s %7s %7s %7s  %s%n", "group", "units", "raters", "unsure", "raw",
                    "cohen", "fleiss", "alpha", "metric");
            for (GroupAgreement g : rows) {
                out.printf("%-34s %5d %6d %6d %6s %7s %7s %7s  %s%n", g.group(), g.units(), g.raters().size(),
                        g.unsure(), f(g.raw()), g.cohenKappa().isPresent() ? f(g.cohenKappa().getAsDouble()) : "-",
                        f(g.fleissKappa()), f(g.alpha()), g.metric());
                if (confusion) {
                    for (Map.Entry<String, Map<String, Integer>> row : g.confusion().entrySet()) {
                        StringBuilder b = new StringBuilder("    " + row.getKey() + ":");
                        row.getValue().forEach((k, n) -> b.append(' ').append(k).append('=').append(n));
                        out.println(b);
                    }
                }
            }
        }
        return ChaiCommand.EXIT_OK;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
