// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSchemaValidatorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode j(String s) throws Exception {
        return JSON.readTree(s);
    }

    static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"caption\",\"segments\"],"
            + "\"additionalProperties\":false,\"properties\":{"
            + "\"caption\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":20},"
            + "\"confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
            + "\"kind\":{\"enum\":[\"pan\",\"tilt\"]},"
            + "\"code\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"},"
            + "\"segments\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"object\",\"required\":[\"start\"],"
            + "\"properties\":{\"start\":{\"type\":\"integer\",\"exclusiveMinimum\":-1}}}},"
            + "\"maybe\":{\"type\":[\"string\",\"null\"]},"
            + "\"either\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}}";

    @Test
    void acceptsAValidValue() throws Exception {
        assertThat(JsonSchemaValidator.validate(j(SCHEMA), j("{\"caption\":\"a man walks\",\"confidence\":0.5,"
                + "\"kind\":\"pan\",\"code\":\"abc\",\"segments\":[{\"start\":0}],\"maybe\":null,\"either\":3}")))
                .isEmpty();
    }

    @Test
    void namesEveryViolationByPath() throws Exception {
        assertThat(JsonSchemaValidator.validate(j(SCHEMA), j("{\"caption\":\"ab\",\"confidence\":1.5,\"kind\":\"zoom\","
                + "\"code\":\"A1\",\"segments\":[{\"start\":-1},{}],\"extra\":1,\"maybe\":3,\"either\":true}")))
                .containsExactlyInAnyOrder(
                        "$.caption: shorter than 3 characters",
                        "$.confidence: must be <= 1",
                        "$.kind: \"zoom\" is not one of [\"pan\",\"tilt\"]",
                        "$.code: does not match pattern ^[a-z]+$",
                        "$.segments[0].start: must be > -1",
                        "$.segments[1].start: required property missing",
                        "$.extra: property not allowed",
                        "$.maybe: expected [\"string\",\"null\"], got integer",
                        "$.either: matches 0 of the oneOf alternatives (exactly 1 required)");
        assertThat(JsonSchemaValidator.validate(j(SCHEMA), j("[]"))).containsExactly("$: expected object, got array");
        assertThat(JsonSchemaValidator.validate(j(SCHEMA), j("{}"))).containsExactly(
                "$.caption: required property missing", "$.segments: required property missing");
    }
}
