// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.export;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.model.agreement.AgreementReport;
import io.chai.model.agreement.UnsurePolicy;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.Critique;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Redo;
import io.chai.model.domain.Role;
import io.chai.model.domain.User;
import io.chai.model.domain.UserId;
import io.chai.model.export.ExportFormat;
import io.chai.model.export.ExportItem;
import io.chai.model.export.ExportOptions;
import io.chai.model.export.ExportResult;
import io.chai.model.export.Exporter;
import io.chai.model.export.HtmlReport;
import io.chai.model.quality.QualityReport;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code export}: every export format except the model-written merge over 100,000 synthetic triplets (20,000
 * clips × 5 aspects: 60% approved after a critique, 20% approved as kept, 10% rejected and redone, 10% awaiting
 * review), as records/s per format and the wall time of the whole set; and the HTML report build (quality checks,
 * agreement, rendering) over the same project.
 */
public final class ExportBenchmark implements Benchmark {
    static final int CLIPS = 20_000;
    /** Runs per figure; {@code -Dchai.bench.export.runs=N} overrides (default 3). */
    static final int RUNS = Integer.getInteger("chai.bench.export.runs", 3);
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String description() {
        return "Exports (every format except the two model-written ones, merged captions and generation prompts: a model call per clip) of 100,000 triplets on 20,000 clips,"
                + " and the HTML report build, median of " + RUNS + " runs.";
    }

    static List<ExportItem> project(Specification spec) {
        Workflow wf = new Workflow(spec.sentinel(), Map.of());
        User anna = User.of("anna", Role.ANNOTATOR);
        User rex = User.of("rex", Role.REVIEWER);
        SplittableRandom rnd = new SplittableRandom(42);
        String[] colours = {"red", "blue", "green", "black", "white", "grey"};
        String[] moves = {"left", "right", "forward", "away", "toward the camera"};
        String[] forward = {"no", "forward", "backward"};
        List<ExportItem> items = new ArrayList<>(CLIPS);
        for (int c = 0; c < CLIPS; c++) {
            ClipId clip = ClipId.of(HexFormat.of().toHexDigits((long) c) + "0".repeat(48));
            List<AspectWork> work = new ArrayList<>(5);
            for (Aspect a : Aspect.values()) {
                String col = colours[rnd.nextInt(colours.length)];
                String move = moves[rnd.nextInt(moves.length)];
                String pre = "A man in a " + col + " coat walks " + move + " across a wide snowy street while a"
                        + " tram passes behind him and two children watch from a doorway on the left.";
                AspectWork w = wf.precaption(AspectWork.start(clip, a), PreCaption.imported(pre, "bench", T), Map.of(),
                        Optional.empty());
                int kind = rnd.nextInt(10);
                if (kind < 2) {
                    w = wf.rateAndCritique(w, Rating.PERFECT, "", List.of());
                } else {
                    String fix = colours[(rnd.nextInt(colours.length))];
                    w = wf.rateAndCritique(w, Rating.of(1 + rnd.nextInt(4)), "The coat is " + fix + ", not " + col
                            + ".", List.of());
                    w = wf.editCaption(w, pre.replace(col + " coat", fix + " coat"));
                }
                w = wf.submit(w, anna, T.plusSeconds(c));
                if (kind == 9) {
                    work.add(w);
                    continue;
                }
                if (kind == 8) {
                    w = wf.reject(w, rex, new Redo(Rating.of(2), Critique.typed("He walks right, not " + move + ".",
                            List.of()), PostCaption.handWritten(pre.replace(move, "right"))), Optional.empty(),
                            T.plusSeconds(c + 1));
                } else {
                    w = wf.approve(w, rex, Optional.empty(), T.plusSeconds(c + 1));
                }
                work.add(w);
            }
            PrimitiveLabels labels = PrimitiveLabels.of(Map.of("camera_forward_backward",
                    new LabelValue.Choice(forward[rnd.nextInt(forward.length)])), UserId.of("anna"), T);
            items.add(ExportItem.of(clip, "clips/" + c + ".mp4", work, Optional.of(labels)));
        }
        return items;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Specification spec = Specifications.bundled();
        List<ExportItem> items = project(spec);
        List<Figure> figures = new ArrayList<>();
        List<ExportFormat> formats = Stream.of(ExportFormat.values()).filter(f -> !f.needsModel()).toList();
        Samples serial = new Samples();
        Samples serialCpu = new Samples();
        Samples parallel = new Samples();
        Samples parallelCpu = new Samples();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Samples> perFormat = new ArrayList<>();
        long[] records = new long[formats.size()];
        formats.forEach(f -> perFormat.add(new Samples()));
        Path scratch = context.scratch("export");
        for (int run = 0; run < RUNS; run++) {
            // one thread, format after format: records/s per format and the CPU time of the exporting thread
            Path dir = scratch.resolve("run-" + run);
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            Exporter exporter = new Exporter(spec, ExportOptions.defaults(T));
            for (int i = 0; i < formats.size(); i++) {
                long s = System.nanoTime();
                ExportResult r = exporter.export(items, formats.get(i), dir.resolve(formats.get(i).id()),
                        Optional.empty());
                perFormat.get(i).add(r.records() / ((System.nanoTime() - s) / 1e9));
                records[i] = r.records();
            }
            serial.add((System.nanoTime() - t0) / 1e9);
            serialCpu.add((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
            delete(dir);
            // what 'chai export all' does: formats on two threads
            Path pdir = scratch.resolve("parallel-" + run);
            long p0 = System.nanoTime();
            long pc0 = os.getProcessCpuTime();
            new Exporter(spec, ExportOptions.defaults(T)).exportAll(items, formats, f -> pdir.resolve(f.id()),
                    Optional.empty(), 2);
            parallel.add((System.nanoTime() - p0) / 1e9);
            parallelCpu.add((os.getProcessCpuTime() - pc0) / 1e9);
            delete(pdir);
        }
        String set = "full export set (" + formats.size() + " formats, 100,000 triplets)";
        figures.add(Figure.of(set + ", 2 threads (as 'chai export all'), wall", "s", parallel, "median < 10 s",
                parallel.median() < 10));
        figures.add(Figure.of(set + ", 2 threads, CPU time of the whole process (incl. GC, JIT)", "s", parallelCpu,
                "", null));
        figures.add(Figure.of(set + ", 1 thread, wall", "s", serial, "median < 10 s", serial.median() < 10));
        figures.add(Figure.of(set + ", 1 thread, CPU time of the exporting thread (less distorted by a busy"
                + " machine)", "s", serialCpu, "median < 10 s", serialCpu.median() < 10));
        for (int i = 0; i < formats.size(); i++) {
            figures.add(Figure.of(formats.get(i).id() + " (" + records[i] + " records)", "records/s",
                    perFormat.get(i), "", null));
        }
        Samples report = new Samples();
        for (int run = 0; run < RUNS; run++) {
            report.time(() -> {
                List<AspectWork> work = items.stream().flatMap(i -> i.work().values().stream()).toList();
                var quality = QualityReport.byAnnotator(QualityReport.checkAll(work, spec.sentinel()));
                var agreement = AgreementReport.compute(spec, Map.of(), UnsurePolicy.MISSING);
                String html = HtmlReport.render(new HtmlReport.Data("bench", spec.id() + " " + spec.version(), T,
                        items, quality, agreement, List.of()));
                if (html.isEmpty()) {
                    throw new IllegalStateException("empty report");
                }
            });
        }
        figures.add(Figure.of("HTML report build (quality checks + render, 100,000 triplets)", "ms", report,
                "median < 10000 ms", report.median() < 10_000));
        return figures;
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
