// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Record layouts of the trainers' documented dataset formats (see {@code docs/exports.md} for the sources):
 * LLaMA-Factory sharegpt ({@code messages} with role/content tags, {@code videos}, {@code <video>} in the user
 * turn; ranking data as {@code conversations} / {@code chosen} / {@code rejected} with from/value tags), ms-swift
 * ({@code messages} + {@code videos}, {@code <video>} tag) and TRL conversational ({@code messages}, or
 * {@code prompt} / {@code chosen} / {@code rejected}, content as typed parts, one {@code {"type":"video"}} part
 * per entry of {@code videos}).
 */
final class TrainerRecords {
    private TrainerRecords() {
    }

    private static Map<String, Object> msg(String role, Object content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    private static Map<String, Object> text(String t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "text");
        m.put("text", t);
        return m;
    }

    private static Map<String, Object> videoPart() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "video");
        return m;
    }

    /** LLaMA-Factory sharegpt (openai-style tags) and ms-swift share this shape. */
    static Exporter.Streamed messagesSft(Exporter.Sample s, String video) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("messages");
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeFieldName("content");
            s.prompt().write(g, Exporter.VIDEO_TAG);
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            g.writeStringField("content", s.answer());
            g.writeEndObject();
            g.writeEndArray();
            videos(g, video);
            g.writeEndObject();
        };
    }

    private static void videos(com.fasterxml.jackson.core.JsonGenerator g, String video) throws java.io.IOException {
        g.writeArrayFieldStart("videos");
        g.writeString(video);
        g.writeEndArray();
    }

    private static void textPart(com.fasterxml.jackson.core.JsonGenerator g, String text) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("type", "text");
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    static Exporter.Streamed trlSft(Exporter.Sample s, String video) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("messages");
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("type", "video");
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeFieldName("text");
            s.prompt().write(g, "");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            g.writeArrayFieldStart("content");
            textPart(g, s.answer());
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            videos(g, video);
            g.writeEndObject();
        };
    }

    static Map<String, Object> trlDpo(Exporter.Pair p, String video) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", List.of(msg("user", List.of(videoPart(), text(p.prompt())))));
        m.put("chosen", List.of(msg("assistant", List.of(text(p.chosen())))));
        m.put("rejected", List.of(msg("assistant", List.of(text(p.rejected())))));
        m.put("videos", List.of(video));
        return m;
    }

    /**
     * ms-swift RLHF (DPO/ORPO/CPO/SimPO/RM) data: the standard {@code messages} ending in the chosen assistant
     * answer, the rejected answer as {@code rejected_response}, media in {@code videos}.
     */
    static Map<String, Object> swiftDpo(Exporter.Pair p, String video) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", List.of(msg("user", Exporter.VIDEO_TAG + p.prompt()), msg("assistant", p.chosen())));
        m.put("rejected_response", p.rejected());
        m.put("videos", List.of(video));
        return m;
    }

    private static Map<String, Object> turn(String from, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("value", value);
        return m;
    }

    static Map<String, Object> llamaFactoryDpo(Exporter.Pair p, String video) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversations", List.of(turn("human", Exporter.VIDEO_TAG + p.prompt())));
        m.put("chosen", turn("gpt", p.chosen()));
        m.put("rejected", turn("gpt", p.rejected()));
        m.put("videos", List.of(video));
        return m;
    }

    /**
     * The extra files a format needs beside its JSONL: LLaMA-Factory's {@code dataset_info.json} entries, one
     * per written file, describing the columns and tags of that file.
     */
    static Map<String, Object> datasetInfo(ExportFormat format, Collection<String> files) {
        if (format != ExportFormat.SFT_LLAMAFACTORY && format != ExportFormat.DPO_LLAMAFACTORY) {
            return Map.of();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        for (String file : files) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file_name", file);
            d.put("formatting", "sharegpt");
            Map<String, Object> cols = new LinkedHashMap<>();
            Map<String, Object> tags = new LinkedHashMap<>();
            if (format == ExportFormat.SFT_LLAMAFACTORY) {
                cols.put("messages", "messages");
                cols.put("videos", "videos");
                tags.put("role_tag", "role");
                tags.put("content_tag", "content");
                tags.put("user_tag", "user");
                tags.put("assistant_tag", "assistant");
            } else {
                d.put("ranking", true);
                cols.put("messages", "conversations");
                cols.put("chosen", "chosen");
                cols.put("rejected", "rejected");
                cols.put("videos", "videos");
                tags.put("role_tag", "from");
                tags.put("content_tag", "value");
                tags.put("user_tag", "human");
                tags.put("assistant_tag", "gpt");
            }
            d.put("columns", cols);
            d.put("tags", tags);
            info.put(file.replace(".jsonl", "").replace('.', '_'), d);
        }
        return Map.of("dataset_info.json", info);
    }
}
