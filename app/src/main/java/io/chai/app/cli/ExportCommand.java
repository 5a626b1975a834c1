// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.export.ExportFilter;
import io.chai.model.export.ExportFormat;
import io.chai.model.export.ExportOptions;
import io.chai.model.export.ExportResult;
import io.chai.model.export.Exporter;
import io.chai.model.export.MediaMode;
import io.chai.model.export.MergeWriter;
import io.chai.model.export.SplitSpec;
import io.chai.model.export.StoreItems;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import io.chai.model.workflow.ExportStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai export FORMAT|all --out DIR}: training-ready exports of the project (docs/exports.md). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a training-ready export (JSONL + manifest.json) of the project. FORMAT: caption,"
                + " critique, yes-no, sft-llamafactory, sft-swift, sft-trl, dpo-trl, dpo-llamafactory, dpo-swift,"
                + " dense-diff, primitive-vqa, full, merged and generation-prompt (both need --model), or all (one"
                + " folder per format).")
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

    @Parameters(index = "0", paramLabel = "FORMAT", description = "the export format, or 'all'")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the export folder")
    Path out;

    @Option(names = "--state", split = ",", paramLabel = "STATUS",
            description = "keep these export statuses: completed_not_reviewed, approved, rejected, not_completed")
    List<String> states = new ArrayList<>();

    @Option(names = "--aspect", split = ",", paramLabel = "ASPECT", description = "keep these aspects")
    List<String> aspects = new ArrayList<>();

    @Option(names = "--annotator", paramLabel = "USER", description = "keep items submitted by this user")
    String annotator;

    @Option(names = "--from", paramLabel = "DATE", description = "submitted at or after (YYYY-MM-DD or ISO instant)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "submitted before (YYYY-MM-DD or ISO instant)")
    String to;

    @Option(names = "--only-approved", description = "keep only approved items")
    boolean onlyApproved;

    @Option(names = "--split", paramLabel = "T,V,T", description = "train,val,test shares by clip, e.g. 0.8,0.1,0.1")
    String split;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the split and of the VQA sampling (default 0)")
    long seed;

    @Option(names = "--media", paramLabel = "MODE", description = "relative (default), copy or link")
    String media = "relative";

    @Option(names = "--media-root", paramLabel = "DIR",
            description = "the folder media paths are relative to (default: the project folder)")
    Path mediaRoot;

    @Option(names = "--model", paramLabel = "SERVER", description = "model server (chai models) for merged captions")
    String model;

    @Option(names = "--max-words", paramLabel = "N", description = "merged caption word limit (default 320)")
    int maxWords = ExportOptions.DEFAULT_MERGE_MAX_WORDS;

    @Option(names = "--overwrite", description = "replace files of an earlier export in the same folder")
    boolean overwrite;

    @Option(names = "--spec", paramLabel = "FILE", description = "specification (default: the bundled one)")
    Path specFile;

    @Option(names = "--include-exam", description = "export an exam project's trainee work anyway (refused by"
            + " default: it is practice, not training data)")
    boolean includeExam;

    static Specification specification(Path specFile) {
        return specFile == null ? Specifications.bundled() : Specifications.load(specFile);
    }

    @Override
    public Integer call() {
        Specification s = specification(specFile);
        List<ExportFormat> formats = new ArrayList<>();
        if (format.equals("all")) {
            for (ExportFormat f : ExportFormat.values()) {
                if (!f.needsModel() || model != null) {
                    formats.add(f);
                }
            }
        } else {
            formats.add(ExportFormat.fromId(format));
        }
        MediaMode mode = switch (media.toLowerCase(Locale.ROOT)) {
            case "relative" -> MediaMode.RELATIVE;
            case "copy" -> MediaMode.COPY;
            case "link" -> MediaMode.LINK;
            default -> throw new UserFacingException("--media is relative, copy or link, got '" + media + "'.");
        };
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        try (ProjectStore store = project.open()) {
            if (!includeExam && io.chai.model.exam.ExamFile.isExam(store.directory())) {
                throw new UserFacingException(store.directory() + " is an exam project (exam.json): its trainee work"
                        + " is practice, not training data; pass --include-exam to export it anyway.");
            }
            Path root = mediaRoot != null ? mediaRoot : store.directory();
            ExportOptions options = new ExportOptions(filter(), split == null ? Optional.empty()
                    : Optional.of(SplitSpec.parse(split, seed)), mode,
                    mode == MediaMode.RELATIVE && mediaRoot == null ? Optional.empty() : Optional.of(root),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), seed, maxWords, overwrite);
            StoreItems.Loaded loaded = StoreItems.load(store, s.sentinel(), root);
            loaded.skipped().forEach(line -> e.println("chai: skipped " + line));
            Exporter exporter = new Exporter(s, options);
            try (MergeModelWriter writer = model == null ? null : MergeModelWriter.open(model)) {
                java.util.function.Function<ExportFormat, Path> dirs = f -> formats.size() == 1 ? out
                        : out.resolve(f.id());
                int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
                for (ExportResult r : exporter.exportAll(loaded.items(), formats, dirs,
                        Optional.ofNullable((MergeWriter) writer), threads)) {
                    o.printf("%s: %d records from %d clips -> %s (%s)%n", r.format().id(), r.records(), r.clips(),
                            r.dir(), String.join(", ", r.files().keySet()));
                }
            }
        }
        return ChaiCommand.EXIT_OK;
    }

    private ExportFilter filter() {
        Set<ExportStatus> st = EnumSet.noneOf(ExportStatus.class);
        for (String x : states) {
            st.add(Arrays.stream(ExportStatus.values()).filter(v -> v.key().equals(x)).findFirst()
                    .orElseThrow(() -> new UserFacingException("Unknown status '" + x + "'; expected one of "
                            + Arrays.stream(ExportStatus.values()).map(ExportStatus::key)
                            .collect(Collectors.joining(", ")) + ".")));
        }
        Set<Aspect> as = EnumSet.noneOf(Aspect.class);
        for (String a : aspects) {
            as.add(Aspect.fromKey(a));
        }
        return new ExportFilter(st, as, Optional.ofNullable(annotator), Optional.ofNullable(from).map(x -> date(x,
                "--from")), Optional.ofNullable(to).map(x -> date(x, "--to")), onlyApproved);
    }

    static Instant date(String s, String option) {
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException ex) {
            throw new UserFacingException(option + " takes a date (2026-03-01) or an instant (2026-03-01T12:00:00Z),"
                    + " got '" + s + "'.");
        }
    }
}
