// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.util.List;
import java.util.Locale;

/**
 * The request dialect a model server speaks. Every dialect except {@link #OLLAMA} uses the OpenAI chat-completions
 * API ({@code /v1/chat/completions}) with frames as base64 {@code image_url} parts; {@link #VLLM} additionally
 * accepts {@code video_url}; {@link #OLLAMA} uses Ollama's native {@code /api/chat} with bare base64 images.
 */
public enum Dialect {
    /** Any OpenAI-compatible server (including Ollama's {@code /v1}). */
    OPENAI,
    /** vLLM: OpenAI API plus {@code video_url}, {@code media_io_kwargs} and {@code mm_processor_kwargs}. */
    VLLM,
    /** llama.cpp {@code llama-server}: OpenAI API, frames as images. */
    LLAMA_CPP,
    /** Ollama's native API ({@code /api/chat}, {@code /api/tags}). */
    OLLAMA,
    /** LM Studio's OpenAI-compatible server. */
    LM_STUDIO;

    /** Whether the dialect has a real video input ({@code video_url}). */
    public boolean supportsVideoUrl() {
        return this == VLLM;
    }

    /** Whether requests go to the OpenAI chat-completions endpoint (all but Ollama native). */
    public boolean isOpenAiCompatible() {
        return this != OLLAMA;
    }

    /** Path of the chat endpoint, relative to the server's base URL. */
    public String chatPath() {
        return this == OLLAMA ? "/api/chat" : "/v1/chat/completions";
    }

    /** Path that lists the served models. */
    public String modelsPath() {
        return this == OLLAMA ? "/api/tags" : "/v1/models";
    }

    /** Paths polled, in order, to decide that a freshly started server is ready (the first 200 wins). */
    public List<String> healthPaths() {
        return switch (this) {
            case VLLM, LLAMA_CPP -> List.of("/health", "/v1/models");
            case OLLAMA -> List.of("/api/tags");
            case OPENAI, LM_STUDIO -> List.of("/v1/models");
        };
    }

    /** The lowercase name used in settings files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code vllm}, {@code llama-cpp}, {@code llama_cpp}, {@code OLLAMA}, ... (case-insensitive). */
    public static Dialect parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Dialect d : values()) {
            if (d.name().equals(t)) {
                return d;
            }
        }
        throw new SettingsException("Unknown dialect '" + text + "'; use one of: openai, vllm, llama-cpp, ollama, lm-studio.");
    }
}
