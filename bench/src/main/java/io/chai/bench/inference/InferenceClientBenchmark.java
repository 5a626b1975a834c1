// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.inference;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.inference.client.ChatCall;
import io.chai.inference.client.ChatRequest;
import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.JpegFrameEncoder;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.VideoMode;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.RetryPolicy;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.Timeouts;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Client overhead against the loopback server with a fixed model latency: batch throughput at concurrency 1/4/8
 * (clips per second against the ideal concurrency / latency) with 16 frames of 448 px per clip, and frame
 * preparation per clip (sampling 16 of 240 decoded 1080p frames, scaling to 448 px, JPEG, base64). Decoding is not
 * included (frames are synthetic BufferedImages).
 */
public final class InferenceClientBenchmark implements Benchmark {
    static final Duration LATENCY = Duration.ofMillis(250);
    static final int FRAMES = 16;
    static final int ROUNDS = 3;

    @Override
    public String name() {
        return "inference-client";
    }

    @Override
    public String description() {
        return "Model-server client overhead against the loopback server with a fixed " + LATENCY.toMillis()
                + " ms latency (16 frames of 448 px per clip, frames as base64 image_url), and frame preparation per"
                + " clip (sample 16 of 240 synthetic 1920x1080 frames, scale to 448 px, JPEG q0.85, base64; decoding"
                + " not included).";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(preparation());
        figures.addAll(throughput());
        return figures;
    }

    // ---------------------------------------------------------------- frame preparation

    private List<Figure> preparation() {
        List<BufferedImage> source = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            source.add(syntheticFrame(1920, 1080, i));
        }
        int total = 240;
        JpegFrameEncoder enc = JpegFrameEncoder.standard();
        Samples perClip = new Samples();
        Samples bytes = new Samples();
        for (int clip = -3; clip < 20; clip++) { // 3 warm-up clips
            long t0 = System.nanoTime();
            long size = 0;
            for (int k = 0; k < FRAMES; k++) {
                long index = Math.round((k + 0.5) * total / FRAMES - 0.5); // evenly spaced sample
                BufferedImage decoded = source.get((int) (index % source.size()));
                EncodedFrame f = enc.encode(decoded, index, index / 24.0);
                size += f.dataUri().length();
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (clip >= 0) {
                perClip.add(ms);
                bytes.add(size / 1024.0);
            }
        }
        double budget = 0.2 * 2000;
        return List.of(
                Figure.of("frame preparation per clip (16 frames, 448 px)", "ms", perClip,
                        "< " + (int) budget + " ms (20% of a 2 s model call)", perClip.median() < budget),
                Figure.of("base64 payload per clip", "KiB", bytes, null, null));
    }

    static BufferedImage syntheticFrame(int w, int h, int i) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30 + i * 5, 60, 120), w, h, new Color(200, 160 - i * 3, 40)));
        g.fillRect(0, 0, w, h);
        Random r = new Random(i);
        for (int k = 0; k < 60; k++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillOval(r.nextInt(w), r.nextInt(h), 20 + r.nextInt(200), 20 + r.nextInt(200));
        }
        g.dispose();
        return img;
    }

    // ---------------------------------------------------------------- throughput

    private List<Figure> throughput() throws Exception {
        JpegFrameEncoder enc = JpegFrameEncoder.standard();
        List<EncodedFrame> frames = new ArrayList<>();
        for (int k = 0; k < FRAMES; k++) {
            frames.add(enc.encode(syntheticFrame(1920, 1080, k), k * 15L, k * 0.6));
        }
        ChatRequest request = ChatRequest.builder("Write one caption for this shot.").system("You caption video shots.")
                .frames(frames).videoMode(VideoMode.FRAMES_AS_IMAGES).maxTokens(128).build();
        List<Figure> out = new ArrayList<>();
        LoopbackModelServer.Config cfg = LoopbackModelServer.Config.defaults().withLatency(LATENCY);
        try (LoopbackModelServer server = LoopbackModelServer.start(cfg, 0);
                ModelServerClient client = new ModelServerClient(ServerProfile.of("bench", server.baseUrl().toString(),
                        LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI).withRetry(RetryPolicy.NONE)
                        .withTimeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))), ApiKeys.none())) {
            for (int w = 0; w < 4; w++) {
                client.chat(request); // warm-up: connections, JIT
            }
            Samples overhead = new Samples();
            for (int concurrency : new int[] {1, 4, 8}) {
                Samples rate = new Samples();
                int clips = concurrency * 6;
                for (int round = 0; round < ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    List<ChatCall> calls = new ArrayList<>();
                    List<Long> started = new ArrayList<>();
                    int next = 0;
                    int done = 0;
                    // keep exactly `concurrency` calls in flight
                    while (done < clips) {
                        while (calls.size() < concurrency && next < clips) {
                            started.add(System.nanoTime());
                            calls.add(client.submit(request));
                            next++;
                        }
                        ChatCall first = calls.remove(0);
                        long c0 = started.remove(0);
                        first.await();
                        if (concurrency == 1) {
                            overhead.add((System.nanoTime() - c0) / 1e6 - LATENCY.toMillis());
                        }
                        done++;
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    rate.add(clips / seconds);
                }
                if (!server.violations().isEmpty()) {
                    throw new IllegalStateException("loopback server saw invalid requests: " + server.violations());
                }
                double ideal = concurrency * 1000.0 / LATENCY.toMillis();
                double ratio = rate.median() / ideal;
                out.add(new Figure(String.format(Locale.ROOT, "throughput, concurrency %d", concurrency), "clips/s",
                        rate.median(), rate.p95(), "ideal (concurrency / latency)", ideal, ratio,
                        "ratio >= 0.90", ratio >= 0.90));
            }
            out.add(Figure.of("client overhead per call (concurrency 1)", "ms", overhead, null, null));
        }
        return out;
    }
}
