// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a JSON value against the subset of JSON Schema that constrained decoding servers support and our
 * output schemas use: {@code type} (one or a list), {@code properties}, {@code required},
 * {@code additionalProperties} (boolean or schema), {@code items}, {@code enum}, {@code const},
 * {@code minLength}/{@code maxLength}, {@code pattern}, {@code minimum}/{@code maximum},
 * {@code exclusiveMinimum}/{@code exclusiveMaximum}, {@code minItems}/{@code maxItems}, {@code anyOf},
 * {@code oneOf} and {@code allOf}. Other keywords are ignored. Errors name the JSON path, e.g.
 * {@code $.segments[2].start: must be >= 0}.
 */
public final class JsonSchemaValidator {
    private JsonSchemaValidator() {
    }

    /** All violations of {@code schema} by {@code value}; empty when valid. */
    public static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        if (schema == null || schema.isMissingNode() || (schema.isBoolean() && schema.asBoolean())) {
            return;
        }
        if (schema.isBoolean()) {
            errors.add(path + ": no value is allowed here");
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            boolean ok = false;
            if (type.isArray()) {
                for (JsonNode t : type) {
                    ok |= hasType(v, t.asText());
                }
            } else {
                ok = hasType(v, type.asText());
            }
            if (!ok) {
                errors.add(path + ": expected " + (type.isArray() ? type.toString() : type.asText()) + ", got "
                        + typeOf(v));
                return;
            }
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray()) {
            boolean found = false;
            for (JsonNode e : en) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": " + shortText(v) + " is not one of " + shortText(en));
            }
        }
        JsonNode cst = schema.get("const");
        if (cst != null && !cst.equals(v)) {
            errors.add(path + ": must be " + shortText(cst));
        }
        if (v.isTextual()) {
            int len = v.asText().codePointCount(0, v.asText().length());
            if (schema.has("minLength") && len < schema.get("minLength").asInt()) {
                errors.add(path + ": shorter than " + schema.get("minLength").asInt() + " characters");
            }
            if (schema.has("maxLength") && len > schema.get("maxLength").asInt()) {
                errors.add(path + ": longer than " + schema.get("maxLength").asInt() + " characters");
            }
            if (schema.has("pattern")) {
                try {
                    if (!Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
                        errors.add(path + ": does not match pattern " + schema.get("pattern").asText());
                    }
                } catch (PatternSyntaxException e) {
                    errors.add(path + ": schema pattern is invalid: " + schema.get("pattern").asText());
                }
            }
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            if (schema.has("minimum") && d < schema.get("minimum").asDouble()) {
                errors.add(path + ": must be >= " + schema.get("minimum").asText());
            }
            if (schema.has("maximum") && d > schema.get("maximum").asDouble()) {
                errors.add(path + ": must be <= " + schema.get("maximum").asText());
            }
            if (schema.path("exclusiveMinimum").isNumber() && d <= schema.get("exclusiveMinimum").asDouble()) {
                errors.add(path + ": must be > " + schema.get("exclusiveMinimum").asText());
            }
            if (schema.path("exclusiveMaximum").isNumber() && d >= schema.get("exclusiveMaximum").asDouble()) {
                errors.add(path + ": must be < " + schema.get("exclusiveMaximum").asText());
            }
        }
        if (v.isArray()) {
            if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                errors.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("maxItems") && v.size() > schema.get("maxItems").asInt()) {
                errors.add(path + ": more than " + schema.get("maxItems").asInt() + " items");
            }
            JsonNode items = schema.get("items");
            if (items != null) {
                for (int i = 0; i < v.size(); i++) {
                    check(items, v.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            JsonNode props = schema.get("properties");
            JsonNode req = schema.get("required");
            if (req != null && req.isArray()) {
                for (JsonNode r : req) {
                    if (!v.has(r.asText())) {
                        errors.add(path + "." + r.asText() + ": required property missing");
                    }
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode ps = props == null ? null : props.get(f.getKey());
                if (ps != null) {
                    check(ps, f.getValue(), path + "." + f.getKey(), errors);
                } else if (additional != null) {
                    if (additional.isBoolean() && !additional.asBoolean()) {
                        errors.add(path + "." + f.getKey() + ": property not allowed");
                    } else if (additional.isObject()) {
                        check(additional, f.getValue(), path + "." + f.getKey(), errors);
                    }
                }
            }
        }
        JsonNode all = schema.get("allOf");
        if (all != null && all.isArray()) {
            for (JsonNode s : all) {
                check(s, v, path, errors);
            }
        }
        JsonNode any = schema.get("anyOf");
        if (any != null && any.isArray() && countMatching(any, v, path) == 0) {
            errors.add(path + ": matches none of the anyOf alternatives");
        }
        JsonNode one = schema.get("oneOf");
        if (one != null && one.isArray()) {
            int n = countMatching(one, v, path);
            if (n != 1) {
                errors.add(path + ": matches " + n + " of the oneOf alternatives (exactly 1 required)");
            }
        }
    }

    private static int countMatching(JsonNode alternatives, JsonNode v, String path) {
        int n = 0;
        for (JsonNode s : alternatives) {
            List<String> e = new ArrayList<>();
            check(s, v, path, e);
            if (e.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasType(JsonNode v, String t) {
        return switch (t) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String typeOf(JsonNode v) {
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static String shortText(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }
}
