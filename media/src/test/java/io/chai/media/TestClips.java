// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the test clip matrix with the ffmpeg command line ({@link FfmpegCli#locate()}) into
 * {@code target/media-test-clips/} once per build (files are reused while present). Small pictures (320x240) and
 * a few seconds each, so the whole suite stays fast.
 */
final class TestClips {
    static final Path DIR = Path.of("target", "media-test-clips-v2").toAbsolutePath();
    private static final String SRC = "testsrc2=size=320x240:rate=";

    private TestClips() {
    }

    /** A generated clip and what the test expects of it. */
    record Clip(String name, Path path, int rotation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static FfmpegCli ffmpeg() {
        FfmpegCli cli = FfmpegCli.locate();
        if (!announced) {
            announced = true;
            System.out.println("test clips made with " + cli.origin());
        }
        return cli;
    }

    private static boolean announced;

    static synchronized Path make(String name, Generator g) throws Exception {
        Files.createDirectories(DIR);
        Path out = DIR.resolve(name);
        if (Files.exists(out)) {
            return out;
        }
        Path tmp = DIR.resolve("tmp-" + name);
        Files.deleteIfExists(tmp);
        g.generate(tmp);
        Files.move(tmp, out);
        return out;
    }

    interface Generator {
        void generate(Path out) throws Exception;
    }

    static void ff(String... args) throws IOException, InterruptedException {
        ffmpeg().run(240, args);
    }

    static Path h264BFrames() throws Exception {
        return make("h264_bframes.mp4", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "6", "-c:v", "libx264",
                "-preset", "veryfast", "-bf", "3", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                "-pix_fmt", "yuv420p", o.toString()));
    }

    static Path h264OpenGop() throws Exception {
        return make("h264_open_gop.mkv", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "5", "-c:v", "libx264",
                "-preset", "veryfast", "-x264opts", "open-gop=1:bframes=3:keyint=24:min-keyint=24:scenecut=0",
                "-pix_fmt", "yuv420p", o.toString()));
    }

    static Path h264At23976() throws Exception {
        return make("h264_23976.mp4", o -> ff("-f", "lavfi", "-i", SRC + "24000/1001", "-t", "4", "-c:v",
                "libx264", "-preset", "veryfast", "-bf", "2", "-g", "48", "-pix_fmt", "yuv420p", o.toString()));
    }

    static Path h264At2997() throws Exception {
        return make("h264_2997.mp4", o -> ff("-f", "lavfi", "-i", SRC + "30000/1001", "-t", "4", "-c:v",
                "libx264", "-preset", "veryfast", "-bf", "3", "-g", "60", "-pix_fmt", "yuv420p", o.toString()));
    }

    static Path variableFrameRate() throws Exception {
        return make("vfr.mp4", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "4", "-vf",
                "settb=1/1000,setpts=N*40+20*gt(mod(N\\,10)\\,5)", "-fps_mode", "passthrough", "-enc_time_base", "1/1000",
                "-c:v",
                "libx264", "-preset", "veryfast", "-bf", "2", "-g", "30", "-pix_fmt", "yuv420p", o.toString()));
    }

    static Path nonZeroStart() throws Exception {
        return make("start_offset.mkv", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "3", "-c:v", "libx264",
                "-preset", "veryfast", "-bf", "2", "-g", "25", "-pix_fmt", "yuv420p", "-output_ts_offset", "3.5",
                o.toString()));
    }

    static Path rotated() throws Exception {
        return make("rotated90.mp4", o -> {
            // a red square in the top-left corner of the stored picture shows where rotation moves it
            Path plain = DIR.resolve("tmp-rot-src.mp4");
            ff("-y", "-f", "lavfi", "-i", "color=c=gray:size=320x240:rate=25", "-t", "2", "-vf",
                    "drawbox=x=0:y=0:w=60:h=60:color=red:t=fill", "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", plain.toString());
            try {
                ff("-display_rotation:v:0", "-90", "-i", plain.toString(), "-c", "copy", o.toString());
            } catch (IOException e) {
                // ffmpeg before 6 has no -display_rotation; its mov muxer turns the rotate tag into a matrix
                Files.deleteIfExists(o);
                ff("-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", o.toString());
            }
            Files.deleteIfExists(plain);
        });
    }

    static Path editList() throws Exception {
        Path src = h264BFrames();
        return make("editlist.mp4", o -> ff("-ss", "1.3", "-i", src.toString(), "-c", "copy", o.toString()));
    }

    static Path hevc() throws Exception {
        return make("hevc.mp4", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "3", "-c:v", "libx265", "-preset",
                "ultrafast", "-x265-params", "log-level=error:keyint=30:min-keyint=30:bframes=3", "-tag:v", "hvc1",
                "-pix_fmt", "yuv420p", o.toString()));
    }

    static Path prores() throws Exception {
        return make("prores.mov", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "2", "-c:v", "prores_ks",
                "-profile:v", "2", "-pix_fmt", "yuv422p10le", o.toString()));
    }

    static Path vp9() throws Exception {
        return make("vp9.webm", o -> ff("-f", "lavfi", "-i", SRC + "25", "-t", "3", "-c:v", "libvpx-vp9",
                "-deadline", "good", "-cpu-used", "8", "-g", "30", "-lag-in-frames", "16", "-auto-alt-ref", "1",
                "-b:v", "300k", o.toString()));
    }

    /** The B-frame clip remuxed to Matroska and cut at 60 %: the tail is missing. */
    static Path truncated() throws Exception {
        Path src = h264BFrames();
        return make("truncated.mkv", o -> {
            Path whole = DIR.resolve("tmp-whole.mkv");
            ff("-y", "-i", src.toString(), "-c", "copy", whole.toString());
            copyPrefix(whole, o, Files.size(whole) * 6 / 10);
            Files.deleteIfExists(whole);
        });
    }

    /** An MP4 whose index (moov) is at the end, cut in half: unreadable. */
    static Path truncatedWithoutIndex() throws Exception {
        Path src = h264BFrames();
        return make("truncated_moov.mp4", o -> copyPrefix(src, o, Files.size(src) / 2));
    }

    static Path zeroBytes() throws Exception {
        return make("zero.mp4", o -> Files.createFile(o));
    }

    static Path audioOnly() throws Exception {
        return make("audio.m4a", o -> ff("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac",
                o.toString()));
    }

    static void copyPrefix(Path from, Path to, long bytes) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            out.write(in.readNBytes((int) bytes));
        }
    }

    /** Every decodable clip of the matrix, with its expected rotation. */
    static List<Clip> matrix() throws Exception {
        List<Clip> list = new ArrayList<>();
        list.add(new Clip("h264 long GOP with B-frames", h264BFrames(), 0));
        list.add(new Clip("h264 open GOP", h264OpenGop(), 0));
        list.add(new Clip("h264 23.976", h264At23976(), 0));
        list.add(new Clip("h264 29.97", h264At2997(), 0));
        list.add(new Clip("variable frame rate", variableFrameRate(), 0));
        list.add(new Clip("non-zero start time", nonZeroStart(), 0));
        list.add(new Clip("rotated phone clip", rotated(), 90));
        list.add(new Clip("mp4 edit list", editList(), 0));
        list.add(new Clip("hevc", hevc(), 0));
        list.add(new Clip("prores in mov", prores(), 0));
        list.add(new Clip("vp9 in webm", vp9(), 0));
        list.add(new Clip("truncated mkv", truncated(), 0));
        return list;
    }

    /** Per-frame murmur3 hashes as printed by the ffmpeg command line (the independent reference). */
    static List<String> cliFrameHashes(Path clip) throws Exception {
        String out = ffmpeg().run(240, "-v", "error", "-noautorotate", "-i", clip.toString(), "-map", "0:v:0",
                "-fps_mode", "passthrough", "-f", "framehash", "-hash", "murmur3", "-");
        List<String> hashes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length >= 6) {
                String h = f[f.length - 1].trim();
                if (h.startsWith("murmur3=")) {
                    h = h.substring("murmur3=".length());
                }
                hashes.add(h);
            }
        }
        return hashes;
    }
}
