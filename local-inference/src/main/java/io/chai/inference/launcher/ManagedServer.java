// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.launcher;

import io.chai.inference.settings.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A model server running as a child process of the app. {@link #stop()} (also {@link #close()}) ends it and every
 * process it started: a polite termination first, then a forced kill after the grace period.
 */
public final class ManagedServer implements AutoCloseable {
    private final ServerProfile profile;
    private final Process process;
    private final LogRing log;
    private final Path logFile;
    private final Duration grace;
    private final Runnable onStop;

    ManagedServer(ServerProfile profile, Process process, LogRing log, Path logFile, Duration grace, Runnable onStop) {
        this.profile = profile;
        this.process = process;
        this.log = log;
        this.logFile = logFile;
        this.grace = grace;
        this.onStop = onStop;
    }

    public ServerProfile profile() {
        return profile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** The server's recent output (stdout and stderr merged). */
    public LogRing log() {
        return log;
    }

    /** The file that receives the whole output. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the server and its descendants; returns once they are gone (or after the forced kill). */
    public void stop() {
        try {
            terminate(process.toHandle(), grace);
        } finally {
            onStop.run();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Terminates {@code root} and its descendants: destroy, wait {@code grace}, then destroy forcibly. */
    static void terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(root);
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still alive after the grace period: forced below
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the OS did not reap it within 5 s after SIGKILL; nothing more can be done from Java
            }
        }
    }
}
