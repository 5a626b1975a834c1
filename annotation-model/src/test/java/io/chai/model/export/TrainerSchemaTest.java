// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each trainer file against the trainer's documented dataset schema (docs/exports.md cites the sources): exact
 * field names, role order, and as many video placeholders as entries in {@code videos}.
 */
class TrainerSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> lines(ExportFormat f, Path tmp) throws IOException {
        Path dir = GoldenExportTest.export(f, ExportOptions.defaults(GoldenExportTest.AT), tmp.resolve(f.id()));
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve(f.stem() + ".jsonl"))) {
            out.add(JSON.readTree(l));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        n.fieldNames().forEachRemaining(f::add);
        return f;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void videosAreStrings(JsonNode rec) {
        assertThat(rec.get("videos").isArray()).isTrue();
        rec.get("videos").forEach(v -> assertThat(v.isTextual() && !v.asText().isBlank()).isTrue());
    }

    /** LLaMA-Factory sharegpt with openai-style tags, and ms-swift: messages (user, assistant) + videos. */
    private static void checkMessagesFormat(List<JsonNode> recs) {
        for (JsonNode r : recs) {
            assertThat(fields(r)).containsExactly("messages", "videos");
            videosAreStrings(r);
            JsonNode msgs = r.get("messages");
            assertThat(msgs.size()).isEven().isPositive();
            int tags = 0;
            for (int i = 0; i < msgs.size(); i++) {
                JsonNode m = msgs.get(i);
                assertThat(fields(m)).containsExactly("role", "content");
                assertThat(m.get("role").asText()).isEqualTo(i % 2 == 0 ? "user" : "assistant");
                assertThat(m.get("content").isTextual()).isTrue();
                tags += count(m.get("content").asText(), Exporter.VIDEO_TAG);
                if (i % 2 == 1) {
                    assertThat(m.get("content").asText()).doesNotContain(Exporter.VIDEO_TAG);
                }
            }
            assertThat(tags).isEqualTo(r.get("videos").size());
        }
    }

    @Test
    void llamaFactorySft(@TempDir Path tmp) throws IOException {
        List<JsonNode> recs = lines(ExportFormat.SFT_LLAMAFACTORY, tmp);
        checkMessagesFormat(recs);
        JsonNode info = JSON.readTree(tmp.resolve("sft-llamafactory/dataset_info.json").toFile());
        JsonNode d = info.get("sft_llamafactory");
        assertThat(d.get("file_name").asText()).isEqualTo("sft_llamafactory.jsonl");
        assertThat(d.get("formatting").asText()).isEqualTo("sharegpt");
        assertThat(d.get("columns").get("messages").asText()).isEqualTo("messages");
        assertThat(d.get("columns").get("videos").asText()).isEqualTo("videos");
        assertThat(d.get("tags").get("role_tag").asText()).isEqualTo("role");
        assertThat(d.get("tags").get("content_tag").asText()).isEqualTo("content");
        assertThat(d.get("tags").get("user_tag").asText()).isEqualTo("user");
        assertThat(d.get("tags").get("assistant_tag").asText()).isEqualTo("assistant");
    }

    @Test
    void swiftSft(@TempDir Path tmp) throws IOException {
        checkMessagesFormat(lines(ExportFormat.SFT_SWIFT, tmp));
    }

    private static int typedParts(JsonNode messages, String role, int index) {
        int videos = 0;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            assertThat(fields(m)).containsExactly("role", "content");
            assertThat(m.get("role").asText()).isEqualTo(role == null ? (index + i) % 2 == 0 ? "user" : "assistant"
                    : role);
            assertThat(m.get("content").isArray()).isTrue();
            for (JsonNode part : m.get("content")) {
                String type = part.get("type").asText();
                assertThat(type).isIn("text", "video");
                if (type.equals("text")) {
                    assertThat(fields(part)).containsExactly("type", "text");
                } else {
                    assertThat(fields(part)).containsExactly("type");
                    assertThat(m.get("role").asText()).isEqualTo("user");
                    videos++;
                }
            }
        }
        return videos;
    }

    @Test
    void trlSft(@TempDir Path tmp) throws IOException {
        for (JsonNode r : lines(ExportFormat.SFT_TRL, tmp)) {
            assertThat(fields(r)).containsExactly("messages", "videos");
            videosAreStrings(r);
            assertThat(typedParts(r.get("messages"), null, 0)).isEqualTo(r.get("videos").size());
        }
    }

    @Test
    void trlDpo(@TempDir Path tmp) throws IOException {
        for (JsonNode r : lines(ExportFormat.DPO_TRL, tmp)) {
            assertThat(fields(r)).containsExactly("prompt", "chosen", "rejected", "videos");
            videosAreStrings(r);
            assertThat(typedParts(r.get("prompt"), "user", 0)).isEqualTo(r.get("videos").size());
            assertThat(typedParts(r.get("chosen"), "assistant", 1)).isZero();
            assertThat(typedParts(r.get("rejected"), "assistant", 1)).isZero();
            assertThat(r.get("chosen").toString()).isNotEqualTo(r.get("rejected").toString());
        }
    }

    @Test
    void llamaFactoryDpo(@TempDir Path tmp) throws IOException {
        for (JsonNode r : lines(ExportFormat.DPO_LLAMAFACTORY, tmp)) {
            assertThat(fields(r)).containsExactly("conversations", "chosen", "rejected", "videos");
            videosAreStrings(r);
            JsonNode conv = r.get("conversations");
            assertThat(conv.size()).isOdd();
            int tags = 0;
            for (int i = 0; i < conv.size(); i++) {
                assertThat(fields(conv.get(i))).containsExactly("from", "value");
                assertThat(conv.get(i).get("from").asText()).isEqualTo(i % 2 == 0 ? "human" : "gpt");
                tags += count(conv.get(i).get("value").asText(), Exporter.VIDEO_TAG);
            }
            assertThat(tags).isEqualTo(r.get("videos").size());
            for (String k : List.of("chosen", "rejected")) {
                assertThat(fields(r.get(k))).containsExactly("from", "value");
                assertThat(r.get(k).get("from").asText()).isEqualTo("gpt");
            }
        }
        JsonNode d = JSON.readTree(tmp.resolve("dpo-llamafactory/dataset_info.json").toFile()).get("dpo_llamafactory");
        assertThat(d.get("ranking").asBoolean()).isTrue();
        assertThat(d.get("columns").get("messages").asText()).isEqualTo("conversations");
        assertThat(d.get("columns").get("chosen").asText()).isEqualTo("chosen");
        assertThat(d.get("columns").get("rejected").asText()).isEqualTo("rejected");
    }

    /** ms-swift RLHF: messages (user, assistant = chosen), rejected_response, videos; one tag per video. */
    @Test
    void swiftDpo(@TempDir Path tmp) throws IOException {
        List<JsonNode> recs = lines(ExportFormat.DPO_SWIFT, tmp);
        for (JsonNode r : recs) {
            assertThat(fields(r)).containsExactly("messages", "rejected_response", "videos");
            videosAreStrings(r);
            JsonNode msgs = r.get("messages");
            assertThat(msgs.size()).isEven().isPositive();
            assertThat(msgs.get(msgs.size() - 1).get("role").asText()).isEqualTo("assistant");
            assertThat(r.get("rejected_response").isTextual()).isTrue();
            assertThat(r.get("rejected_response").asText()).isNotBlank()
                    .isNotEqualTo(msgs.get(msgs.size() - 1).get("content").asText())
                    .doesNotContain(Exporter.VIDEO_TAG);
        }
        JsonNode[] asMessages = recs.stream().map(r -> {
            com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
            o.set("messages", r.get("messages"));
            o.set("videos", r.get("videos"));
            return o;
        }).toArray(JsonNode[]::new);
        checkMessagesFormat(List.of(asMessages));
        List<JsonNode> trl = lines(ExportFormat.DPO_TRL, tmp);
        assertThat(recs).hasSameSizeAs(trl);
        for (int i = 0; i < recs.size(); i++) {
            assertThat(recs.get(i).get("rejected_response").asText())
                    .isEqualTo(trl.get(i).get("rejected").get(0).get("content").get(0).get("text").asText());
        }
    }
}
