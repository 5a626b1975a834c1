// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible (and Ollama-native) model server on 127.0.0.1 that answers with canned text. It checks
 * every request it receives ({@link RecordedRequest#violations()}), records it for assertions, and can be scripted
 * per request ({@link Behavior}) to stream, stall, fail with 500/429, send malformed JSON, cut the answer off, drop
 * the connection, reject {@code video_url}, or report a missing model or an over-long context in the wording of
 * vLLM, llama.cpp or Ollama. Used by the tests, the benchmark and the demo project (its answers say they are
 * canned). Endpoints: {@code GET /health}, {@code GET /v1/models}, {@code GET /api/tags},
 * {@code POST /v1/chat/completions}, {@code POST /api/chat}.
 */
public final class LoopbackModelServer implements AutoCloseable {

    /**
     * Server settings.
     *
     * @param models         model ids served (a request for another gets 404)
     * @param videoSupported whether {@code video_url} is accepted (like vLLM) or rejected with 400
     * @param maxImages      more images than this in one request get 400 (like vLLM's --limit-mm-per-prompt)
     * @param apiKey         required bearer token, or null for none
     * @param flavor         whose error wording to use on the OpenAI endpoint
     * @param latency        fixed delay before every chat answer
     */
    public record Config(List<String> models, boolean videoSupported, int maxImages, String apiKey,
            Behavior.Flavor flavor, Duration latency) {
        public Config {
            models = List.copyOf(models);
            if (models.isEmpty()) {
                throw new IllegalArgumentException("serve at least one model");
            }
            flavor = flavor == null ? Behavior.Flavor.VLLM : flavor;
            latency = latency == null ? Duration.ZERO : latency;
        }

        public static Config defaults() {
            return new Config(List.of(DEFAULT_MODEL), true, 64, null, Behavior.Flavor.VLLM, Duration.ZERO);
        }

        public Config withModels(String... m) {
            return new Config(List.of(m), videoSupported, maxImages, apiKey, flavor, latency);
        }

        public Config withVideoSupported(boolean v) {
            return new Config(models, v, maxImages, apiKey, flavor, latency);
        }

        public Config withMaxImages(int n) {
            return new Config(models, videoSupported, n, apiKey, flavor, latency);
        }

        public Config withApiKey(String k) {
            return new Config(models, videoSupported, maxImages, k, flavor, latency);
        }

        public Config withFlavor(Behavior.Flavor f) {
            return new Config(models, videoSupported, maxImages, apiKey, f, latency);
        }

        public Config withLatency(Duration d) {
            return new Config(models, videoSupported, maxImages, apiKey, flavor, d);
        }
    }

    public static final String DEFAULT_MODEL = "chai-demo/canned-vl";

    static {
        // The JDK server otherwise leaves Nagle's algorithm on, which with delayed ACKs adds ~40 ms to every
        // answer. Read once, when the first HttpServer of the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Config config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Behavior> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Behavior defaultBehavior = new Behavior.Normal();

    private LoopbackModelServer(Config config, int port) throws IOException {
        this.config = Objects.requireNonNull(config, "config");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-model-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server with default settings on a free port. */
    public static LoopbackModelServer start() throws IOException {
        return start(Config.defaults(), 0);
    }

    /** Starts a server on {@code port} (0 = any free port) of 127.0.0.1. */
    public static LoopbackModelServer start(Config config, int port) throws IOException {
        return new LoopbackModelServer(config, port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Config config() {
        return config;
    }

    /** Queues behaviours for the next chat requests, in order. */
    public void enqueue(Behavior... behaviors) {
        script.addAll(List.of(behaviors));
    }

    /** What to do when the queue is empty. */
    public void setDefaultBehavior(Behavior b) {
        this.defaultBehavior = Objects.requireNonNull(b);
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The chat requests received so far. */
    public List<RecordedRequest> chatRequests() {
        return requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    /** All violations of all requests, each prefixed with its sequence number. */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : requests()) {
            r.violations().forEach(v -> out.add("#" + r.sequence() + " " + r.path() + ": " + v));
        }
        return out;
    }

    public void clearRecorded() {
        recorded.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            byte[] in = ex.getRequestBody().readAllBytes();
            if (method.equals("GET")) {
                handleGet(ex, path, headers);
                return;
            }
            if (method.equals("POST") && (path.equals("/v1/chat/completions") || path.equals("/api/chat"))) {
                chat(ex, path, headers, in, path.equals("/api/chat"));
                return;
            }
            record(method, path, headers, null, List.of("unknown endpoint " + method + " " + path), null, null);
            sendJson(ex, 404, errorBody(false, "not found: " + method + " " + path, "NotFoundError", 404));
        } catch (IOException e) {
            // the client went away (cancelled, timed out); nothing to answer
        }
    }

    private void handleGet(HttpExchange ex, String path, Map<String, String> headers) throws IOException {
        List<String> violations = new ArrayList<>();
        if (!authorised(headers)) {
            record("GET", path, headers, null, violations, null, null);
            sendJson(ex, 401, errorBody(false, "invalid API key", "AuthenticationError", 401));
            return;
        }
        ObjectNode body = CannedAnswers.JSON.createObjectNode();
        switch (path) {
            case "/health" -> body.put("status", "ok");
            case "/v1/models" -> {
                body.put("object", "list");
                ArrayNode data = body.putArray("data");
                config.models().forEach(m -> data.addObject().put("id", m).put("object", "model")
                        .put("owned_by", "chai-loopback"));
            }
            case "/api/tags" -> {
                ArrayNode data = body.putArray("models");
                config.models().forEach(m -> data.addObject().put("name", m).put("model", m));
            }
            case "/api/version" -> body.put("version", "chai-loopback");
            default -> {
                violations.add("unknown endpoint GET " + path);
                record("GET", path, headers, null, violations, null, null);
                sendJson(ex, 404, errorBody(false, "not found: GET " + path, "NotFoundError", 404));
                return;
            }
        }
        record("GET", path, headers, null, violations, null, null);
        sendJson(ex, 200, body);
    }

    private boolean authorised(Map<String, String> headers) {
        return config.apiKey() == null || ("Bearer " + config.apiKey()).equals(headers.get("authorization"));
    }

    private RecordedRequest record(String method, String path, Map<String, String> headers, JsonNode body,
            List<String> violations, RequestInspector.Inspection in, Behavior b) {
        RecordedRequest r = new RecordedRequest(sequence.incrementAndGet(), method, path, headers, body, violations,
                in == null ? 0 : in.images, in == null ? List.of() : in.imageSizes, in == null ? null : in.videoKind,
                in == null ? 0 : in.videoFrames, in != null && in.stream, b);
        recorded.add(r);
        return r;
    }

    // ---------------------------------------------------------------- chat

    private void chat(HttpExchange ex, String path, Map<String, String> headers, byte[] raw, boolean ollama)
            throws IOException {
        List<String> violations = new ArrayList<>();
        JsonNode body = null;
        try {
            body = CannedAnswers.JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            violations.add("body is not valid JSON: " + e.getOriginalMessage());
        }
        String ct = headers.getOrDefault("content-type", "");
        if (!ct.startsWith("application/json")) {
            violations.add("Content-Type must be application/json, not '" + ct + "'");
        }
        RequestInspector.Inspection in = body == null ? new RequestInspector.Inspection()
                : ollama ? RequestInspector.ollama(body) : RequestInspector.openAi(body);
        violations.addAll(in.violations);
        Behavior b = script.poll();
        if (b == null) {
            b = defaultBehavior;
        }
        record("POST", path, headers, body, violations, in, b);
        if (!authorised(headers)) {
            sendJson(ex, 401, errorBody(ollama, "invalid API key", "AuthenticationError", 401));
            return;
        }
        if (!violations.isEmpty()) {
            sendJson(ex, 400, errorBody(ollama, "loopback: invalid request: "
                    + String.join("; ", violations.subList(0, Math.min(5, violations.size()))), "BadRequestError", 400));
            return;
        }
        sleep(config.latency());
        while (b instanceof Behavior.Delay d) {
            sleep(d.delay());
            b = d.then();
        }
        Behavior.Flavor flavor = ollama ? Behavior.Flavor.OLLAMA : config.flavor();
        if (!config.models().contains(in.model) || b instanceof Behavior.ModelNotFound) {
            modelNotFound(ex, flavor, in.model);
            return;
        }
        if (in.videoKind != null && (!config.videoSupported() || b instanceof Behavior.RejectVideo)) {
            sendJson(ex, 400, errorBody(ollama, "At most 0 video(s) may be provided in one request.",
                    "BadRequestError", 400));
            return;
        }
        if (in.images > config.maxImages()) {
            sendJson(ex, 400, errorBody(ollama, "At most " + config.maxImages()
                    + " image(s) may be provided in one request.", "BadRequestError", 400));
            return;
        }
        String model = in.model;
        String canned = CannedAnswers.text(in.images, in.videoFrames);
        if (in.schema != null) {
            canned = CannedAnswers.instance(in.schema).toString();
        } else if (in.jsonMode) {
            ObjectNode o = CannedAnswers.JSON.createObjectNode();
            o.put("answer", canned);
            canned = o.toString();
        }
        Reply normal = new Reply(canned, "stop", in.logprobs ? wordLogprobs(canned, in.topLogprobs) : null);
        if (b instanceof Behavior.NoLogprobs) {
            respond(ex, ollama, in, model, new Reply(canned, "stop", null), Mode.NORMAL, null, 0);
        } else if (b instanceof Behavior.Answer a) {
            respond(ex, ollama, in, model, new Reply(a.text(), a.finishReason(),
                    in.logprobs ? wordLogprobs(a.text(), in.topLogprobs) : null), Mode.NORMAL, null, 0);
        } else if (b instanceof Behavior.Status s) {
            sendJson(ex, s.status(), errorBody(ollama, s.message(), "InternalServerError", s.status()));
        } else if (b instanceof Behavior.RateLimited r) {
            ex.getResponseHeaders().set("Retry-After", Integer.toString(r.retryAfterSeconds()));
            sendJson(ex, 429, errorBody(ollama, "Too many requests, slow down.", "RateLimitError", 429));
        } else if (b instanceof Behavior.ContextTooLong c) {
            contextTooLong(ex, c.flavor(), in);
        } else if (b instanceof Behavior.MalformedJson) {
            respond(ex, ollama, in, model, normal, Mode.MALFORMED, null, 0);
        } else if (b instanceof Behavior.Truncated) {
            List<String> words = CannedAnswers.chunks(canned);
            String half = String.join("", words.subList(0, Math.max(1, words.size() / 2)));
            respond(ex, ollama, in, model, new Reply(half, "length", null), Mode.NORMAL, null, 0);
        } else if (b instanceof Behavior.ErrorMidStream e) {
            if (!in.stream) {
                sendJson(ex, e.code(), errorBody(ollama, e.message(), "InternalServerError", e.code()));
            } else {
                errorMidStream(ex, ollama, model, normal, e);
            }
        } else if (b instanceof Behavior.DropConnection d) {
            respond(ex, ollama, in, model, normal, Mode.DROP, null, d.afterChunks());
        } else if (b instanceof Behavior.StallMidStream s) {
            respond(ex, ollama, in, model, normal, Mode.STALL, s.stall(), 0);
        } else if (b instanceof Behavior.SlowStream s) {
            respond(ex, ollama, in, model, normal, Mode.NORMAL, s.gap(), 0);
        } else if (b instanceof Behavior.YesNo y) {
            respond(ex, ollama, in, model, yesNo(y.pYes(), in), Mode.NORMAL, null, 0);
        } else {
            respond(ex, ollama, in, model, normal, Mode.NORMAL, null, 0); // Normal, RejectVideo without video
        }
    }

    private void modelNotFound(HttpExchange ex, Behavior.Flavor flavor, String model) throws IOException {
        switch (flavor) {
            case VLLM -> {
                ObjectNode o = CannedAnswers.JSON.createObjectNode();
                o.put("object", "error").put("message", "The model `" + model + "` does not exist.")
                        .put("type", "NotFoundError").putNull("param").put("code", 404);
                sendJson(ex, 404, o);
            }
            case LLAMA_CPP -> sendJson(ex, 404, errorBody(false, "model not found", "not_found_error", 404));
            case OLLAMA -> sendJson(ex, 404, errorBody(true, "model \"" + model + "\" not found, try pulling it first",
                    null, 404));
        }
    }

    private void contextTooLong(HttpExchange ex, Behavior.Flavor flavor, RequestInspector.Inspection in)
            throws IOException {
        int requested = 4096 + in.images * 200 + in.promptChars / 4;
        switch (flavor) {
            case VLLM -> {
                ObjectNode o = CannedAnswers.JSON.createObjectNode();
                o.put("object", "error").put("message", "This model's maximum context length is 4096 tokens. However,"
                        + " you requested " + requested + " tokens (" + (requested - 256) + " in the messages, 256 in"
                        + " the completion). Please reduce the length of the messages or completion.")
                        .put("type", "BadRequestError").putNull("param").put("code", 400);
                sendJson(ex, 400, o);
            }
            case LLAMA_CPP -> {
                ObjectNode o = CannedAnswers.JSON.createObjectNode();
                o.putObject("error").put("code", 400)
                        .put("message", "the request exceeds the available context size, try increasing it")
                        .put("type", "exceed_context_size_error").put("n_prompt_tokens", requested).put("n_ctx", 4096);
                sendJson(ex, 400, o);
            }
            case OLLAMA -> sendJson(ex, 400, errorBody(true, "the input length exceeds the context length", null, 400));
        }
    }

    // ---------------------------------------------------------------- replies

    private record Reply(String text, String finishReason, ArrayNode logprobs) {
    }

    private enum Mode { NORMAL, MALFORMED, DROP, STALL }

    private static ArrayNode wordLogprobs(String text, int top) {
        ArrayNode arr = CannedAnswers.JSON.createArrayNode();
        for (String w : CannedAnswers.chunks(text)) {
            ObjectNode t = arr.addObject().put("token", w).put("logprob", -0.05);
            ArrayNode alts = t.putArray("top_logprobs");
            if (top > 0) {
                alts.addObject().put("token", w).put("logprob", -0.05);
            }
            for (int i = 1; i < top; i++) {
                alts.addObject().put("token", "alt" + i).put("logprob", -4.0 - i);
            }
        }
        return arr;
    }

    private static Reply yesNo(double pYes, RequestInspector.Inspection in) {
        double p = Math.min(Math.max(pYes, 1e-6), 1 - 1e-6);
        String answer = p >= 0.5 ? "Yes" : "No";
        if (!in.logprobs) {
            return new Reply(answer, "length", null);
        }
        // 90 % of the mass on "Yes"/"No", 5 % on " yes"/" no", 5 % elsewhere: P(yes | yes/no) = p exactly.
        double[] probs = {0.9 * p, 0.9 * (1 - p), 0.05 * p, 0.05 * (1 - p), 0.05};
        String[] toks = {"Yes", "No", " yes", " no", "The"};
        ArrayNode arr = CannedAnswers.JSON.createArrayNode();
        ObjectNode t = arr.addObject().put("token", answer).put("logprob", Math.log(answer.equals("Yes") ? probs[0]
                : probs[1]));
        ArrayNode alts = t.putArray("top_logprobs");
        for (int i = 0; i < Math.min(Math.max(in.topLogprobs, 0), toks.length); i++) {
            alts.addObject().put("token", toks[i]).put("logprob", Math.log(probs[i]));
        }
        return new Reply(answer, "length", arr);
    }

    private void respond(HttpExchange ex, boolean ollama, RequestInspector.Inspection in, String model, Reply reply,
            Mode mode, Duration gap, int dropAfter) throws IOException {
        if (!in.stream) {
            String body = ollama ? ollamaWhole(model, reply, in).toString() : openAiWhole(model, reply, in).toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (mode == Mode.MALFORMED) {
                bytes = body.substring(0, body.length() / 2).getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (mode == Mode.DROP) {
                abortAfter(ex, bytes, bytes.length / 2);
                return;
            }
            if (mode == Mode.STALL) {
                sleep(gap == null ? Duration.ofSeconds(30) : gap);
            }
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            return;
        }
        List<String> events = new ArrayList<>();
        String id = "chatcmpl-loopback-" + sequence.get();
        List<String> pieces = CannedAnswers.chunks(reply.text());
        for (int i = 0; i < pieces.size(); i++) {
            ArrayNode lp = null;
            if (reply.logprobs() != null && i < reply.logprobs().size()) {
                lp = CannedAnswers.JSON.createArrayNode().add(reply.logprobs().get(i));
            }
            events.add(ollama ? ollamaChunk(model, pieces.get(i), lp).toString()
                    : "data: " + openAiChunk(id, model, pieces.get(i), null, lp));
        }
        if (mode == Mode.MALFORMED) {
            events.add(1, ollama ? "{\"model\": \"" + model + "\", \"message\": {" : "data: {\"choices\": [{\"delta\": ");
        }
        if (ollama) {
            ObjectNode last = ollamaWhole(model, new Reply("", reply.finishReason(), null), in);
            last.put("eval_count", pieces.size());
            events.add(last.toString());
        } else {
            events.add("data: " + openAiChunk(id, model, null, reply.finishReason(), null));
            if (in.includeUsage) {
                ObjectNode u = CannedAnswers.JSON.createObjectNode();
                u.put("id", id).put("object", "chat.completion.chunk").put("model", model).putArray("choices");
                u.set("usage", usage(in, reply));
                events.add("data: " + u);
            }
            events.add("data: [DONE]");
        }
        String sep = ollama ? "\n" : "\n\n";
        ex.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        if (mode == Mode.DROP) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(dropAfter, events.size()); i++) {
                sb.append(events.get(i)).append(sep);
            }
            byte[] sent = sb.toString().getBytes(StandardCharsets.UTF_8);
            abortAfter(ex, sent, sent.length);
            return;
        }
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < events.size(); i++) {
            out.write((events.get(i) + sep).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (mode == Mode.STALL && i == 0) {
                sleep(gap);
            } else if (gap != null && mode == Mode.NORMAL && i < events.size() - 1) {
                sleep(gap);
            }
        }
    }

    private void errorMidStream(HttpExchange ex, boolean ollama, String model, Reply reply, Behavior.ErrorMidStream e)
            throws IOException {
        String id = "chatcmpl-loopback-" + sequence.get();
        List<String> pieces = CannedAnswers.chunks(reply.text());
        StringBuilder sb = new StringBuilder();
        String sep = ollama ? "\n" : "\n\n";
        for (int i = 0; i < Math.min(e.afterChunks(), pieces.size()); i++) {
            sb.append(ollama ? ollamaChunk(model, pieces.get(i), null).toString()
                    : "data: " + openAiChunk(id, model, pieces.get(i), null, null)).append(sep);
        }
        ObjectNode err = errorBody(ollama, e.message(), "InternalServerError", e.code());
        sb.append(ollama ? err.toString() : "data: " + err).append(sep);
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /**
     * Announces a longer body than it sends, writes {@code count} bytes of {@code bytes}, then closes the
     * connection: the client sees the connection drop mid-answer.
     */
    private static void abortAfter(HttpExchange ex, byte[] bytes, int count) throws IOException {
        ex.sendResponseHeaders(200, bytes.length + 100_000L);
        OutputStream out = ex.getResponseBody();
        out.write(bytes, 0, count);
        out.flush();
        // An exception escaping the handler makes the JDK server close the connection with the body incomplete.
        throw new DroppedConnection();
    }

    /** Thrown out of the handler to make the JDK server close the connection. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("loopback: connection dropped on purpose", null, false, false);
        }
    }

    private ObjectNode openAiWhole(String model, Reply reply, RequestInspector.Inspection in) {
        ObjectNode o = CannedAnswers.JSON.createObjectNode();
        o.put("id", "chatcmpl-loopback-" + sequence.get()).put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond()).put("model", model);
        ObjectNode c = o.putArray("choices").addObject();
        c.put("index", 0);
        c.putObject("message").put("role", "assistant").put("content", reply.text());
        c.put("finish_reason", reply.finishReason());
        if (reply.logprobs() != null) {
            c.putObject("logprobs").set("content", reply.logprobs());
        } else {
            c.putNull("logprobs");
        }
        o.set("usage", usage(in, reply));
        return o;
    }

    private static ObjectNode openAiChunk(String id, String model, String content, String finish, ArrayNode lp) {
        ObjectNode o = CannedAnswers.JSON.createObjectNode();
        o.put("id", id).put("object", "chat.completion.chunk").put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ObjectNode c = o.putArray("choices").addObject();
        c.put("index", 0);
        ObjectNode delta = c.putObject("delta");
        if (content != null) {
            delta.put("role", "assistant").put("content", content);
        }
        if (lp != null) {
            c.putObject("logprobs").set("content", lp);
        }
        if (finish == null) {
            c.putNull("finish_reason");
        } else {
            c.put("finish_reason", finish);
        }
        return o;
    }

    private static ObjectNode usage(RequestInspector.Inspection in, Reply reply) {
        int prompt = in.promptChars / 4 + in.images * 200 + in.videoFrames * 100;
        int completion = CannedAnswers.chunks(reply.text()).size();
        ObjectNode u = CannedAnswers.JSON.createObjectNode();
        u.put("prompt_tokens", prompt).put("completion_tokens", completion).put("total_tokens", prompt + completion);
        return u;
    }

    private static ObjectNode ollamaWhole(String model, Reply reply, RequestInspector.Inspection in) {
        ObjectNode o = CannedAnswers.JSON.createObjectNode();
        o.put("model", model).put("created_at", Instant.now().toString());
        o.putObject("message").put("role", "assistant").put("content", reply.text());
        o.put("done", true).put("done_reason", reply.finishReason());
        ObjectNode u = usage(in, reply);
        o.put("prompt_eval_count", u.get("prompt_tokens").asInt()).put("eval_count", u.get("completion_tokens").asInt());
        if (reply.logprobs() != null) {
            o.set("logprobs", reply.logprobs());
        }
        return o;
    }

    private static ObjectNode ollamaChunk(String model, String content, ArrayNode lp) {
        ObjectNode o = CannedAnswers.JSON.createObjectNode();
        o.put("model", model).put("created_at", Instant.now().toString());
        o.putObject("message").put("role", "assistant").put("content", content);
        o.put("done", false);
        if (lp != null) {
            o.set("logprobs", lp);
        }
        return o;
    }

    private static ObjectNode errorBody(boolean ollama, String message, String type, int code) {
        ObjectNode o = CannedAnswers.JSON.createObjectNode();
        if (ollama) {
            o.put("error", message);
        } else {
            ObjectNode e = o.putObject("error");
            e.put("message", message).put("type", type).put("code", code);
        }
        return o;
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- command line

    /**
     * Runs the server until the process is stopped. Arguments: {@code [--port N] [--model ID]... [--no-video]
     * [--latency-ms N] [--api-key KEY]}. Prints one line {@code listening on http://127.0.0.1:PORT}.
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        List<String> models = new ArrayList<>();
        Config c = Config.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--model" -> models.add(args[++i]);
                case "--no-video" -> c = c.withVideoSupported(false);
                case "--latency-ms" -> c = c.withLatency(Duration.ofMillis(Long.parseLong(args[++i])));
                case "--api-key" -> c = c.withApiKey(args[++i]);
                default -> {
                    System.err.println("loopback-model-server: unknown argument " + a
                            + " (use --port N --model ID --no-video --latency-ms N --api-key KEY)");
                    System.exit(1);
                }
            }
        }
        if (!models.isEmpty()) {
            c = c.withModels(models.toArray(String[]::new));
        }
        LoopbackModelServer s = start(c, port);
        System.out.println("CHAI loopback model server (canned answers) listening on " + s.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
