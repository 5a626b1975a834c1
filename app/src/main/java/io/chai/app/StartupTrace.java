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

    private static long jvmStart() {
        return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
    }
}
