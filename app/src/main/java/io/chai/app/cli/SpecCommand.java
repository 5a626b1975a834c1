// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.model.spec.Aspect;
import io.chai.model.spec.DerivedLabel;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.SpecStats;
import io.chai.model.spec.Specification;
import io.chai.model.spec.SpecificationException;
import io.chai.model.spec.SpecificationJson;
import io.chai.model.spec.Specifications;
import io.chai.model.spec.SubAspect;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai spec validate|show|stats}: check and inspect a caption specification (bundled by default). */
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "Validate and inspect a caption specification (the bundled one unless --spec is given).",
        subcommands = {SpecCommand.Validate.class, SpecCommand.Show.class, SpecCommand.Stats.class})
public final class SpecCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: validate, show or stats (see 'chai spec --help').");
    }

    /** Output formats of show and stats. */
    enum Format { json, table }

    static Specification load(Path file) {
        return file == null ? Specifications.bundled() : Specifications.load(file);
    }

    /** {@code chai spec validate FILE}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a specification (spec.yaml or a directory holding one) and print every problem "
                    + "as FILE:LINE: PATH: message. Exit 1 when there are problems.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "spec.yaml or a directory holding it")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Specification s = Specifications.load(file);
                SpecStats st = SpecStats.of(s);
                out.printf("ok: %s %s (%d groups, %d values, %d derived labels)%n", s.id(), s.version(), st.groups(),
                        st.values(), st.yesNoPrimitives());
                out.flush();
                return ChaiCommand.EXIT_OK;
            } catch (SpecificationException e) {
                e.lines().forEach(err::println);
                int n = e.errors().size();
                err.println("chai: " + file + ": " + n + (n == 1 ? " problem" : " problems"));
                err.flush();
                return ChaiCommand.EXIT_USER_ERROR;
            }
        }
    }

    /** {@code chai spec show [--aspect A] [--format json|table] [--spec FILE]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the specification, or one aspect with its primitive groups.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--aspect", paramLabel = "ASPECT", description = "subject, scene, motion, spatial or camera")
        String aspect;

        @Option(names = "--format", defaultValue = "table", description = "json or table (default: ${DEFAULT-VALUE})")
        Format format;

        @Option(names = "--spec", paramLabel = "FILE", description = "spec.yaml or its directory (default: bundled)")
        Path specFile;

        @Override
        public Integer call() {
            Specification s = load(specFile);
            PrintWriter out = spec.commandLine().getOut();
            if (aspect == null) {
                out.println(format == Format.json ? SpecificationJson.toJson(s) : table(s));
            } else {
                Aspect a = s.aspect(aspect).orElseThrow(() -> new UserFacingException("unknown aspect '" + aspect
                        + "' (expected one of: " + String.join(", ", Aspect.IDS) + ")"));
                List<PrimitiveGroup> groups = groupsOf(s, a);
                if (format == Format.json) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("aspect", a);
                    json.put("policy", s.policy().forAspect(a.id()));
                    json.put("groups", groups);
                    out.println(SpecificationJson.toJson(json));
                } else {
                    StringBuilder sb = new StringBuilder();
                    aspectTable(sb, s, a);
                    sb.append('\n');
                    groups.forEach(g -> groupTable(sb, g));
                    out.print(sb);
                }
            }
            out.flush();
            return ChaiCommand.EXIT_OK;
        }
    }

    /** {@code chai spec stats [--format json|table] [--spec FILE]}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Count aspects, caption keys, groups, values and derived yes/no primitives.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", defaultValue = "table", description = "json or table (default: ${DEFAULT-VALUE})")
        Format format;

        @Option(names = "--spec", paramLabel = "FILE", description = "spec.yaml or its directory (default: bundled)")
        Path specFile;

        @Override
        public Integer call() {
            SpecStats st = SpecStats.of(load(specFile));
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(SpecificationJson.toJson(st));
            } else {
                Map<String, Object> rows = SpecificationJson.mapper().convertValue(st,
                        new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
                int w = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
                rows.forEach((k, v) -> out.printf("%-" + w + "s  %s%n", k, v));
            }
            out.flush();
            return ChaiCommand.EXIT_OK;
        }
    }

    /** The groups an aspect uses: its prompt context, then its sub-aspects' groups, each once. */
    static List<PrimitiveGroup> groupsOf(Specification s, Aspect a) {
        Set<String> ids = new LinkedHashSet<>(a.primitiveContext());
        a.subAspects().forEach(sub -> ids.addAll(sub.primitiveGroups()));
        List<PrimitiveGroup> out = new ArrayList<>();
        for (String id : ids) {
            s.group(id).ifPresent(out::add);
        }
        return out;
    }

    static String table(Specification s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.id()).append(' ').append(s.version()).append(" - ").append(s.title()).append("\n\n");
        for (Aspect a : s.aspects()) {
            aspectTable(sb, s, a);
            sb.append('\n');
        }
        s.forms().forEach(f -> {
            sb.append("FORM ").append(f.id()).append(" (").append(f.name()).append(")\n");
            for (PrimitiveGroup g : s.groupsOfForm(f.id())) {
                sb.append(String.format("  %-28s %-10s %s%n", g.id(), g.kind().id(), g.kind().hasValueList()
                        ? g.values().stream().map(PrimitiveValue::id).collect(Collectors.joining(", "))
                        : g.kind() == PrimitiveKind.BOOLEAN ? "true, false" : "(text)"));
            }
            sb.append('\n');
        });
        sb.append("DERIVED LABELS (").append(s.labels().size()).append(")\n");
        for (DerivedLabel l : s.labels()) {
            sb.append(String.format("  %-40s %s%n", l.id(), l.posSource()));
        }
        return sb.toString();
    }

    static void aspectTable(StringBuilder sb, Specification s, Aspect a) {
        sb.append("ASPECT ").append(a.id()).append(" (").append(a.name()).append(") - ").append(a.description())
                .append('\n');
        sb.append("  depends on: ").append(a.dependsOn().isEmpty() ? "-" : String.join(", ", a.dependsOn()))
                .append("; shot transition: ").append(a.onShotTransition().id()).append('\n');
        sb.append("  primitive context: ").append(a.primitiveContext().isEmpty() ? "-"
                : String.join(", ", a.primitiveContext())).append('\n');
        for (SubAspect sub : a.subAspects()) {
            sb.append("  sub-aspect ").append(sub.id()).append(" (").append(sub.name()).append("): keys ")
                    .append(sub.captionKeys().isEmpty() ? "-" : String.join(", ", sub.captionKeys()))
                    .append("; primitives ")
                    .append(sub.primitiveGroups().isEmpty() ? "-" : String.join(", ", sub.primitiveGroups()))
                    .append('\n');
        }
        a.captionKeys().forEach(k -> sb.append("  key ").append(k.key()).append(": ").append(k.definition())
                .append('\n'));
        sb.append("  policy: ").append(s.policy().forAspect(a.id()).shortPolicy()).append('\n');
    }

    static void groupTable(StringBuilder sb, PrimitiveGroup g) {
        sb.append("GROUP ").append(g.id()).append(" (").append(g.kind().id()).append(g.ordered() ? ", ordered" : "")
                .append(", fields ").append(String.join(", ", g.fields())).append(") - ").append(g.question())
                .append('\n');
        for (PrimitiveValue v : g.values()) {
            sb.append(String.format("  %-24s %-24s %s%n", v.id(), v.label(), v.definition()));
        }
    }
}
