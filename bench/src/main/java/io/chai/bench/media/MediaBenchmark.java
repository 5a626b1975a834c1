// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.media;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.media.FrameDecoder;
import io.chai.media.FrameIndex;
import io.chai.media.FrameIndexer;
import io.chai.media.FrameSampler;
import io.chai.media.PixelLayout;
import io.chai.media.ProgressListener;
import io.chai.media.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Exact-frame access on a 1080p H.264 clip with 250-frame GOPs (60 s, 25 fps, B-frames), against the ffmpeg
 * command line measured in the same run: random access (ours: warm decoder, BGR conversion of the returned frame;
 * ffmpeg: {@code -ss T -i FILE -frames:v 1} hashing the decoded frame, which also checks that it lands on the same
 * frame), ±1 stepping, index build and sampling 16 frames. The clip is generated once and kept in
 * {@code bench/target/media-bench-clips/}.
 */
public final class MediaBenchmark implements Benchmark {
    private static final int RANDOM_FRAMES = 24;

    static {
        // the GPL jar is on the bench classpath only to generate the clip; measure the natives the product ships
        if (System.getProperty("org.bytedeco.javacpp.platform.extension") == null) {
            System.setProperty("org.bytedeco.javacpp.platform.extension", "");
        }
    }
    private static final long SEED = 20_261_129L;

    @Override
    public String name() {
        return "media";
    }

    @Override
    public String description() {
        return "Frame-exact decoding of a 1920x1080 H.264 clip (60 s, 25 fps, GOP 250, 3 B-frames) vs the ffmpeg "
                + "command line (" + FfmpegCli.locate().origin() + ")";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        FfmpegCli ffmpeg = FfmpegCli.locate();
        Path dir = Files.createDirectories(context.repositoryRoot().resolve("bench/target/media-bench-clips"));
        Path clip = dir.resolve("h264_1080p_gop250_60s.mp4");
        if (!Files.exists(clip)) {
            Path tmp = dir.resolve("tmp-" + clip.getFileName());
            Files.deleteIfExists(tmp);
            System.err.println("media: generating " + clip + " (once)");
            // moving test pattern with light temporal grain, so frames cost what camera footage costs to decode
            ffmpeg.run(1800, "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-vf",
                    "noise=alls=6:allf=t,format=yuv420p", "-t", "60", "-c:v", "libx264", "-preset",
                    "veryfast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0", "-bf", "3", "-crf", "23",
                    tmp.toString());
            Files.move(tmp, clip);
        }
        List<Figure> figures = new ArrayList<>();

        // index build (full decode + hash of every frame) vs the same work by the command line
        Samples build = new Samples();
        FrameIndex index = null;
        for (int k = 0; k < 2; k++) {
            long t0 = System.nanoTime();
            index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
            build.add((System.nanoTime() - t0) / 1e6);
        }
        int n = index.frameCount();
        double clipSeconds = index.duration().toDouble();
        Samples cliHash = new Samples();
        cliHash.time(() -> ffmpeg.run(600, "-v", "error", "-i", clip.toString(), "-map", "0:v:0", "-f", "framehash",
                "-hash", "murmur3", "-y", "/dev/null"));
        double fps = n / (build.median() / 1000);
        double realtime = clipSeconds / (build.median() / 1000);
        figures.add(new Figure("index build (" + n + " frames)", "frames/s", fps, Double.NaN,
                "ffmpeg -f framehash (frames/s)", n / (cliHash.median() / 1000), fps / (n / (cliHash.median() / 1000)),
                "-", null));
        figures.add(Figure.single("index build speed vs real time", "x real time", realtime, ">= 4x real time",
                realtime >= 4));

        // random exact-frame access, warm decoder
        Random random = new Random(SEED);
        int[] targets = new int[RANDOM_FRAMES];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = random.nextInt(n);
        }
        Samples ours = new Samples();
        Samples cli = new Samples();
        int cliExact = 0;
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            dec.frame(n / 2); // warm-up: natives, threads, buffers
            for (int i : targets) {
                VideoFrame[] got = new VideoFrame[1];
                ours.time(() -> got[0] = dec.frame(i, PixelLayout.BGR24, 0));
                if (!got[0].hash().equals(index.hash(i))) {
                    throw new IllegalStateException("frame " + i + " is not exact");
                }
            }
            for (int i : targets) {
                String t = index.ptsSeconds(i).toDecimal(6);
                String[] out = new String[1];
                cli.time(() -> out[0] = ffmpeg.run(120, "-v", "error", "-ss", t, "-i", clip.toString(), "-frames:v",
                        "1", "-f", "framehash", "-hash", "murmur3", "-"));
                if (out[0].contains(index.hash(i).hex())) {
                    cliExact++;
                }
            }
            double ratio = cli.median() / ours.median();
            figures.add(Figure.against("random exact frame (" + RANDOM_FRAMES + " frames; ffmpeg exact on " + cliExact
                    + "/" + RANDOM_FRAMES + ")", "ms", ours, "ffmpeg -ss T -i FILE -frames:v 1", cli,
                    ">= 2x faster (median)", ratio >= 2));

            // stepping: +1 and -1 from three places
            Samples forward = new Samples();
            Samples backward = new Samples();
            for (int start : new int[] {n / 5, n / 2 + 37, n - 200}) {
                dec.frame(start);
                int at = start;
                for (int k = 0; k < 20; k++) {
                    int next = ++at;
                    forward.time(() -> dec.frame(next));
                }
                for (int k = 0; k < 60; k++) {
                    int prev = --at;
                    backward.time(() -> dec.frame(prev));
                }
            }
            figures.add(Figure.of("step +1 frame", "ms", forward, "median < 20 ms", forward.median() < 20));
            figures.add(Figure.of("step -1 frame", "ms", backward, "median < 20 ms", backward.median() < 20));
        }

        // sampling 16 frames for a model (<= 448x448 pixels), fresh decoder, vs one ffmpeg select pass
        int[] picks = FrameSampler.uniform(index, 16, 0, n);
        Samples sample = new Samples();
        FrameIndex idx = index;
        for (int k = 0; k < 2; k++) {
            sample.time(() -> {
                try (FrameDecoder dec = new FrameDecoder(clip, idx)) {
                    FrameSampler.decode(dec, picks, 448 * 448);
                }
            });
        }
        StringBuilder select = new StringBuilder("select='");
        for (int k = 0; k < picks.length; k++) {
            select.append(k == 0 ? "" : "+").append("eq(n\\,").append(picks[k]).append(')');
        }
        select.append("',scale=597:336");
        Samples cliSample = new Samples();
        cliSample.time(() -> ffmpeg.run(600, "-v", "error", "-i", clip.toString(), "-vf", select.toString(),
                "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "bgr24", "-y", "/dev/null"));
        figures.add(Figure.against("sample 16 frames of 60 s (<= 448x448)", "ms", sample,
                "ffmpeg -vf select (one pass)", cliSample, "-", null));
        System.err.printf(Locale.ROOT, "media: %d frames, %.1f s; index build %.0f ms%n", n, clipSeconds,
                build.median());
        return figures;
    }
}
