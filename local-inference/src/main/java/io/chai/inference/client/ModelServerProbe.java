// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.chai.inference.settings.ServerProfile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds out what a configured server actually supports, with tiny real requests: the model list (and whether the
 * profile's model is in it), a text chat, an image, {@code json_schema} output, logprobs and {@code video_url}.
 * Used by {@code chai models check}.
 */
public final class ModelServerProbe {
    /** One probed feature. */
    public record Check(String feature, Status status, String detail) {
    }

    /** The outcome of a check. */
    public enum Status { SUPPORTED, UNSUPPORTED, FAILED, SKIPPED }

    /** All checks of one server. */
    public record Report(ServerProfile profile, List<Check> checks, Duration elapsed) {
        public Report {
            checks = List.copyOf(checks);
        }

        public Status status(String feature) {
            return checks.stream().filter(c -> c.feature().equals(feature)).map(Check::status).findFirst()
                    .orElse(Status.SKIPPED);
        }

        /** Whether the server answered at all and serves the profile's model. */
        public boolean usable() {
            return status("models") == Status.SUPPORTED && status("chat") == Status.SUPPORTED;
        }
    }

    public static final List<String> FEATURES = List.of("models", "chat", "images", "json_schema", "logprobs",
            "video_url");

    private ModelServerProbe() {
    }

    public static Report probe(ModelServerClient client) {
        long t0 = System.nanoTime();
        ServerProfile p = client.profile();
        List<Check> checks = new ArrayList<>();
        try {
            List<String> models = client.listModels();
            if (!models.contains(p.model())) {
                checks.add(new Check("models", Status.FAILED, "model '" + p.model() + "' is not served; available: "
                        + (models.isEmpty() ? "none" : String.join(", ", models))));
                return skipRest(p, checks, t0, "the model is missing");
            }
            checks.add(new Check("models", Status.SUPPORTED, models.size() + " served, including " + p.model()));
        } catch (ModelServerException e) {
            checks.add(new Check("models", Status.FAILED, e.getMessage()));
            return skipRest(p, checks, t0, "the server is not usable");
        }
        try {
            long c0 = System.nanoTime();
            ChatResult r = client.chat(ChatRequest.builder("Reply with the single word OK.").maxTokens(8)
                    .acceptTruncated(true).build());
            checks.add(new Check("chat", Status.SUPPORTED, "answered in " + (System.nanoTime() - c0) / 1_000_000
                    + " ms: " + ModelServerException.excerpt(r.text(), 40)));
        } catch (ModelServerException e) {
            checks.add(new Check("chat", Status.FAILED, e.getMessage()));
            return skipRest(p, checks, t0, "a plain chat failed");
        }
        List<EncodedFrame> frames = probeFrames();
        checks.add(feature("images", () -> {
            client.chat(ChatRequest.builder("What colour is the square? One word.").frames(frames.subList(0, 1))
                    .videoMode(VideoMode.FRAMES_AS_IMAGES).maxTokens(8).acceptTruncated(true).build());
            return new Check("images", Status.SUPPORTED, "accepted a base64 JPEG image_url");
        }));
        checks.add(feature("json_schema", () -> {
            OutputSchema schema;
            try {
                schema = new OutputSchema("probe", Wire.JSON.readTree("{\"type\":\"object\",\"properties\":"
                        + "{\"ok\":{\"type\":\"boolean\"}},\"required\":[\"ok\"],\"additionalProperties\":false}"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try {
                ChatResult r = client.chat(ChatRequest.builder("Answer with a JSON object whose field ok is true.")
                        .schema(schema).maxTokens(32).build());
                return r.route().serverConstrained()
                        ? new Check("json_schema", Status.SUPPORTED, "constrained output, valid")
                        : new Check("json_schema", Status.UNSUPPORTED, "server ignores response_format;"
                                + " answers are validated client-side only");
            } catch (MalformedAnswerException | SchemaViolationException e) {
                return new Check("json_schema", Status.UNSUPPORTED, "not enforced by the server: " + e.getMessage());
            }
        }));
        checks.add(feature("logprobs", () -> {
            ChatResult r = client.chat(ChatRequest.builder("Is the sky blue? Answer Yes or No.").maxTokens(1)
                    .logprobs(5).acceptTruncated(true).build());
            YesNoScore s = r.yesNoScore();
            return r.hasLogprobs()
                    ? new Check("logprobs", Status.SUPPORTED, "top_logprobs returned; " + s.detail())
                    : new Check("logprobs", Status.UNSUPPORTED, "no logprobs returned; rewards fall back to a rubric");
        }));
        if (!p.dialect().supportsVideoUrl()) {
            checks.add(new Check("video_url", Status.SKIPPED, "dialect " + p.dialect().id()
                    + " has no video input; frames go as images"));
        } else {
            checks.add(feature("video_url", () -> {
                try {
                    client.chat(ChatRequest.builder("Describe the motion in one sentence.").frames(frames)
                            .videoMode(VideoMode.VIDEO_FRAMES).allowVideoFallback(false).maxTokens(16)
                            .acceptTruncated(true).build());
                    return new Check("video_url", Status.SUPPORTED, "accepted 4 JPEG frames as one video");
                } catch (VideoNotSupportedException e) {
                    return new Check("video_url", Status.UNSUPPORTED, e.getMessage() + " Frames will go as images.");
                }
            }));
        }
        return new Report(p, checks, Duration.ofNanos(System.nanoTime() - t0));
    }

    private interface CheckBody {
        Check run();
    }

    private static Check feature(String name, CheckBody body) {
        try {
            return body.run();
        } catch (RequestRejectedException e) {
            return new Check(name, Status.UNSUPPORTED, e.getMessage());
        } catch (ModelServerException e) {
            return new Check(name, Status.FAILED, e.getMessage());
        }
    }

    private static Report skipRest(ServerProfile p, List<Check> checks, long t0, String why) {
        for (String f : FEATURES) {
            if (checks.stream().noneMatch(c -> c.feature().equals(f))) {
                checks.add(new Check(f, Status.SKIPPED, "skipped: " + why));
            }
        }
        return new Report(p, checks, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Four 160x90 frames of a red square moving right on grey. */
    static List<EncodedFrame> probeFrames() {
        JpegFrameEncoder enc = new JpegFrameEncoder(160, 0.8f);
        List<EncodedFrame> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, 160, 90);
            g.setColor(Color.RED);
            g.fillRect(10 + i * 30, 30, 30, 30);
            g.dispose();
            out.add(enc.encode(img, i * 12L, i * 0.5));
        }
        return out;
    }
}
