// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/**
 * Locates an {@code ffmpeg} command-line program for tests and benchmarks (the product itself never runs one):
 * the system's {@code ffmpeg} on the PATH if there is one, otherwise the program shipped inside the bytedeco FFmpeg
 * jar: from the GPL build ({@code linux-x86_64-gpl} classifier, with libx264/libx265) when it is on the classpath,
 * else the LGPL build. {@code -Dchai.ffmpeg=bundled} skips the PATH, {@code -Dchai.ffmpeg=/path/to/ffmpeg} names
 * one. {@link #command(String...)} returns a ready {@link ProcessBuilder}.
 */
public final class FfmpegCli {
    private final Path executable;
    private final Path libraryDir;
    private final String origin;

    private FfmpegCli(Path executable, Path libraryDir, String origin) {
        this.executable = executable;
        this.libraryDir = libraryDir;
        this.origin = origin;
    }

    private static FfmpegCli located;

    /** The ffmpeg to use (see the class comment). */
    public static synchronized FfmpegCli locate() {
        if (located == null) {
            located = find();
        }
        return located;
    }

    private static FfmpegCli find() {
        String choice = System.getProperty("chai.ffmpeg", "auto");
        if (!choice.equals("auto") && !choice.equals("bundled")) {
            Path p = Path.of(choice);
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("-Dchai.ffmpeg=" + choice + " is not an executable file");
            }
            return new FfmpegCli(p, null, "configured " + p);
        }
        String path = choice.equals("bundled") ? null : System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "ffmpeg");
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new FfmpegCli(p, null, "system " + p);
                }
            }
        }
        String platform = Loader.getPlatform();
        String gplDir = "/org/bytedeco/ffmpeg/" + platform + "-gpl/";
        if (FfmpegCli.class.getResource(gplDir + "ffmpeg") != null) {
            try {
                for (File f : Loader.cacheResources(gplDir)) {
                    File exe = f.isDirectory() ? new File(f, "ffmpeg") : f;
                    if (exe.getName().equals("ffmpeg") && exe.isFile()) {
                        exe.setExecutable(true);
                        return new FfmpegCli(exe.toPath(), exe.toPath().getParent(), "bundled GPL build " + exe);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot extract the bundled GPL ffmpeg: " + e.getMessage(), e);
            }
        }
        String exe = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Path p = Path.of(exe);
        return new FfmpegCli(p, p.getParent(), "bundled LGPL build " + p);
    }

    public Path executable() {
        return executable;
    }

    /** Where this ffmpeg comes from, for logs and reports. */
    public String origin() {
        return origin;
    }

    /** A process builder for {@code ffmpeg -hide_banner -nostdin ARGS}, stderr merged into stdout. */
    public ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.add("-hide_banner");
        cmd.add("-nostdin");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (libraryDir != null) {
            Map<String, String> env = pb.environment();
            String old = env.get("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", libraryDir + (old == null || old.isEmpty() ? "" : File.pathSeparator + old));
        }
        return pb;
    }

    /**
     * Runs ffmpeg with {@code args} and returns its output; throws with the output's tail if it fails or runs
     * longer than {@code timeoutSeconds}.
     */
    public String run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Process p = command(args).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5000);
            throw new IOException("ffmpeg timed out after " + timeoutSeconds + " s: " + String.join(" ", args));
        }
        reader.join();
        String text = new String(out[0] == null ? new byte[0] : out[0], java.nio.charset.StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            String tail = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
            throw new IOException("ffmpeg failed (" + p.exitValue() + "): " + String.join(" ", args) + "\n" + tail);
        }
        return text;
    }
}
