// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The loopback server's answers: fixed texts that say they are canned, and canned instances of JSON schemas. */
final class CannedAnswers {
    static final String MARKER = "[canned answer from the CHAI demo model server, not a model output]";
    static final ObjectMapper JSON = new ObjectMapper();

    private CannedAnswers() {
    }

    static String text(int images, int videoFrames) {
        String seen = videoFrames > 0 ? "a video of " + videoFrames + " frames"
                : images == 1 ? "1 image" : images + " images";
        return MARKER + " This server received " + seen + " and always gives this fixed reply.";
    }

    /** A value that satisfies {@code schema} (the subset {@code JsonSchemaValidator} checks, minus patterns). */
    static JsonNode instance(JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema == null || !schema.isObject()) {
            return f.textNode(MARKER);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        for (String alt : List.of("anyOf", "oneOf")) {
            if (schema.path(alt).isArray() && !schema.get(alt).isEmpty()) {
                return instance(schema.get(alt).get(0));
            }
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode o = f.objectNode();
                JsonNode props = schema.get("properties");
                if (props != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> e = it.next();
                        o.set(e.getKey(), instance(e.getValue()));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = f.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                if (schema.has("maxItems")) {
                    n = Math.min(n, schema.get("maxItems").asInt());
                }
                for (int i = 0; i < n; i++) {
                    a.add(instance(schema.get("items")));
                }
                return a;
            }
            case "integer" -> {
                return f.numberNode(bound(schema, true));
            }
            case "number" -> {
                return f.numberNode((double) bound(schema, false));
            }
            case "boolean" -> {
                return f.booleanNode(true);
            }
            case "null" -> {
                return f.nullNode();
            }
            default -> {
                String s = MARKER;
                int min = schema.path("minLength").asInt(0);
                int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                StringBuilder sb = new StringBuilder(s);
                while (sb.length() < min) {
                    sb.append(" canned");
                }
                s = sb.toString();
                if (s.length() > max) {
                    s = "canned".substring(0, Math.min(6, max));
                }
                return f.textNode(s);
            }
        }
    }

    private static long bound(JsonNode schema, boolean integer) {
        if (schema.has("minimum")) {
            return (long) Math.ceil(schema.get("minimum").asDouble());
        }
        if (schema.path("exclusiveMinimum").isNumber()) {
            return (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
        }
        if (schema.has("maximum")) {
            return Math.min(0, (long) Math.floor(schema.get("maximum").asDouble()));
        }
        return 0;
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (t.isArray()) {
            List<String> types = new ArrayList<>();
            t.forEach(x -> types.add(x.asText()));
            return types.stream().filter(x -> !x.equals("null")).findFirst().orElse("null");
        }
        return t.asText();
    }

    /** Splits an answer into stream chunks of about one word each (spaces kept). */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || (text.charAt(i) == ' ' && i > start)) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }
}
