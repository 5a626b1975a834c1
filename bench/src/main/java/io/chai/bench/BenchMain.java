// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the benchmarks named on the command line (all when none), prints markdown, writes bench/results/. */
public final class BenchMain {
    private BenchMain() {
    }

    /** Every benchmark, in run order. Add new ones here. */
    static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        list.add(new SpecLoadBenchmark());
        list.add(new io.chai.bench.store.StoreBenchmark());
        list.add(new io.chai.bench.media.MediaBenchmark());
        list.add(new io.chai.bench.inference.InferenceClientBenchmark());
        list.add(new io.chai.bench.analyzers.CameraMotionBenchmark());
        list.add(new io.chai.bench.analyzers.OverlayBenchmark());
        list.add(new io.chai.bench.export.ExportBenchmark());
        list.add(new io.chai.bench.sync.SyncBenchmark());
        list.add(new io.chai.bench.ui.PlayerBenchmark());
        list.add(new io.chai.bench.ui.LibraryBenchmark());
        list.add(new io.chai.bench.install.InstallBenchmark());
        return list;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (Benchmark b : all()) {
            byName.put(b.name(), b);
        }
        List<Benchmark> selected = new ArrayList<>();
        if (args.length == 0) {
            selected.addAll(byName.values());
        } else {
            for (String a : args) {
                Benchmark b = byName.get(a);
                if (b == null) {
                    System.err.println("bench: unknown benchmark '" + a + "'; known: " + String.join(", ", byName.keySet()));
                    System.exit(1);
                }
                selected.add(b);
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path results = Files.createDirectories(root.resolve("bench/results"));
        Path work = Files.createTempDirectory("chai-bench");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (Benchmark b : selected) {
            List<Figure> figures = b.run(new BenchContext(work.resolve(b.name()), root));
            String table = render(b, figures);
            System.out.println(table);
            Files.writeString(results.resolve(b.name() + ".md"), table);
        }
        System.err.println("bench: results written to " + results + " (run " + stamp + ")");
    }

    static String render(Benchmark b, List<Figure> figures) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(b.name()).append("\n\n").append(b.description()).append("\n\n");
        sb.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(LocalDateTime.now().withNano(0))
                .append("\n\n");
        sb.append("| figure | unit | median | p95 | reference | reference median | ratio | target | met |\n");
        sb.append("|---|---|---:|---:|---|---:|---:|---|---|\n");
        for (Figure f : figures) {
            sb.append("| ").append(f.name()).append(" | ").append(f.unit()).append(" | ").append(num(f.median()))
                    .append(" | ").append(num(f.p95())).append(" | ").append(f.reference()).append(" | ")
                    .append(num(f.referenceMedian())).append(" | ")
                    .append(Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", f.ratio()))
                    .append(" | ").append(f.target() == null ? "" : f.target()).append(" | ")
                    .append(f.met() == null ? "" : (f.met() ? "yes" : "**no**")).append(" |\n");
        }
        return sb.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
