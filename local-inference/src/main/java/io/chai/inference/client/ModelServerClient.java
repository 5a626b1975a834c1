// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Talks to one model server (a {@link ServerProfile}) over {@link HttpClient}: OpenAI chat completions with frames
 * as {@code image_url} parts, vLLM {@code video_url} with automatic fallback to images, or Ollama's native
 * {@code /api/chat}; streaming, JSON-schema output (always validated here), logprobs, timeouts, retries with backoff
 * on 429/5xx, cancellation, and one clear {@link ModelServerException} per failure. Thread-safe; close it to stop
 * its worker threads.
 */
public final class ModelServerClient implements AutoCloseable {
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final Duration MODEL_LIST_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern CONTEXT_ERROR = Pattern.compile("(?i)(maximum context length|context length"
            + "|context window|context size|exceeds? the (available )?context|max_model_len|maximum model length"
            + "|prompt is too long|prompt too long|too many tokens|input is too large|exceeds the model's)");
    private static final Pattern MODEL_MISSING = Pattern.compile("(?i)(model\\b.{0,200}\\b(not found|does not exist"
            + "|is not available|not loaded)|no such model|model_not_found|try pulling it)");
    private static final Pattern SCHEMA_REJECTED = Pattern.compile("(?i)(response_format|json_schema|grammar"
            + "|structured output|guided_json)");
    private static final Pattern VIDEO_WORDS = Pattern.compile("(?i)(video|frame|media)");

    private final ServerProfile profile;
    private final String apiKey;
    private final HttpClient http;
    private final ExecutorService workers;
    private volatile boolean videoRejected;

    /** A client whose API key (if the profile has one) comes from the environment or the user's secrets file. */
    public ModelServerClient(ServerProfile profile) {
        this(profile, profile.apiKeyRef() == null ? ApiKeys.none() : ApiKeys.system());
    }

    public ModelServerClient(ServerProfile profile, ApiKeys keys) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.apiKey = keys.resolve(profile).orElse(null);
        this.http = HttpClient.newBuilder()
                .connectTimeout(profile.timeouts().connect())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chai-model-" + profile.name() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ServerProfile profile() {
        return profile;
    }

    /** Sends the request and waits for the complete, checked answer. */
    public ChatResult chat(ChatRequest request) {
        return submit(request).await();
    }

    /** Starts a non-streaming call. */
    public ChatCall submit(ChatRequest request) {
        return start(request, null);
    }

    /** Starts a streaming call; {@code listener} sees the text as it arrives. */
    public ChatCall stream(ChatRequest request, StreamListener listener) {
        return start(request, Objects.requireNonNull(listener, "listener"));
    }

    private ChatCall start(ChatRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        ChatCall call = new ChatCall(profile.name());
        workers.execute(() -> {
            call.setWorker(Thread.currentThread());
            try {
                call.complete(run(call, request, listener));
            } catch (Throwable t) {
                call.fail(call.isCancelRequested() ? cancelled() : t);
            } finally {
                call.setWorker(null);
                Thread.interrupted();
            }
        });
        return call;
    }

    // ---------------------------------------------------------------- planning

    /** The concrete forms to try, in order (each next one is a fallback). */
    List<VideoMode> plan(ChatRequest r, List<String> notes) {
        boolean hasFrames = !r.frames().isEmpty();
        boolean allJpeg = r.frames().stream().allMatch(f -> f.mime().equals("image/jpeg"));
        boolean wantsVideo = r.videoMode() == VideoMode.VIDEO_FRAMES || r.videoMode() == VideoMode.VIDEO_FILE;
        if (!profile.dialect().supportsVideoUrl() || videoRejected) {
            if (!hasFrames && r.videoMode() == VideoMode.VIDEO_FILE) {
                throw new VideoNotSupportedException(profile.name(), "Server '" + profile.name() + "' ("
                        + profile.dialect().id() + ") cannot take a video file; send sampled frames instead.");
            }
            if (hasFrames && (wantsVideo || (videoRejected && r.videoMode() == VideoMode.AUTO))) {
                notes.add(videoRejected
                        ? "server rejected video_url earlier; sent " + r.frames().size() + " frames as images"
                        : "dialect " + profile.dialect().id() + " has no video input; sent " + r.frames().size()
                                + " frames as images");
            }
            return List.of(VideoMode.FRAMES_AS_IMAGES);
        }
        List<VideoMode> forms = new ArrayList<>();
        switch (r.videoMode()) {
            case FRAMES_AS_IMAGES -> forms.add(VideoMode.FRAMES_AS_IMAGES);
            case VIDEO_FRAMES, AUTO -> {
                forms.add(VideoMode.VIDEO_FRAMES);
                if (r.videoFile() != null) {
                    forms.add(VideoMode.VIDEO_FILE);
                }
                forms.add(VideoMode.FRAMES_AS_IMAGES);
            }
            case VIDEO_FILE -> {
                forms.add(VideoMode.VIDEO_FILE);
                forms.add(VideoMode.VIDEO_FRAMES);
                forms.add(VideoMode.FRAMES_AS_IMAGES);
            }
        }
        forms.removeIf(f -> (f == VideoMode.VIDEO_FRAMES && (!hasFrames || !allJpeg))
                || (f == VideoMode.FRAMES_AS_IMAGES && !hasFrames && (r.videoFile() != null))
                || (f == VideoMode.VIDEO_FILE && r.videoFile() == null));
        if (forms.isEmpty()) {
            forms.add(VideoMode.FRAMES_AS_IMAGES); // text-only request
        }
        if (!r.allowVideoFallback()) {
            return List.of(forms.get(0));
        }
        return forms;
    }

    // ---------------------------------------------------------------- the call loop

    private ChatResult run(ChatCall call, ChatRequest r, StreamListener listener) throws InterruptedException {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<VideoMode> forms = plan(r, notes);
        boolean stream = listener != null;
        boolean constrain = r.schema() != null;
        int formIndex = 0;
        int retries = 0;
        int attempts = 0;
        long[] firstToken = {0};
        while (true) {
            checkCancelled(call);
            VideoMode form = forms.get(formIndex);
            byte[] body;
            try {
                body = Wire.JSON.writeValueAsBytes(Wire.body(profile, r, form, constrain, stream));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the request", e);
            }
            attempts++;
            try {
                Wire.Answer a = exchange(call, body, stream, listener, firstToken, t0);
                return finish(r, a, form, constrain, attempts, notes, startedAt, t0, firstToken[0]);
            } catch (HttpFailure f) {
                String msg = f.message();
                boolean videoForm = form == VideoMode.VIDEO_FRAMES || form == VideoMode.VIDEO_FILE;
                if (CONTEXT_ERROR.matcher(msg).find()) {
                    throw new ContextTooLongException(profile.name(), "The request is too long for the model's context"
                            + " on server '" + profile.name() + "' (server said: " + ModelServerException.excerpt(msg, 200)
                            + "). Send fewer or smaller frames, or raise the server's context length.");
                }
                boolean modelMissing = f.status() == 404 || MODEL_MISSING.matcher(msg).find();
                if (videoForm && !modelMissing && rejectsVideo(f)) {
                    if (formIndex + 1 < forms.size()) {
                        VideoMode next = forms.get(formIndex + 1);
                        notes.add("server rejected " + describe(form, r) + " (HTTP " + f.status() + ": "
                                + ModelServerException.excerpt(msg, 120) + "); sent " + describe(next, r));
                        if (form == VideoMode.VIDEO_FRAMES || next == VideoMode.FRAMES_AS_IMAGES) {
                            videoRejected = true;
                        }
                        formIndex++;
                        retries = 0;
                        restart(call, listener, notes);
                        continue;
                    }
                    throw new VideoNotSupportedException(profile.name(), "Server '" + profile.name() + "' rejected "
                            + describe(form, r) + " (HTTP " + f.status() + ": " + ModelServerException.excerpt(msg, 160)
                            + ").");
                }
                if (constrain && (f.status() == 400 || f.status() == 422) && !modelMissing
                        && SCHEMA_REJECTED.matcher(msg).find()) {
                    constrain = false;
                    notes.add("server rejected response_format json_schema (" + ModelServerException.excerpt(msg, 120)
                            + "); answer validated client-side only");
                    restart(call, listener, notes);
                    continue;
                }
                if ((f.status() == 429 || f.status() >= 500) && retries < profile.retry().maxRetries()) {
                    Duration wait = profile.retry().backoff(retries, f.retryAfter());
                    retries++;
                    if (!call.partialText().isEmpty()) {
                        call.resetPartial();
                        listener.onRestart("server failed mid-answer (HTTP " + f.status() + "); retrying");
                    }
                    sleep(call, wait);
                    continue;
                }
                throw classify(f, modelMissing, attempts);
            }
        }
    }

    private static boolean rejectsVideo(HttpFailure f) {
        int s = f.status();
        if (s == 400 || s == 415 || s == 422 || s == 501) {
            return true;
        }
        return s >= 500 && VIDEO_WORDS.matcher(f.message()).find();
    }

    private static String describe(VideoMode form, ChatRequest r) {
        return switch (form) {
            case VIDEO_FRAMES -> "video_url with " + r.frames().size() + " JPEG frames";
            case VIDEO_FILE -> "video_url file " + r.videoFile().getFileName();
            case FRAMES_AS_IMAGES -> r.frames().size() + " frames as images";
            case AUTO -> "auto";
        };
    }

    private void restart(ChatCall call, StreamListener listener, List<String> notes) {
        call.resetPartial();
        if (listener != null) {
            listener.onRestart(notes.isEmpty() ? "retry" : notes.get(notes.size() - 1));
        }
    }

    private ModelServerException classify(HttpFailure f, boolean modelMissing, int attempts) {
        String name = profile.name();
        String said = ModelServerException.excerpt(f.message(), 200);
        if (f.status() == 401 || f.status() == 403) {
            return new AuthenticationException(name, "Server '" + name + "' refused the request (HTTP " + f.status()
                    + ": " + said + "). Check the API key" + (profile.apiKeyRef() == null ? "; the profile has none."
                            : " referenced by " + profile.apiKeyRef() + "."));
        }
        if (modelMissing) {
            String available;
            try {
                List<String> models = listModels();
                available = models.isEmpty() ? "none" : String.join(", ", models);
            } catch (ModelServerException e) {
                available = "(could not list them)";
            }
            return new ModelNotFoundException(name, "Model '" + profile.model() + "' is not available on server '"
                    + name + "' (" + f.status() + "). Available: " + available + ".");
        }
        if (f.status() == 429) {
            return new RateLimitedException(name, "Server '" + name + "' is still rate limiting (HTTP 429) after "
                    + attempts + (attempts == 1 ? " attempt" : " attempts") + "; try again later or lower the concurrency.");
        }
        if (f.status() >= 500) {
            return new ServerErrorException(name, "Server '" + name + "' failed with HTTP " + f.status() + " after "
                    + attempts + (attempts == 1 ? " attempt" : " attempts") + " (server said: " + said + ").");
        }
        return new RequestRejectedException(name, "Server '" + name + "' rejected the request (HTTP " + f.status()
                + "): " + said);
    }

    private void sleep(ChatCall call, Duration d) throws InterruptedException {
        checkCancelled(call);
        Thread.sleep(d.toMillis());
        checkCancelled(call);
    }

    private void checkCancelled(ChatCall call) {
        if (call.isCancelRequested()) {
            throw cancelled();
        }
    }

    private CallCancelledException cancelled() {
        return new CallCancelledException(profile.name(), "The request to server '" + profile.name()
                + "' was cancelled; nothing was saved.");
    }

    // ---------------------------------------------------------------- one exchange

    /** A non-200 answer (or an error event inside a stream). */
    private static final class HttpFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient Duration retryAfter;

        HttpFailure(int status, String message, Duration retryAfter) {
            super(message, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        int status() {
            return status;
        }

        String message() {
            return getMessage() == null ? "" : getMessage();
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    private Wire.Answer exchange(ChatCall call, byte[] body, boolean stream, StreamListener listener,
            long[] firstToken, long t0) throws HttpFailure, InterruptedException {
        Duration read = profile.timeouts().read();
        HttpRequest.Builder rb = HttpRequest.newBuilder(profile.resolve(profile.dialect().chatPath()))
                .timeout(read)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream, application/x-ndjson, application/json" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            rb.header("Authorization", "Bearer " + apiKey);
        }
        BodyQueue q = new BodyQueue();
        CompletableFuture<HttpResponse<Void>> f = http.sendAsync(rb.build(), info -> {
            q.headers(info.statusCode(), info.headers());
            return HttpResponse.BodySubscribers.fromSubscriber(q);
        });
        f.whenComplete((resp, err) -> {
            if (err != null) {
                q.failure(err);
            }
        });
        call.setAbortAction(() -> {
            q.cancel();
            f.cancel(true);
        });
        try {
            BodyQueue.Headers headers = awaitHeaders(q, read.plus(profile.timeouts().connect()).plusSeconds(5));
            if (headers.status() != 200) {
                String text;
                try {
                    text = new String(q.readAll(read, MAX_ERROR_BYTES), StandardCharsets.UTF_8);
                } catch (BodyQueue.TooLarge | BodyQueue.IdleTimeout | BodyQueue.Broken e) {
                    text = "(unreadable error body)";
                }
                throw new HttpFailure(headers.status(), Wire.errorMessage(text), retryAfter(headers.headers()));
            }
            if (!stream) {
                byte[] all = q.readAll(read, MAX_BODY_BYTES);
                firstToken[0] = System.nanoTime() - t0;
                return parseWhole(all);
            }
            return readStream(call, q, listener, firstToken, t0);
        } catch (BodyQueue.Cancelled e) {
            throw cancelled();
        } catch (BodyQueue.IdleTimeout e) {
            boolean midAnswer = !call.partialText().isEmpty();
            throw new ServerTimeoutException(profile.name(), midAnswer
                    ? "Server '" + profile.name() + "' stopped sending for more than " + seconds(read)
                            + " mid-answer (read timeout); the incomplete answer was not saved."
                    : "Server '" + profile.name() + "' did not finish answering within " + seconds(read)
                            + " of silence (read timeout); raise readTimeoutMs in its profile if the model is slow.");
        } catch (BodyQueue.TooLarge e) {
            throw new MalformedAnswerException(profile.name(), "Server '" + profile.name()
                    + "' sent an answer larger than " + (MAX_BODY_BYTES >> 20) + " MB; refusing it.");
        } catch (BodyQueue.Broken e) {
            throw transportFailure(e.getCause(), true, call);
        } finally {
            call.setAbortAction(null);
            q.cancel();
        }
    }

    private BodyQueue.Headers awaitHeaders(BodyQueue q, Duration backstop)
            throws InterruptedException, BodyQueue.Cancelled {
        Object e = q.poll(backstop);
        if (e == null) {
            throw new ServerTimeoutException(profile.name(), "Server '" + profile.name() + "' did not answer within "
                    + seconds(profile.timeouts().read()) + " (read timeout).");
        }
        if (e == BodyQueue.CANCELLED) {
            throw new BodyQueue.Cancelled();
        }
        if (e instanceof BodyQueue.Failure fail) {
            throw transportFailure(fail.error(), false, null);
        }
        if (e instanceof BodyQueue.Headers h) {
            return h;
        }
        throw new IllegalStateException("unexpected event before headers: " + e);
    }

    private ModelServerException transportFailure(Throwable t, boolean afterHeaders, ChatCall call) {
        String name = profile.name();
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException) {
                return cancelled();
            }
            if (c instanceof HttpConnectTimeoutException) {
                return new ServerUnreachableException(name, "Model server '" + name + "' at " + profile.baseUrl()
                        + " is not reachable (connect timeout after " + seconds(profile.timeouts().connect())
                        + "). Is it running?", t);
            }
            if (c instanceof HttpTimeoutException) {
                return new ServerTimeoutException(name, "Server '" + name + "' did not answer within "
                        + seconds(profile.timeouts().read()) + " (read timeout); raise readTimeoutMs in its profile"
                        + " if the model is slow.", t);
            }
            if (c instanceof ConnectException) {
                return new ServerUnreachableException(name, "Model server '" + name + "' at " + profile.baseUrl()
                        + " is not reachable (connection refused). Is it running?", t);
            }
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return new ServerUnreachableException(name, "Model server '" + name + "' at " + profile.baseUrl()
                        + " is not reachable (unknown host " + profile.baseUrl().getHost() + ").", t);
            }
            root = c;
        }
        if (afterHeaders) {
            int got = call == null ? 0 : call.partialText().length();
            return new ConnectionDroppedException(name, "Server '" + name + "' closed the connection before the answer"
                    + " was complete (" + got + " characters received); the incomplete answer was not saved.", t);
        }
        return new ConnectionDroppedException(name, "Server '" + name + "' closed the connection without answering ("
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage())
                + "); it may have crashed, check its log.", t);
    }

    private static Duration retryAfter(HttpHeaders h) {
        Optional<String> v = h.firstValue("Retry-After");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.get().trim())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: use our own backoff
        }
    }

    private Wire.Answer parseWhole(byte[] bytes) throws HttpFailure {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = Wire.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("returned malformed JSON: " + e.getOriginalMessage() + " in " + quote(text));
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("returned an empty body instead of JSON");
        }
        errorInBody(root);
        Wire.Answer a = new Wire.Answer();
        try {
            if (profile.dialect() == Dialect.OLLAMA) {
                Wire.applyOllama(root, a);
                if (!a.done) {
                    throw new IllegalArgumentException("\"done\" is not true");
                }
            } else {
                Wire.applyOpenAi(root, a, false);
            }
        } catch (IllegalArgumentException e) {
            throw malformed("returned malformed JSON: " + e.getMessage() + " in " + quote(text));
        }
        return a;
    }

    private void errorInBody(JsonNode root) throws HttpFailure {
        if (root.isObject() && root.has("error") && !root.has("choices") && !root.has("message")) {
            String msg = Wire.errorMessage(root.toString());
            int code = root.path("error").path("code").canConvertToInt() ? root.path("error").path("code").asInt() : 500;
            throw new HttpFailure(code >= 400 && code < 600 ? code : 500, msg, null);
        }
    }

    private Wire.Answer readStream(ChatCall call, BodyQueue q, StreamListener listener, long[] firstToken, long t0)
            throws InterruptedException, BodyQueue.IdleTimeout, BodyQueue.Cancelled, BodyQueue.Broken,
            HttpFailure {
        Duration read = profile.timeouts().read();
        Wire.Answer a = new Wire.Answer();
        boolean ollama = profile.dialect() == Dialect.OLLAMA;
        boolean sawDone = false;
        String line;
        while ((line = q.nextLine(read)) != null) {
            String payload;
            if (ollama) {
                payload = line.strip();
            } else {
                if (line.isBlank() || line.startsWith(":") || line.startsWith("event:") || line.startsWith("id:")
                        || line.startsWith("retry:")) {
                    continue;
                }
                if (!line.startsWith("data:")) {
                    throw malformed("sent a stream line that is not server-sent events: " + quote(line));
                }
                payload = line.substring(5).strip();
                if (payload.equals("[DONE]")) {
                    sawDone = true;
                    break;
                }
            }
            if (payload.isEmpty()) {
                continue;
            }
            JsonNode root;
            try {
                root = Wire.JSON.readTree(payload);
            } catch (JsonProcessingException e) {
                throw malformed("sent a malformed stream chunk: " + e.getOriginalMessage() + " in " + quote(payload));
            }
            errorInBody(root);
            String delta;
            try {
                delta = ollama ? Wire.applyOllama(root, a) : Wire.applyOpenAi(root, a, true);
            } catch (IllegalArgumentException e) {
                throw malformed("sent a malformed stream chunk: " + e.getMessage() + " in " + quote(payload));
            }
            if (!delta.isEmpty()) {
                if (firstToken[0] == 0) {
                    firstToken[0] = System.nanoTime() - t0;
                }
                call.appendPartial(delta);
                listener.onText(delta);
            }
            if (ollama && a.done) {
                sawDone = true;
                break;
            }
        }
        if (!sawDone && (ollama || a.finishReason == null)) {
            throw new ConnectionDroppedException(profile.name(), "Server '" + profile.name() + "' ended the stream before"
                    + " the answer was complete (" + call.partialText().length()
                    + " characters received); the incomplete answer was not saved.");
        }
        return a;
    }

    private ModelServerException malformed(String what) {
        return new MalformedAnswerException(profile.name(), "Server '" + profile.name() + "' " + what);
    }

    private static String quote(String s) {
        return "'" + ModelServerException.excerpt(s, 80) + "'";
    }

    private static String seconds(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    // ---------------------------------------------------------------- result checks

    private ChatResult finish(ChatRequest r, Wire.Answer a, VideoMode form, boolean constrained, int attempts,
            List<String> notes, Instant startedAt, long t0, long firstTokenNanos) {
        String text = a.text.toString();
        String finish = a.finishReason == null ? "stop" : a.finishReason;
        if (finish.equals("length") && !r.acceptTruncated()) {
            throw new TruncatedAnswerException(profile.name(), "The answer from server '" + profile.name()
                    + "' was cut off (finish_reason=length) after " + (a.completionTokens == null ? "the token limit"
                            : a.completionTokens + " tokens") + "; raise max tokens (now " + r.params().maxTokens()
                    + ") or shorten the prompt. The incomplete answer was not saved.").withPartialText(text);
        }
        JsonNode json = null;
        if (r.schema() != null) {
            String body = stripFence(text);
            try {
                json = Wire.JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new MalformedAnswerException(profile.name(), "Server '" + profile.name()
                        + "' returned malformed JSON for schema '" + r.schema().name() + "': "
                        + e.getOriginalMessage() + " in " + quote(text)).withPartialText(text);
            }
            if (json == null || json.isMissingNode()) {
                throw new MalformedAnswerException(profile.name(), "Server '" + profile.name()
                        + "' returned an empty answer where JSON for schema '" + r.schema().name() + "' was required.")
                        .withPartialText(text);
            }
            List<String> errors = JsonSchemaValidator.validate(r.schema().schema(), json);
            if (!errors.isEmpty()) {
                throw new SchemaViolationException(profile.name(), "The answer from server '" + profile.name()
                        + "' does not match schema '" + r.schema().name() + "': " + errors.get(0)
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + ".")
                        .withPartialText(text);
            }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - t0);
        CallProvenance prov = new CallProvenance(profile.name(), profile.baseUrl().toString(), profile.model(),
                a.model == null ? profile.model() : a.model, profile.dialect(), a.id, startedAt, total,
                Duration.ofNanos(firstTokenNanos));
        RouteTaken route = new RouteTaken(profile.dialect(), form, constrained && r.schema() != null, attempts, notes);
        return new ChatResult(text, finish, json, a.usage(), a.logprobs, route, prov);
    }

    private static String stripFence(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) {
                return t.substring(nl + 1, end).strip();
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- model list

    /** The model ids the server serves ({@code /v1/models}, or {@code /api/tags} for Ollama). */
    public List<String> listModels() {
        HttpRequest.Builder rb = HttpRequest.newBuilder(profile.resolve(profile.dialect().modelsPath()))
                .timeout(MODEL_LIST_TIMEOUT.compareTo(profile.timeouts().read()) < 0 ? MODEL_LIST_TIMEOUT
                        : profile.timeouts().read())
                .header("Accept", "application/json").GET();
        if (apiKey != null) {
            rb.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw transportFailure(e, false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        if (resp.statusCode() != 200) {
            HttpFailure f = new HttpFailure(resp.statusCode(), Wire.errorMessage(resp.body()), null);
            throw classifyListing(f);
        }
        try {
            JsonNode root = Wire.JSON.readTree(resp.body());
            List<String> out = new ArrayList<>();
            JsonNode arr = profile.dialect() == Dialect.OLLAMA ? root.get("models") : root.get("data");
            if (arr == null || !arr.isArray()) {
                throw malformed("returned malformed JSON for " + profile.dialect().modelsPath() + ": no "
                        + (profile.dialect() == Dialect.OLLAMA ? "\"models\"" : "\"data\"") + " array");
            }
            for (JsonNode m : arr) {
                String id = profile.dialect() == Dialect.OLLAMA ? m.path("name").asText(m.path("model").asText(""))
                        : m.path("id").asText("");
                if (!id.isEmpty()) {
                    out.add(id);
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw malformed("returned malformed JSON for " + profile.dialect().modelsPath() + ": "
                    + e.getOriginalMessage());
        }
    }

    private ModelServerException classifyListing(HttpFailure f) {
        String said = ModelServerException.excerpt(f.message(), 200);
        if (f.status() == 401 || f.status() == 403) {
            return new AuthenticationException(profile.name(), "Server '" + profile.name() + "' refused the request (HTTP "
                    + f.status() + ": " + said + "). Check the API key.");
        }
        return new RequestRejectedException(profile.name(), "Server '" + profile.name() + "' answered HTTP "
                + f.status() + " to " + profile.dialect().modelsPath() + " (" + said + "); is the dialect right?");
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
