// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.install;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start of the installed app (the .deb from {@code installer/build-linux.sh}, installed with {@code dpkg -i}):
 * {@code chai --version} as a new process, and the time from starting {@code chai workstation --test-pattern
 * --screenshots DIR} under Xvfb to its first screenshot on disk (JVM start, JavaFX toolkit, main window, first
 * decoded frame, plus the screenshot script's fixed 2.3 s of settling pauses). Each against the same command run
 * from the class path on the system JDK ({@code app/target}). The first run of each on an empty home (JavaCPP and
 * JavaFX extract their natives into the user's cache on first use) is reported separately. Also the package and
 * installed sizes. Needs the package installed ({@code $CHAI_INSTALLED} overrides /opt/chai-workstation/bin/chai),
 * {@code Xvfb} and app/target.
 */
public final class InstallBenchmark implements Benchmark {
    static final Path DEFAULT_LAUNCHER = Path.of("/opt/chai-workstation/bin/chai");
    private static final int VERSION_RUNS = 7;
    private static final int GUI_RUNS = 5;

    @Override
    public String name() {
        return "install";
    }

    @Override
    public String description() {
        return "Installed app (.deb, jlink runtime) cold start: `chai --version` and time to the first GUI screenshot "
                + "under Xvfb (`chai workstation --test-pattern --screenshots`, includes 2.3 s of scripted pauses), "
                + "each a new process, against the same from the class path on the system JDK; package sizes.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        String env = System.getenv("CHAI_INSTALLED");
        Path launcher = env != null && !env.isBlank() ? Path.of(env) : DEFAULT_LAUNCHER;
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no installed chai at " + launcher + ": build and install the package first "
                    + "(installer/build-linux.sh deb && dpkg -i installer/target/packages/chai-workstation_*.deb)");
        }
        Path root = context.repositoryRoot();
        Path jar;
        try (Stream<Path> s = Files.list(root.resolve("app/target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("chai-app-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("-sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no app/target/chai-app-*.jar: build the app first"));
        }
        List<String> installed = List.of(launcher.toString());
        List<String> classpath = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-jar", jar.toString());

        List<Figure> figures = new ArrayList<>();
        try (Xvfb x = Xvfb.start()) {
            Path home = context.scratch("home");
            // first run on an empty home: natives extracted into ~/.javacpp and ~/.openjfx
            figures.add(Figure.single("chai --version, first run on an empty home (installed)", "ms",
                    version(installed, context.scratch("first-home-installed"), 1).median(), null, null));
            figures.add(Figure.single("first GUI screenshot, first run on an empty home (installed)", "ms",
                    gui(installed, context.scratch("first-gui-installed"), x, context, 1).median(), null, null));
            // one discarded run of each fills the shared home's native caches
            version(installed, home, 1);
            version(classpath, home, 1);
            gui(installed, home, x, context, 1);
            gui(classpath, home, x, context, 1);
            Samples vi = version(installed, home, VERSION_RUNS);
            Samples vc = version(classpath, home, VERSION_RUNS);
            figures.add(Figure.against("chai --version (installed)", "ms", vi, "class path, system JDK", vc,
                    "median < 2000 ms", vi.median() < 2000));
            Samples gi = gui(installed, home, x, context, GUI_RUNS);
            Samples gc = gui(classpath, home, x, context, GUI_RUNS);
            figures.add(Figure.against("first GUI screenshot (installed)", "ms", gi, "class path, system JDK", gc,
                    "median < 8000 ms", gi.median() < 8000));
        }
        Path packages = root.resolve("installer/target/packages");
        for (String ext : List.of(".deb", ".rpm")) {
            if (Files.isDirectory(packages)) {
                try (Stream<Path> s = Files.list(packages)) {
                    for (Path p : s.filter(f -> f.toString().endsWith(ext)).toList()) {
                        figures.add(Figure.single(p.getFileName().toString(), "MB", Files.size(p) / 1e6, null, null));
                    }
                }
            }
        }
        Path installDir = launcher.getParent().getParent();
        figures.add(Figure.single("installed " + installDir + " (all)", "MB", size(installDir) / 1e6, null, null));
        figures.add(Figure.single("installed runtime (jlink)", "MB", size(installDir.resolve("lib/runtime")) / 1e6,
                null, null));
        figures.add(Figure.single("installed jars", "MB", size(installDir.resolve("lib/app")) / 1e6, null, null));
        return figures;
    }

    private static Samples version(List<String> command, Path home, int runs) throws Exception {
        Samples s = new Samples();
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(command);
            cmd.add("--version");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            environment(pb, home, null);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("chai ")) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            s.add((System.nanoTime() - t0) / 1e6);
        }
        return s;
    }

    /** Starts the workstation for screenshots and measures until the first PNG is complete on disk. */
    private static Samples gui(List<String> command, Path home, Xvfb x, BenchContext context, int runs) throws Exception {
        Samples s = new Samples();
        for (int i = 0; i < runs; i++) {
            Path shots = Files.createTempDirectory(context.workDir(), "shots");
            Path first = shots.resolve("workstation-light.png");
            List<String> cmd = new ArrayList<>(command);
            cmd.addAll(List.of("workstation", "--test-pattern", "--screenshots", shots.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(context.workDir().resolve("gui.log").toFile());
            environment(pb, home, x.display());
            long t0 = System.nanoTime();
            Process p = pb.start();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            long seen = -1;
            long lastSize = -1;
            // the file is complete when its size stops changing between two polls
            while (System.nanoTime() < deadline) {
                if (Files.isRegularFile(first)) {
                    long size = Files.size(first);
                    if (size > 0 && size == lastSize) {
                        break;
                    }
                    if (seen < 0) {
                        seen = System.nanoTime();
                    }
                    lastSize = size;
                } else if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            if (seen < 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " wrote no screenshot; see "
                        + context.workDir().resolve("gui.log"));
            }
            s.add((seen - t0) / 1e6);
        }
        return s;
    }

    private static void environment(ProcessBuilder pb, Path home, String display) {
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        // Java 17 takes user.home from the password file, not $HOME: JavaCPP's and JavaFX's native caches live there
        env.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.remove("CHAI_CONFIG_DIR");
        env.remove("DISPLAY");
        if (display != null) {
            env.put("DISPLAY", display);
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** One Xvfb server for all GUI runs, on a free display number. */
    private record Xvfb(Process process, String display) implements AutoCloseable {
        static Xvfb start() throws Exception {
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    continue;
                }
                Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 100 && p.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return new Xvfb(p, ":" + n);
                    }
                    Thread.sleep(50);
                }
                p.destroyForcibly();
            }
            throw new IllegalStateException("could not start Xvfb (apt-get install xvfb)");
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
