// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Checks one chat request against the OpenAI chat-completions contract (with vLLM's video extensions) or Ollama's
 * native {@code /api/chat}: field names and types, roles, content part types, data-URI base64 images whose magic
 * bytes match their MIME type and whose header decodes, video frames, dialect fields and their consistency.
 */
final class RequestInspector {
    static final Set<String> OPENAI_FIELDS = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "seed", "stream", "stream_options", "response_format", "logprobs",
            "top_logprobs", "media_io_kwargs", "mm_processor_kwargs", "stop", "n", "presence_penalty",
            "frequency_penalty");
    static final Set<String> OLLAMA_FIELDS = Set.of("model", "messages", "stream", "options", "format", "logprobs",
            "top_logprobs", "keep_alive", "think");
    static final Set<String> OLLAMA_OPTIONS = Set.of("temperature", "top_p", "top_k", "seed", "num_predict", "num_ctx",
            "stop");
    static final Set<String> VIDEO_KWARGS = Set.of("fps", "frames_indices", "total_num_frames", "duration",
            "num_frames");
    static final Set<String> MM_PROCESSOR_KWARGS = Set.of("fps", "do_sample_frames", "size", "max_pixels",
            "min_pixels", "num_frames");

    /** What the checks found. */
    static final class Inspection {
        final List<String> violations = new ArrayList<>();
        final List<String> imageSizes = new ArrayList<>();
        int images;
        String videoKind;
        int videoFrames;
        boolean stream;
        String model;
        JsonNode schema;
        boolean jsonMode;
        boolean logprobs;
        int topLogprobs;
        boolean includeUsage;
        int promptChars;
    }

    private RequestInspector() {
    }

    static Inspection openAi(JsonNode b) {
        Inspection in = new Inspection();
        if (b == null || !b.isObject()) {
            in.violations.add("body is not a JSON object");
            return in;
        }
        unknownFields(b, OPENAI_FIELDS, "", in);
        in.model = requireText(b, "model", in);
        in.stream = optBoolean(b, "stream", in);
        JsonNode messages = b.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            in.violations.add("messages must be a non-empty array");
        } else {
            for (int i = 0; i < messages.size(); i++) {
                openAiMessage(messages.get(i), "messages[" + i + "]", i, in);
            }
        }
        positiveInt(b, "max_tokens", in);
        range(b, "temperature", 0, 2, in);
        JsonNode topP = b.get("top_p");
        if (topP != null && (!topP.isNumber() || topP.asDouble() <= 0 || topP.asDouble() > 1)) {
            in.violations.add("top_p must be a number in (0, 1]");
        }
        JsonNode so = b.get("stream_options");
        if (so != null) {
            if (!so.isObject() || !in.stream) {
                in.violations.add("stream_options is only valid as an object with stream=true");
            } else {
                unknownFields(so, Set.of("include_usage"), "stream_options.", in);
                in.includeUsage = so.path("include_usage").asBoolean(false);
            }
        }
        JsonNode rf = b.get("response_format");
        if (rf != null) {
            String type = rf.path("type").asText("");
            switch (type) {
                case "text" -> { }
                case "json_object" -> in.jsonMode = true;
                case "json_schema" -> {
                    JsonNode js = rf.get("json_schema");
                    if (js == null || !js.isObject() || !js.path("name").isTextual() || !js.path("schema").isObject()) {
                        in.violations.add("response_format.json_schema needs a string name and an object schema");
                    } else {
                        in.schema = js.get("schema");
                        unknownFields(js, Set.of("name", "schema", "strict", "description"),
                                "response_format.json_schema.", in);
                    }
                }
                default -> in.violations.add("response_format.type must be text, json_object or json_schema, not '"
                        + type + "'");
            }
        }
        logprobs(b, in);
        JsonNode mio = b.get("media_io_kwargs");
        if (mio != null) {
            if (in.videoKind == null) {
                in.violations.add("media_io_kwargs given without a video_url part");
            }
            JsonNode video = mio.get("video");
            if (!mio.isObject() || video == null || !video.isObject()) {
                in.violations.add("media_io_kwargs must be {\"video\": {...}}");
            } else {
                unknownFields(video, VIDEO_KWARGS, "media_io_kwargs.video.", in);
                JsonNode fps = video.get("fps");
                if (fps == null || !fps.isNumber() || fps.asDouble() <= 0) {
                    in.violations.add("media_io_kwargs.video.fps must be a positive number");
                }
                JsonNode idx = video.get("frames_indices");
                if (idx != null) {
                    checkIndices(idx, video, in);
                }
                if (video.has("num_frames") && !video.get("num_frames").canConvertToInt()) {
                    in.violations.add("media_io_kwargs.video.num_frames must be an integer");
                }
                if (!"jpeg-frames".equals(in.videoKind) && in.videoKind != null) {
                    in.violations.add("media_io_kwargs applies to a data:video/jpeg frame list, not a " + in.videoKind);
                }
            }
        }
        JsonNode mpk = b.get("mm_processor_kwargs");
        if (mpk != null) {
            if (in.videoKind == null) {
                in.violations.add("mm_processor_kwargs given without a video_url part");
            }
            if (!mpk.isObject()) {
                in.violations.add("mm_processor_kwargs must be an object");
            } else {
                unknownFields(mpk, MM_PROCESSOR_KWARGS, "mm_processor_kwargs.", in);
                if (mpk.has("fps") && (!mpk.get("fps").isNumber() || mpk.get("fps").asDouble() <= 0)) {
                    in.violations.add("mm_processor_kwargs.fps must be a positive number");
                }
                if (mpk.has("do_sample_frames") && !mpk.get("do_sample_frames").isBoolean()) {
                    in.violations.add("mm_processor_kwargs.do_sample_frames must be a boolean");
                }
            }
        }
        return in;
    }

    private static void checkIndices(JsonNode idx, JsonNode video, Inspection in) {
        if (!idx.isArray()) {
            in.violations.add("media_io_kwargs.video.frames_indices must be an array");
            return;
        }
        long prev = -1;
        boolean ordered = true;
        for (JsonNode i : idx) {
            if (!i.canConvertToLong() || i.asLong() <= prev) {
                ordered = false;
            }
            prev = Math.max(prev, i.asLong());
        }
        if (!ordered) {
            in.violations.add("media_io_kwargs.video.frames_indices must be strictly increasing non-negative integers");
        }
        if (idx.size() != in.videoFrames) {
            in.violations.add("media_io_kwargs.video.frames_indices has " + idx.size() + " entries for "
                    + in.videoFrames + " frames");
        }
        JsonNode total = video.get("total_num_frames");
        if (total == null || !total.canConvertToLong() || total.asLong() <= prev) {
            in.violations.add("media_io_kwargs.video.total_num_frames must be an integer above the last frame index");
        }
        JsonNode duration = video.get("duration");
        if (duration == null || !duration.isNumber() || duration.asDouble() <= 0) {
            in.violations.add("media_io_kwargs.video.duration must be a positive number with frames_indices");
        }
    }

    private static void openAiMessage(JsonNode m, String at, int index, Inspection in) {
        if (!m.isObject()) {
            in.violations.add(at + " is not an object");
            return;
        }
        unknownFields(m, Set.of("role", "content", "name"), at + ".", in);
        String role = m.path("role").asText("");
        if (!Set.of("system", "user", "assistant").contains(role)) {
            in.violations.add(at + ".role must be system, user or assistant, not '" + role + "'");
        }
        if (role.equals("system") && index != 0) {
            in.violations.add(at + ": a system message must come first");
        }
        JsonNode c = m.get("content");
        if (c == null || c.isNull()) {
            in.violations.add(at + ".content is missing");
            return;
        }
        if (c.isTextual()) {
            if (c.asText().isBlank()) {
                in.violations.add(at + ".content is empty");
            }
            in.promptChars += c.asText().length();
            return;
        }
        if (!c.isArray() || c.isEmpty()) {
            in.violations.add(at + ".content must be a string or a non-empty array of parts");
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            JsonNode p = c.get(i);
            String pat = at + ".content[" + i + "]";
            String type = p.path("type").asText("");
            switch (type) {
                case "text" -> {
                    unknownFields(p, Set.of("type", "text"), pat + ".", in);
                    if (!p.path("text").isTextual() || p.get("text").asText().isBlank()) {
                        in.violations.add(pat + ".text must be a non-empty string");
                    } else {
                        in.promptChars += p.get("text").asText().length();
                    }
                }
                case "image_url" -> {
                    if (!role.equals("user")) {
                        in.violations.add(pat + ": images belong in user messages");
                    }
                    JsonNode iu = p.get("image_url");
                    if (iu == null || !iu.isObject() || !iu.path("url").isTextual()) {
                        in.violations.add(pat + ".image_url must be an object {\"url\": ...}");
                    } else {
                        in.images++;
                        dataUriImage(iu.get("url").asText(), pat, in);
                    }
                }
                case "video_url" -> {
                    JsonNode vu = p.get("video_url");
                    if (in.videoKind != null) {
                        in.violations.add(pat + ": more than one video_url part");
                    }
                    if (vu == null || !vu.isObject() || !vu.path("url").isTextual()) {
                        in.violations.add(pat + ".video_url must be an object {\"url\": ...}");
                    } else {
                        videoUrl(vu.get("url").asText(), pat, in);
                    }
                }
                default -> in.violations.add(pat + ".type '" + type + "' is not text, image_url or video_url");
            }
        }
    }

    private static void dataUriImage(String url, String at, Inspection in) {
        String mime;
        if (url.startsWith("data:image/jpeg;base64,")) {
            mime = "image/jpeg";
        } else if (url.startsWith("data:image/png;base64,")) {
            mime = "image/png";
        } else {
            in.violations.add(at + ": image url must be a data:image/jpeg or data:image/png base64 URI, got '"
                    + url.substring(0, Math.min(32, url.length())) + "'");
            return;
        }
        image(url.substring(url.indexOf(',') + 1), mime, at, in);
    }

    /** Decodes base64 image data, checks magic bytes against {@code mime} and reads the image header. */
    static void image(String b64, String mime, String at, Inspection in) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            in.violations.add(at + ": image base64 does not decode (" + e.getMessage() + ")");
            return;
        }
        String detected = magic(bytes);
        if (detected == null) {
            in.violations.add(at + ": image bytes are neither JPEG nor PNG");
            return;
        }
        if (mime != null && !detected.equals(mime)) {
            in.violations.add(at + ": declared " + mime + " but the bytes are " + detected);
            return;
        }
        String size = dimensions(bytes);
        if (size == null) {
            in.violations.add(at + ": " + detected + " header does not decode");
        } else {
            in.imageSizes.add(size);
        }
    }

    static String magic(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    /**
     * "WxH" from the image header (JPEG start-of-frame segment, PNG IHDR chunk), or null when the header is broken.
     * Parsed by hand: ImageIO's reader lookup costs milliseconds per image, which would dominate the benchmark.
     */
    static String dimensions(byte[] b) {
        if (magic(b) == null) {
            return null;
        }
        if (b[0] == (byte) 0x89) {
            if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                return null;
            }
            int w = readInt(b, 16);
            int h = readInt(b, 20);
            return w > 0 && h > 0 ? w + "x" + h : null;
        }
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null; // end of image or scan data before any frame header
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (len < 2 || i + 2 + len > b.length) {
                return null;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (len < 7) {
                    return null;
                }
                int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return w > 0 && h > 0 ? w + "x" + h : null;
            }
            i += 2 + len;
        }
        return null;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void videoUrl(String url, String at, Inspection in) {
        if (url.startsWith("data:video/jpeg;base64,")) {
            in.videoKind = "jpeg-frames";
            String[] parts = url.substring("data:video/jpeg;base64,".length()).split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                Inspection frame = new Inspection();
                image(parts[i], "image/jpeg", at + ".video frame " + i, frame);
                in.violations.addAll(frame.violations);
            }
            in.videoFrames = parts.length;
        } else if (url.startsWith("data:video/mp4;base64,")) {
            in.videoKind = "mp4";
            try {
                byte[] b = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
                if (b.length < 12 || b[4] != 'f' || b[5] != 't' || b[6] != 'y' || b[7] != 'p') {
                    in.violations.add(at + ": data:video/mp4 bytes are not an MP4 (no ftyp box)");
                }
            } catch (IllegalArgumentException e) {
                in.violations.add(at + ": video base64 does not decode");
            }
        } else if (url.startsWith("file:")) {
            in.videoKind = "file";
            try {
                Path p = Path.of(URI.create(url));
                if (!Files.isRegularFile(p)) {
                    in.violations.add(at + ": video file " + p + " does not exist");
                }
            } catch (IllegalArgumentException e) {
                in.violations.add(at + ": '" + url + "' is not a valid file URI");
            }
        } else if (url.startsWith("http://") || url.startsWith("https://")) {
            in.videoKind = "url";
        } else {
            in.violations.add(at + ": video url must be data:video/jpeg, data:video/mp4, file:// or http(s)");
        }
    }

    static Inspection ollama(JsonNode b) {
        Inspection in = new Inspection();
        if (b == null || !b.isObject()) {
            in.violations.add("body is not a JSON object");
            return in;
        }
        unknownFields(b, OLLAMA_FIELDS, "", in);
        in.model = requireText(b, "model", in);
        in.stream = b.has("stream") ? optBoolean(b, "stream", in) : true; // Ollama streams by default
        JsonNode messages = b.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            in.violations.add("messages must be a non-empty array");
        } else {
            for (int i = 0; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                String at = "messages[" + i + "]";
                if (!m.isObject()) {
                    in.violations.add(at + " is not an object");
                    continue;
                }
                unknownFields(m, Set.of("role", "content", "images"), at + ".", in);
                String role = m.path("role").asText("");
                if (!Set.of("system", "user", "assistant").contains(role)) {
                    in.violations.add(at + ".role must be system, user or assistant, not '" + role + "'");
                }
                if (!m.path("content").isTextual()) {
                    in.violations.add(at + ".content must be a string (Ollama native takes no content parts)");
                } else {
                    in.promptChars += m.get("content").asText().length();
                }
                JsonNode images = m.get("images");
                if (images != null) {
                    if (!images.isArray()) {
                        in.violations.add(at + ".images must be an array of base64 strings");
                        continue;
                    }
                    for (int k = 0; k < images.size(); k++) {
                        String s = images.get(k).asText("");
                        in.images++;
                        if (s.startsWith("data:")) {
                            in.violations.add(at + ".images[" + k + "] must be bare base64, not a data: URI");
                        } else {
                            image(s, null, at + ".images[" + k + "]", in);
                        }
                    }
                }
            }
        }
        JsonNode options = b.get("options");
        if (options != null) {
            if (!options.isObject()) {
                in.violations.add("options must be an object");
            } else {
                unknownFields(options, OLLAMA_OPTIONS, "options.", in);
                range(options, "temperature", 0, 2, in);
                positiveInt(options, "num_predict", in);
            }
        }
        JsonNode format = b.get("format");
        if (format != null) {
            if (format.isObject()) {
                in.schema = format;
            } else if (format.isTextual() && format.asText().equals("json")) {
                in.jsonMode = true;
            } else {
                in.violations.add("format must be \"json\" or a JSON schema object");
            }
        }
        logprobs(b, in);
        return in;
    }

    private static void logprobs(JsonNode b, Inspection in) {
        JsonNode lp = b.get("logprobs");
        if (lp != null && !lp.isBoolean()) {
            in.violations.add("logprobs must be a boolean");
        }
        in.logprobs = lp != null && lp.asBoolean(false);
        JsonNode top = b.get("top_logprobs");
        if (top != null) {
            if (!top.canConvertToInt() || top.asInt() < 0 || top.asInt() > 20) {
                in.violations.add("top_logprobs must be an integer in 0..20");
            } else if (!in.logprobs) {
                in.violations.add("top_logprobs requires logprobs=true");
            } else {
                in.topLogprobs = top.asInt();
            }
        }
    }

    private static void unknownFields(JsonNode n, Set<String> allowed, String prefix, Inspection in) {
        n.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                in.violations.add("unknown field " + prefix + f);
            }
        });
    }

    private static String requireText(JsonNode b, String field, Inspection in) {
        JsonNode n = b.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            in.violations.add(field + " must be a non-empty string");
            return null;
        }
        return n.asText();
    }

    private static boolean optBoolean(JsonNode b, String field, Inspection in) {
        JsonNode n = b.get(field);
        if (n == null) {
            return false;
        }
        if (!n.isBoolean()) {
            in.violations.add(field + " must be a boolean");
            return false;
        }
        return n.asBoolean();
    }

    private static void positiveInt(JsonNode b, String field, Inspection in) {
        JsonNode n = b.get(field);
        if (n != null && (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0)) {
            in.violations.add(field + " must be a positive integer");
        }
    }

    private static void range(JsonNode b, String field, double lo, double hi, Inspection in) {
        JsonNode n = b.get(field);
        if (n != null && (!n.isNumber() || n.asDouble() < lo || n.asDouble() > hi)) {
            in.violations.add(field + " must be a number in " + lo + ".." + hi);
        }
    }
}
