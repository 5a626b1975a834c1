// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app;

/**
 * With {@code -Dchai.trace.startup=true}, prints one line per start-up phase to stderr: milliseconds since the JVM
 * started and the phase's name ({@code chai-startup 1234 ms window shown}). Costs nothing when off. Used to see
 * where a cold start spends its time (bench/results/ui-player.md).
 */
public final class StartupTrace {
    /** The system property that turns the trace on. */
    public static final String PROPERTY = "chai.trace.startup";
    /** With the trace on, also print the scene's larger subtrees at the first frame. */
    public static final String NODES_PROPERTY = "chai.trace.nodes";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static final long JVM_START_MS = ON ? jvmStart() : 0;

    private StartupTrace() {
    }

    /** Records that {@code phase} has been reached (when the trace is on). */
    public static void mark(String phase) {
        if (ON) {
            System.err.println("chai-startup " + (System.currentTimeMillis() - JVM_START_MS) + " ms " + phase
                    + " [" + Thread.currentThread().getName() + "]");
        }
    }

    /** Whether the trace is on. */
    public static boolean on() {
        return ON;
    }

    /**
     * Records {@code phase} with what the start-up has cost so far: classes loaded, this JVM's CPU time and the
     * nodes in {@code scene} (when the trace is on).
     */
    public static void markWithCosts(String phase, javafx.scene.Scene scene) {
        if (ON) {
            if (Boolean.getBoolean(NODES_PROPERTY)) {
                dump(scene.getRoot(), 0);
            }
            String costs;
            try {
                long classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
                long cpuMs = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
                costs = "classes " + classes + ", cpu " + cpuMs + " ms, ";
            } catch (LinkageError | ClassCastException e) {
                costs = "";   // a runtime without jdk.management (the packaged one)
            }
            mark(phase + " (" + costs + "nodes " + count(scene.getRoot()) + ")");
        }
    }

    /** Prints the scene's subtrees of 40 nodes or more, indented, to see which views a start-up builds. */
    private static void dump(javafx.scene.Node n, int depth) {
        int c = count(n);
        if (c >= 40 && depth < 14) {
            System.err.println("  ".repeat(depth) + n.getClass().getSimpleName() + "#" + n.getId() + " " + c);
            if (n instanceof javafx.scene.Parent p) {
                for (javafx.scene.Node k : p.getChildrenUnmodifiable()) {
                    dump(k, depth + 1);
                }
            }
        }
    }

    private static int count(javafx.scene.Node n) {
        int c = 1;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node k : p.getChildrenUnmodifiable()) {
                c += count(k);
            }
        }
        return c;
    }

    private static long jvmStart() {
        try {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (LinkageError e) {
            // whole seconds only: /proc's start time is relative to a boot time given in seconds
            return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                    .orElse(System.currentTimeMillis());
        }
    }
}
