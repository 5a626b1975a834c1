// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real clips for UI tests, made with the {@code ffmpeg} program (installed by {@code .ci/run}). */
public final class TestClips {
    private TestClips() {
    }

    /**
     * A 4 s, 25 fps, 320x180 H.264 clip with B-frames and a keyframe every 12 frames (so stepping back needs
     * real seeks), from ffmpeg's moving test source.
     */
    public static Path h264(Path dir) throws Exception {
        Path out = dir.resolve("testsrc2-h264.mp4");
        if (Files.exists(out)) {
            return out;
        }
        Process p = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25", "-t", "4", "-c:v", "libx264", "-g", "12", "-bf", "2",
                "-pix_fmt", "yuv420p", out.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed to make a test clip: " + log);
        }
        return out;
    }

    /**
     * A {@code seconds} s, 25 fps H.264 clip of ffmpeg's moving test source at {@code size} (e.g. 1920x1080; every
     * frame differs from its neighbours), a keyframe every 25 frames, encoded fast, tagged BT.601 so that libVLC's
     * RGB pictures equal the exact decoder's at any size (untagged HD is converted as BT.709 by us, BT.601 by
     * libVLC).
     */
    public static Path testsrc2(Path dir, String size, int seconds) throws Exception {
        return testsrc2(dir, size, seconds, true);
    }

    /**
     * As {@link #testsrc2(Path, String, int)}; {@code tagged} false leaves the colour space unsigned (the same
     * pictures, encoded identically: only the tags differ).
     */
    public static Path testsrc2(Path dir, String size, int seconds, boolean tagged) throws Exception {
        Path out = dir.resolve("testsrc2-" + size + "-" + seconds + "s" + (tagged ? "" : "-untagged") + ".mp4");
        if (Files.exists(out)) {
            return out;
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + size + ":rate=25", "-t", Integer.toString(seconds), "-c:v", "libx264",
                "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"));
        if (tagged) {
            cmd.addAll(List.of("-colorspace", "smpte170m", "-color_primaries", "smpte170m", "-color_trc",
                    "smpte170m"));
        }
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed to make a test clip: " + log);
        }
        return out;
    }
}
