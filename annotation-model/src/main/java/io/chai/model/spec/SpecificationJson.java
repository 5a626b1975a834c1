// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON form of the specification model (for {@code chai spec show --format json} and exports). */
public final class SpecificationJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SpecificationJson() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty-printed JSON of any part of the model ({@link Specification}, {@link Aspect}, {@link SpecStats}...). */
    public static String toJson(Object modelPart) {
        try {
            return MAPPER.writeValueAsString(modelPart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + modelPart.getClass().getSimpleName(), e);
        }
    }
}
