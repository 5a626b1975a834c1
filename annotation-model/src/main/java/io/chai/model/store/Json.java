// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The store's JSON helpers (payloads are stored as compact JSON text). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    // reused reader and writer: no per-call type resolution (sync parses and writes every payload it applies)
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter NODE_WRITER = MAPPER.writerFor(JsonNode.class);

    private Json() {
    }

    static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Re-serializes compactly (so equal payloads are stored identically). */
    static String canonical(String json) {
        return write(parse(json));
    }

    static String write(JsonNode value) {
        try {
            return NODE_WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String uuids(List<UUID> ids) {
        if (ids.isEmpty()) {
            return "[]";
        }
        ArrayNode a = MAPPER.createArrayNode();
        ids.forEach(id -> a.add(id.toString()));
        return write(a);
    }

    static List<UUID> parseUuids(String json) {
        List<UUID> out = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            out.add(UUID.fromString(n.asText()));
        }
        return out;
    }
}
