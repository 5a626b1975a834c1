// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JSON schema the answer must follow. Sent to the server as constrained decoding where the dialect supports it
 * ({@code response_format: json_schema}, Ollama {@code format}); the answer is always validated client-side by
 * {@link JsonSchemaValidator}.
 */
public record OutputSchema(String name, JsonNode schema) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public OutputSchema {
        Objects.requireNonNull(schema, "schema");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Schema name must be 1-64 of [A-Za-z0-9_-]: " + name);
        }
        if (!schema.isObject()) {
            throw new IllegalArgumentException("A JSON schema must be an object");
        }
    }
}
