// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Request bodies and response parsing for the two wire formats (OpenAI chat completions, Ollama native). */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    // ---------------------------------------------------------------- requests

    /** Builds the JSON body for one attempt. {@code form} is the concrete way the clip goes out. */
    static ObjectNode body(ServerProfile profile, ChatRequest r, VideoMode form, boolean constrain, boolean stream) {
        return profile.dialect() == Dialect.OLLAMA ? ollama(profile, r, constrain, stream)
                : openAi(profile, r, form, constrain, stream);
    }

    private static ObjectNode openAi(ServerProfile profile, ChatRequest r, VideoMode form, boolean constrain,
            boolean stream) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", profile.model());
        ArrayNode messages = b.putArray("messages");
        if (r.systemText() != null && !r.systemText().isBlank()) {
            messages.addObject().put("role", "system").put("content", r.systemText());
        }
        ObjectNode user = messages.addObject().put("role", "user");
        if (r.frames().isEmpty() && form == VideoMode.FRAMES_AS_IMAGES) {
            user.put("content", r.userText());
        } else {
            ArrayNode content = user.putArray("content");
            content.addObject().put("type", "text").put("text", r.userText());
            switch (form) {
                case FRAMES_AS_IMAGES -> {
                    if (r.annotateFrameTimes()) {
                        content.addObject().put("type", "text").put("text", frameTimes(r.frames()));
                    }
                    for (EncodedFrame f : r.frames()) {
                        content.addObject().put("type", "image_url").putObject("image_url").put("url", f.dataUri());
                    }
                }
                case VIDEO_FRAMES -> {
                    StringBuilder url = new StringBuilder("data:video/jpeg;base64,");
                    for (int i = 0; i < r.frames().size(); i++) {
                        if (i > 0) {
                            url.append(',');
                        }
                        url.append(r.frames().get(i).base64());
                    }
                    content.addObject().put("type", "video_url").putObject("video_url").put("url", url.toString());
                    ObjectNode video = b.putObject("media_io_kwargs").putObject("video");
                    if (r.sampling() != null) {
                        video.put("fps", r.sampling().sourceFps());
                        ArrayNode idx = video.putArray("frames_indices");
                        r.frames().forEach(f -> idx.add(f.index()));
                        video.put("total_num_frames", r.sampling().totalSourceFrames());
                        video.put("duration", r.sampling().durationSeconds());
                    } else {
                        video.put("fps", effectiveFps(r.frames()));
                    }
                    if (r.frames().size() > 32) {
                        video.put("num_frames", r.frames().size());
                    }
                }
                case VIDEO_FILE -> {
                    content.addObject().put("type", "video_url").putObject("video_url")
                            .put("url", r.videoFile().toUri().toString());
                    b.putObject("mm_processor_kwargs")
                            .put("fps", r.frames().size() >= 2 ? effectiveFps(r.frames()) : 2.0)
                            .put("do_sample_frames", true);
                }
                case AUTO -> throw new IllegalStateException("AUTO is resolved before building a body");
            }
        }
        SamplingParams p = r.params();
        if (p.maxTokens() != null) {
            b.put("max_tokens", p.maxTokens());
        }
        if (p.temperature() != null) {
            b.put("temperature", p.temperature());
        }
        if (p.topP() != null) {
            b.put("top_p", p.topP());
        }
        if (p.seed() != null) {
            b.put("seed", p.seed());
        }
        b.put("stream", stream);
        if (stream) {
            b.putObject("stream_options").put("include_usage", true);
        }
        if (r.schema() != null && constrain) {
            ObjectNode js = b.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            js.put("name", r.schema().name());
            js.set("schema", r.schema().schema());
            js.put("strict", true);
        }
        if (r.wantsLogprobs()) {
            b.put("logprobs", true);
            b.put("top_logprobs", r.topLogprobs());
        }
        return b;
    }

    private static ObjectNode ollama(ServerProfile profile, ChatRequest r, boolean constrain, boolean stream) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", profile.model());
        ArrayNode messages = b.putArray("messages");
        if (r.systemText() != null && !r.systemText().isBlank()) {
            messages.addObject().put("role", "system").put("content", r.systemText());
        }
        ObjectNode user = messages.addObject().put("role", "user");
        String text = r.userText();
        if (!r.frames().isEmpty() && r.annotateFrameTimes()) {
            text = text + "\n" + frameTimes(r.frames());
        }
        user.put("content", text);
        if (!r.frames().isEmpty()) {
            ArrayNode images = user.putArray("images");
            r.frames().forEach(f -> images.add(f.base64()));
        }
        b.put("stream", stream);
        ObjectNode options = b.putObject("options");
        SamplingParams p = r.params();
        if (p.maxTokens() != null) {
            options.put("num_predict", p.maxTokens());
        }
        if (p.temperature() != null) {
            options.put("temperature", p.temperature());
        }
        if (p.topP() != null) {
            options.put("top_p", p.topP());
        }
        if (p.seed() != null) {
            options.put("seed", p.seed());
        }
        if (r.schema() != null && constrain) {
            b.set("format", r.schema().schema());
        }
        if (r.wantsLogprobs()) {
            b.put("logprobs", true);
            b.put("top_logprobs", r.topLogprobs());
        }
        return b;
    }

    static String frameTimes(List<EncodedFrame> frames) {
        StringBuilder sb = new StringBuilder();
        sb.append(frames.size()).append(frames.size() == 1 ? " frame" : " frames").append(" in order, at t=");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%.2fs", frames.get(i).ptsSeconds()));
        }
        return sb.append('.').toString();
    }

    static double effectiveFps(List<EncodedFrame> frames) {
        if (frames.size() < 2) {
            return 1.0;
        }
        double span = frames.get(frames.size() - 1).ptsSeconds() - frames.get(0).ptsSeconds();
        if (!(span > 0)) {
            return 1.0;
        }
        return Math.round((frames.size() - 1) / span * 1000.0) / 1000.0;
    }

    // ---------------------------------------------------------------- responses

    /** The parts of an answer, accumulated from one body or many stream chunks. */
    static final class Answer {
        final StringBuilder text = new StringBuilder();
        String finishReason;
        String id;
        String model;
        Integer promptTokens;
        Integer completionTokens;
        Integer totalTokens;
        List<TokenLogprob> logprobs;
        boolean done;

        Usage usage() {
            Integer total = totalTokens;
            if (total == null && promptTokens != null && completionTokens != null) {
                total = promptTokens + completionTokens;
            }
            return new Usage(promptTokens, completionTokens, total);
        }

        void addLogprobs(List<TokenLogprob> more) {
            if (more == null) {
                return;
            }
            if (logprobs == null) {
                logprobs = new ArrayList<>();
            }
            logprobs.addAll(more);
        }
    }

    /**
     * Applies one OpenAI response object (a whole answer, or one streamed chunk) to {@code a}; returns the text
     * delta. Throws {@link IllegalArgumentException} with a description when the shape is wrong.
     */
    static String applyOpenAi(JsonNode root, Answer a, boolean chunk) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        if (root.hasNonNull("id")) {
            a.id = root.get("id").asText();
        }
        if (root.hasNonNull("model")) {
            a.model = root.get("model").asText();
        }
        JsonNode usage = root.get("usage");
        if (usage != null && usage.isObject()) {
            a.promptTokens = intOrNull(usage, "prompt_tokens");
            a.completionTokens = intOrNull(usage, "completion_tokens");
            a.totalTokens = intOrNull(usage, "total_tokens");
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            throw new IllegalArgumentException("no \"choices\" array");
        }
        if (choices.isEmpty()) {
            if (chunk) {
                return ""; // the final usage-only chunk
            }
            throw new IllegalArgumentException("empty \"choices\" array");
        }
        JsonNode c = choices.get(0);
        JsonNode msg = c.get(chunk ? "delta" : "message");
        String delta = "";
        if (msg == null || !msg.isObject()) {
            if (!chunk) {
                throw new IllegalArgumentException("no choices[0].message object");
            }
        } else {
            JsonNode content = msg.get("content");
            if (content != null && !content.isNull()) {
                if (!content.isTextual()) {
                    throw new IllegalArgumentException("choices[0]." + (chunk ? "delta" : "message")
                            + ".content is not a string");
                }
                delta = content.asText();
            }
        }
        a.text.append(delta);
        if (c.hasNonNull("finish_reason")) {
            a.finishReason = c.get("finish_reason").asText();
        }
        JsonNode lp = c.get("logprobs");
        if (lp != null && lp.isObject()) {
            a.addLogprobs(parseTokenLogprobs(lp.get("content")));
        }
        return delta;
    }

    /** Applies one Ollama native response object (whole or one NDJSON line); returns the text delta. */
    static String applyOllama(JsonNode root, Answer a) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode msg = root.get("message");
        String delta = "";
        if (msg != null && msg.isObject()) {
            JsonNode content = msg.get("content");
            if (content != null && !content.isNull()) {
                if (!content.isTextual()) {
                    throw new IllegalArgumentException("message.content is not a string");
                }
                delta = content.asText();
            }
        } else if (!root.path("done").asBoolean(false)) {
            throw new IllegalArgumentException("no \"message\" object");
        }
        a.text.append(delta);
        if (root.hasNonNull("model")) {
            a.model = root.get("model").asText();
        }
        if (root.hasNonNull("created_at") && a.id == null) {
            a.id = "ollama-" + root.get("created_at").asText();
        }
        a.addLogprobs(parseTokenLogprobs(root.get("logprobs")));
        if (root.path("done").asBoolean(false)) {
            a.done = true;
            a.finishReason = root.path("done_reason").asText("stop");
            a.promptTokens = intOrNull(root, "prompt_eval_count");
            a.completionTokens = intOrNull(root, "eval_count");
        }
        return delta;
    }

    /** Parses {@code [{"token":..,"logprob":..,"top_logprobs":[{"token":..,"logprob":..}]}]}; null when absent. */
    static List<TokenLogprob> parseTokenLogprobs(JsonNode content) {
        if (content == null || !content.isArray()) {
            return null;
        }
        List<TokenLogprob> out = new ArrayList<>();
        for (JsonNode t : content) {
            if (!t.has("token") || !t.path("logprob").isNumber()) {
                throw new IllegalArgumentException("a logprobs entry lacks token/logprob");
            }
            List<TokenLogprob.Alternative> top = new ArrayList<>();
            for (JsonNode alt : t.path("top_logprobs")) {
                if (alt.has("token") && alt.path("logprob").isNumber()) {
                    top.add(new TokenLogprob.Alternative(alt.get("token").asText(), alt.get("logprob").asDouble()));
                }
            }
            out.add(new TokenLogprob(t.get("token").asText(), t.get("logprob").asDouble(), top));
        }
        return out;
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() ? v.asInt() : null;
    }

    /** The human message in an error body: OpenAI {@code error.message}, Ollama {@code error}, vLLM {@code message}. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty response)";
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                JsonNode e = root.get("error");
                if (e != null && e.isTextual()) {
                    return e.asText();
                }
                if (e != null && e.isObject() && e.hasNonNull("message")) {
                    return e.get("message").asText();
                }
                if (root.hasNonNull("message")) {
                    return root.get("message").asText();
                }
                if (root.hasNonNull("detail")) {
                    return root.get("detail").isTextual() ? root.get("detail").asText() : root.get("detail").toString();
                }
            }
        } catch (java.io.IOException e) {
            // not JSON: fall through to the raw text
        }
        return body;
    }
}
