// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.ui;

import io.chai.app.cli.ChaiCommand;
import io.chai.app.ui.MainWindow;
import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.checklist.viewmodel.AnswerFile;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.player.PlayerView;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import io.chai.model.spec.Specifications;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The workstation's player on a generated 1080p H.264 clip with sound (12 s, 25 fps, GOP 50, B-frames),
 * imported into a project. Needs a display: run under {@code xvfb-run -a}.
 *
 * <ul>
 *   <li><b>cold start to first frame</b>: a fresh JVM started by the README's launcher ({@code ./chai workstation
 *       --project DIR}: its JVM options and the class-data archive it keeps in {@code $XDG_CACHE_HOME/chai/cds},
 *       here in the bench's own folder, made by the first run, which is reported on its own) prints
 *       {@link PlayerView#FIRST_FRAME_MARKER} in the pulse after the one that laid out the first exact frame (so it
 *       has been drawn); measured from just before the process is started. The same from the plain class path with
 *       no JVM options, for comparison.</li>
 *   <li><b>Right arrow to next frame shown</b>: in this JVM, the real main window; a Right key event goes through
 *       the scene's shortcut dispatch on the JavaFX thread, and the time runs until the pulse that lays out the new
 *       exact frame (it is drawn in that pulse), 200 presses 40–80 ms apart.</li>
 *   <li><b>K after libVLC playback to exact frame shown</b>: play through libVLC for 0.3–1 s, pause, until the
 *       identified exact frame is laid out.</li>
 * </ul>
 */
public final class PlayerBenchmark implements Benchmark {
    static final int PRESSES = 200;
    static final int COLD_STARTS = 5;
    static final int PLAIN_STARTS = 3;

    /** How a cold start is launched. */
    enum Launch {
        /** {@code ./chai workstation …}: the README's command, its JVM options and class-data archive. */
        LAUNCHER,
        /** {@code java -cp … io.chai.app.Main workstation …} with no options: what the launcher improves on. */
        PLAIN_JVM
    }
    static final int PAUSES = 20;
    /** System property: a PNG file to write a screenshot of the main window while libVLC plays to. */
    public static final String SCREENSHOT_PROPERTY = "chai.bench.playerScreenshot";

    @Override
    public String name() {
        return "ui-player";
    }

    @Override
    public String description() {
        return "workstation player on a 1920x1080 H.264 clip with AAC sound (12 s, 25 fps, GOP 50, 3 B-frames) in a"
                + " project, under Xvfb: cold start to first frame, Right arrow to next frame, pause after libVLC";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            throw new IllegalStateException("ui-player needs a display: run it as xvfb-run -a bench/run ui-player");
        }
        Path clipDir = Files.createDirectories(context.repositoryRoot().resolve("bench/target/player-bench-clips"));
        Path clip = clipDir.resolve("h264_1080p_gop50_12s_aac.mp4");
        if (!Files.exists(clip)) {
            Path tmp = clipDir.resolve("tmp-" + clip.getFileName());
            Files.deleteIfExists(tmp);
            FfmpegCli.locate().run(900, "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-f", "lavfi",
                    "-i", "sine=frequency=440:sample_rate=48000", "-vf", "noise=alls=6:allf=t,format=yuv420p",
                    "-t", "12", "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-bf", "3", "-crf", "23",
                    "-c:a", "aac", "-shortest", tmp.toString());
            Files.move(tmp, clip);
        }
        Path project = context.workDir().resolve("project");
        if (!Files.exists(project.resolve("project.chai"))) {
            Files.createDirectories(context.workDir());
            int rc = ChaiCommand.run("init", "--name=player bench", project.toString());
            if (rc != 0) {
                throw new IllegalStateException("chai init failed (" + rc + ")");
            }
            rc = ChaiCommand.run("import", "--project=" + project, "--author=bench",
                    clip.toString());
            if (rc != 0) {
                throw new IllegalStateException("chai import failed (" + rc + ")");
            }
        }
        List<Figure> out = new ArrayList<>();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // the README's launcher (./chai), with a class-data archive cache of the bench's own
        Path cache = context.workDir().resolve("xdg-cache");
        io.chai.app.Folders.deleteTree(cache.resolve("chai/cds"));
        Samples[] first = cold(context, project, 1, Launch.LAUNCHER, cache);
        out.add(Figure.of("first start of a new build (./chai; makes its class-data archive at exit)", "ms",
                first[0], "-", null));
        Samples[] coldRuns = cold(context, project, COLD_STARTS, Launch.LAUNCHER, cache);
        Samples cold = coldRuns[0];
        out.add(Figure.of("cold start to first frame shown (./chai workstation, " + COLD_STARTS + " fresh JVMs)", "ms",
                cold, "< 3 s (median)", cold.median() < 3000));
        if (coldRuns[1].size() > 0) {
            out.add(Figure.of("CPU time of that process until its first frame (user + system, all threads)", "ms",
                    coldRuns[1], "-", null));
        }
        Samples[] plain = cold(context, project, PLAIN_STARTS, Launch.PLAIN_JVM, cache);
        out.add(Figure.of("same from the plain class path (no archive, tiered JIT; " + PLAIN_STARTS + " JVMs)", "ms",
                plain[0], "-", null));
        Samples[] inProcess = inProcess(context, clip);
        out.add(Figure.of("Right arrow to next frame shown (" + inProcess[0].size() + " presses; this JVM: " + jit()
                + ")", "ms",
                inProcess[0], "< 50 ms (median)", inProcess[0].median() < 50));
        if (inProcess[1].size() > 0) {
            out.add(Figure.of("pause after libVLC playback to exact frame shown (" + inProcess[1].size() + ")", "ms",
                    inProcess[1], "-", null));
        }
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.add(Figure.single("machine load (1-min load average) before / after", "runnable",
                loadBefore, String.format(java.util.Locale.ROOT, "after: %.1f", loadAfter), null));
        return out;
    }

    /**
     * Fresh JVMs opening the project until the first frame is on screen: wall time, and the CPU time the process
     * had used by then (from /proc; tells how much of the wall time a loaded machine added).
     */
    private static Samples[] cold(BenchContext context, Path project, int runs, Launch launch, Path cache)
            throws Exception {
        Samples s = new Samples();
        Samples cpu = new Samples();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String marker = "-D" + PlayerView.FIRST_FRAME_MARKER_PROPERTY + "=true";
        for (int r = 0; r < runs; r++) {
            Path cfg = context.workDir().resolve("config-" + launch + "-" + r);
            List<String> cmd = launch == Launch.LAUNCHER
                    ? List.of(context.repositoryRoot().resolve("chai").toString(), "workstation",
                            "--project=" + project, "--config-dir=" + cfg)
                    : List.of(java, "-Xmx1g", marker, "-cp", System.getProperty("java.class.path"), "io.chai.app.Main",
                            "workstation", "--project=" + project, "--config-dir=" + cfg);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("CHAI_JAVA_OPTS", marker);
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            long t0 = System.nanoTime();
            Process p = pb.start();
            AtomicLong shown = new AtomicLong(-1);
            AtomicLong cpuMs = new AtomicLong(-1);
            StringBuilder log = new StringBuilder();
            CountDownLatch done = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith(PlayerView.FIRST_FRAME_MARKER) && shown.get() < 0) {
                            shown.set(System.nanoTime());
                            cpuMs.set(cpuMillis(p.pid()));
                            done.countDown();
                        } else if (log.length() < 4000) {
                            log.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException e) {
                    // process ended
                } finally {
                    done.countDown();
                }
            });
            reader.setDaemon(true);
            reader.start();
            boolean ok = done.await(180, TimeUnit.SECONDS);
            p.destroy();
            // the launcher's first run writes its class-data archive while it exits
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (!ok || shown.get() < 0) {
                throw new IllegalStateException("workstation showed no first frame within 180 s:\n" + log);
            }
            s.add((shown.get() - t0) / 1e6);
            if (cpuMs.get() >= 0) {
                cpu.add(cpuMs.get());
            }
        }
        return new Samples[] {s, cpu};
    }

    /** User + system CPU time of process {@code pid} so far, in ms (-1 where /proc is not readable). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 (utime, stime) in clock ticks; after the command name, they are at 11 and 12
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This JVM's JIT: "C1 only" (as ./chai runs the workstation) or "tiered C1 + C2". */
    private static String jit() {
        var hs = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class);
        return "1".equals(hs.getVMOption("TieredStopAtLevel").getValue()) ? "C1 only, as ./chai runs the workstation"
                : "tiered C1 + C2";
    }

    /** The real main window in this JVM: Right-arrow latency, then pauses after libVLC playback. */
    private static Samples[] inProcess(BenchContext context, Path clip) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        MediaFrameSource source = MediaFrameSource.open(clip, new IndexStore(context.workDir().resolve("index")),
                ProgressListener.NONE, CancellationToken.NONE);
        AtomicReference<MainWindow> win = new AtomicReference<>();
        AtomicReference<Stage> stageRef = new AtomicReference<>();
        onFx(() -> {
            MainWindow w = new MainWindow(new WorkstationContent("player bench", Specifications.bundled(), source,
                    new AnswerFile(context.workDir().resolve("answers.json")).store("spec", "clip")),
                    WorkstationSettings.load(context.workDir().resolve("window-config")));
            Stage stage = new Stage();
            w.show(stage);
            stage.setWidth(1480);
            stage.setHeight(920);
            win.set(w);
            stageRef.set(stage);
        });
        MainWindow w = win.get();
        PlayerViewModel vm = w.player();
        try {
            waitFor(() -> vm.shownProperty().get() != null, 30);
            w.playerView().engine().ready().get(30, TimeUnit.SECONDS);
            Samples right = new Samples();
            java.util.Random rnd = new java.util.Random(7);
            for (int i = 0; i < PRESSES; i++) {
                int expected = Math.min(vm.frameCount() - 1, onFxGet(() -> vm.shownProperty().get().index()) + 1);
                right.add(latency(w, vm, expected, () -> pressRight(w)));
                Thread.sleep(40 + rnd.nextInt(40));
            }
            Samples pause = new Samples();
            String shot = System.getProperty(SCREENSHOT_PROPERTY);
            if (shot != null && onFxGet(() -> vm.stream().isPresent())) {
                // the player while libVLC plays: the picture on screen is libVLC's
                onFx(vm::home);
                onFx(vm::togglePlay);
                waitFor(() -> vm.streamOnScreenProperty().get(), 10);
                Thread.sleep(1500);
                onFx(() -> {
                    try {
                        io.chai.app.ui.FxImages.writePng(w.scene().snapshot(null), Path.of(shot));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                onFx(vm::pause);
                System.err.println("ui-player: wrote " + shot);
            }
            if (onFxGet(() -> vm.stream().isPresent())) {
                for (int i = 0; i < PAUSES; i++) {
                    onFx(vm::home);
                    waitFor(() -> vm.shownProperty().get().index() == 0, 10);
                    onFx(vm::togglePlay);
                    waitFor(() -> vm.streamOnScreenProperty().get(), 10);
                    Thread.sleep(300 + rnd.nextInt(700));
                    pause.add(latency(w, vm, -1, vm::pause));
                }
            }
            return new Samples[] {right, pause};
        } finally {
            onFx(() -> {
                w.close();
                stageRef.get().close();
            });
            // the JavaFX thread is not a daemon: end the toolkit so the benchmark JVM can exit
            Platform.exit();
        }
    }

    private static void pressRight(MainWindow w) {
        Node target = w.scene().getFocusOwner() != null ? w.scene().getFocusOwner() : w.scene().getRoot();
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false,
                false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.RIGHT, false, false, false,
                false));
    }

    /**
     * Runs {@code action} on the JavaFX thread and returns the ms until the pulse that lays out the exact frame
     * {@code expected} (-1: any exact frame once the view model has settled after a pause).
     */
    private static double latency(MainWindow w, PlayerViewModel vm, int expected, Runnable action) throws Exception {
        CompletableFuture<Long> laidOut = new CompletableFuture<>();
        long[] t0 = new long[1];
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            FramePicture p = vm.shownProperty().get();
            boolean there = p != null && !vm.streamOnScreenProperty().get() && !vm.resolving()
                    && (expected < 0 ? p.index() == vm.positionProperty().get() : p.index() == expected);
            if (there) {
                laidOut.complete(System.nanoTime());
                w.scene().removePostLayoutPulseListener(check[0]);
            }
        };
        onFx(() -> {
            w.scene().addPostLayoutPulseListener(check[0]);
            t0[0] = System.nanoTime();
            action.run();
            Platform.requestNextPulse();
        });
        long end = laidOut.get(20, TimeUnit.SECONDS);
        return (end - t0[0]) / 1e6;
    }

    private static void waitFor(java.util.function.BooleanSupplier c, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFxGet(c::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("player bench: gave up waiting after " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
