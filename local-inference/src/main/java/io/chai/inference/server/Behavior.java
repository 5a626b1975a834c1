// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.server;

import java.time.Duration;

/**
 * What the {@link LoopbackModelServer} does with one chat request. Queue them with
 * {@link LoopbackModelServer#enqueue}; when the queue is empty the server answers {@link #normal()}.
 */
public sealed interface Behavior {

    /** The canned answer (or a canned instance of the requested JSON schema), streamed if the request asks. */
    record Normal() implements Behavior {
    }

    /** A fixed answer text with the given finish reason (e.g. invalid JSON to test client-side validation). */
    record Answer(String text, String finishReason) implements Behavior {
    }

    /** Waits {@code delay} before sending anything, then behaves as {@code then} (read-timeout tests). */
    record Delay(Duration delay, Behavior then) implements Behavior {
    }

    /** Answers HTTP {@code status} with an OpenAI-style error body. */
    record Status(int status, String message) implements Behavior {
    }

    /** Answers HTTP 429 with {@code Retry-After: seconds}. */
    record RateLimited(int retryAfterSeconds) implements Behavior {
    }

    /** Answers 200 with a body (or a stream chunk) that is not valid JSON. */
    record MalformedJson() implements Behavior {
    }

    /** Answers part of the canned text with {@code finish_reason=length}. */
    record Truncated() implements Behavior {
    }

    /** Sends the headers and {@code afterChunks} stream chunks (or half the body), then closes the connection. */
    record DropConnection(int afterChunks) implements Behavior {
    }

    /**
     * Streams {@code afterChunks} chunks, then an error event ({@code data: {"error": ...}}, as vLLM does when
     * generation fails mid-stream) and ends the stream. A non-streaming request gets HTTP {@code code}.
     */
    record ErrorMidStream(int afterChunks, int code, String message) implements Behavior {
    }

    /** Sends the headers and the first stream chunk, then stays silent for {@code stall}. */
    record StallMidStream(Duration stall) implements Behavior {
    }

    /** Streams the canned answer with {@code gap} between chunks (a slow but steady server). */
    record SlowStream(Duration gap) implements Behavior {
    }

    /** Rejects a request containing {@code video_url} with HTTP 400 like a server without video input. */
    record RejectVideo() implements Behavior {
    }

    /** Answers 404 "model not found" in the server flavour's wording. */
    record ModelNotFound() implements Behavior {
    }

    /** Answers 400 "context too long" in the given flavour's wording. */
    record ContextTooLong(Flavor flavor) implements Behavior {
    }

    /** Answers "Yes" or "No" with logprobs giving P(yes) = {@code pYes} over the yes/no variants. */
    record YesNo(double pYes) implements Behavior {
    }

    /** Answers without any logprobs even when asked for them (a server that ignores the option). */
    record NoLogprobs() implements Behavior {
    }

    /** Whose error wording to imitate. */
    enum Flavor { VLLM, LLAMA_CPP, OLLAMA }

    static Behavior normal() {
        return new Normal();
    }
}
