// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench;

import io.chai.model.spec.DerivedLabels;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec-load}: time to load and validate the bundled specification from the classpath (first load in the
 * JVM, then 50 fresh loads without the cache), time to derive every yes/no label from one label set, and the
 * retained heap of one loaded {@link Specification}. Times are given as wall time and as the CPU time of the
 * measuring thread (which a busy machine distorts less).
 */
public final class SpecLoadBenchmark implements Benchmark {
    private static final int LOADS = 50;
    private static final int DERIVE_SAMPLES = 50;
    private static final int DERIVES_PER_SAMPLE = 200;
    private static final int HEAP_COPIES = 8;
    private static final int HEAP_SAMPLES = 5;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "spec-load";
    }

    @Override
    public String description() {
        return "Bundled specification (chai-resources): parse + validate + expand families, label derivation for "
                + "one label set, retained heap of the loaded model.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Specification first = Specifications.loadBundled();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        double firstCpuMs = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
        figures.add(Figure.single("first load in a fresh JVM (class loading, cold JIT), wall", "ms", firstMs,
                "< 1500 ms", firstMs < 1500));
        figures.add(Figure.single("first load, CPU time of the loading thread", "ms", firstCpuMs, "< 1000 ms",
                firstCpuMs < 1000));

        Samples loads = new Samples();
        Samples loadsCpu = new Samples();
        for (int i = 0; i < LOADS; i++) {
            long c = CPU.getCurrentThreadCpuTime();
            loads.time(Specifications::loadBundled);
            loadsCpu.add((CPU.getCurrentThreadCpuTime() - c) / 1e6);
        }
        figures.add(Figure.of("load (" + LOADS + " fresh loads, no cache), wall", "ms", loads, "median < 250 ms",
                loads.median() < 250));
        figures.add(Figure.of("load, CPU time of the loading thread", "ms", loadsCpu, "median < 150 ms",
                loadsCpu.median() < 150));

        Map<String, Object> stored = labelSet(first);
        DerivedLabels check = first.derive(stored);
        if (check.size() != first.labels().size()) {
            throw new IllegalStateException("derivation returned " + check.size() + " of "
                    + first.labels().size() + " labels");
        }
        for (int i = 0; i < 500; i++) {
            first.derive(stored);
        }
        Samples derive = new Samples();
        Samples deriveCpu = new Samples();
        for (int s = 0; s < DERIVE_SAMPLES; s++) {
            long c = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < DERIVES_PER_SAMPLE; i++) {
                first.derive(stored);
            }
            derive.add((System.nanoTime() - start) / 1e6 / DERIVES_PER_SAMPLE);
            deriveCpu.add((CPU.getCurrentThreadCpuTime() - c) / 1e6 / DERIVES_PER_SAMPLE);
        }
        String what = "derive " + first.labels().size() + " labels from " + stored.size() + " fields";
        figures.add(Figure.of(what + ", wall", "ms", derive, "median < 0.5 ms", derive.median() < 0.5));
        figures.add(Figure.of(what + ", CPU", "ms", deriveCpu, "median < 0.25 ms", deriveCpu.median() < 0.25));

        Samples heap = new Samples();
        for (int s = 0; s < HEAP_SAMPLES; s++) {
            long before = usedAfterGc();
            List<Specification> held = new ArrayList<>();
            for (int i = 0; i < HEAP_COPIES; i++) {
                held.add(Specifications.loadBundled());
            }
            long after = usedAfterGc();
            heap.add((after - before) / (double) HEAP_COPIES / (1024 * 1024));
            if (held.size() != HEAP_COPIES) {
                throw new IllegalStateException("lost a copy");
            }
            held.clear();
        }
        figures.add(Figure.of("retained heap of one loaded specification", "MiB", heap, "median < 16 MiB",
                heap.median() < 16));
        return figures;
    }

    /** A full, plausible label set: the first known value of every group, booleans true, text filled in. */
    static Map<String, Object> labelSet(Specification s) {
        Map<String, Object> stored = new HashMap<>();
        for (PrimitiveGroup g : s.groups()) {
            List<PrimitiveValue> known = g.knownValues();
            for (String f : g.fields()) {
                switch (g.kind()) {
                    case BOOLEAN -> stored.put(f, Boolean.TRUE);
                    case TEXT -> stored.put(f, "described");
                    case MULTI -> stored.put(f, Set.of(known.get(known.size() - 1).id()));
                    default -> stored.put(f, known.get(Math.min(1, known.size() - 1)).id());
                }
            }
        }
        return stored;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }
}
