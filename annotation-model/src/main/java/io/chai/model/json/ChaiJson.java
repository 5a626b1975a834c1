// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chai.common.UserFacingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Jackson setup for CHAI's JSON (domain records, workflow state, stored blobs, exports).
 *
 * <ul>
 *   <li>{@code java.time} as ISO-8601 strings ({@code 2026-01-31T10:15:30Z}, {@code PT12.5S}): both
 *       {@code WRITE_DATES_AS_TIMESTAMPS} and {@code WRITE_DURATIONS_AS_TIMESTAMPS} are off;</li>
 *   <li>{@code Optional*} through the JDK 8 module: empty is written as {@code null}, and {@code null} or a
 *       missing property reads back as empty;</li>
 *   <li>deterministic output: record properties in component order, map entries sorted by key;</li>
 *   <li>strict reading: an unknown property fails ({@code FAIL_ON_UNKNOWN_PROPERTIES} on). A file written by a
 *       newer version must not be read and re-saved by an older one that would silently drop fields; null for a
 *       primitive and trailing tokens fail too.</li>
 * </ul>
 *
 * A mapper is thread-safe once built; each call returns a fresh one so that no caller can reconfigure another's.
 */
public final class ChaiJson {
    private ChaiJson() {
    }

    /** A new mapper with the settings above. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Reads {@code json} as a {@code type} with {@code mapper}; any failure (syntax, unknown field, a value the
     * domain refuses) becomes a {@link UserFacingException} whose one-line message names {@code source} and the
     * cause, e.g. {@code "redo.json: A rating is a whole number from 1 to 5, got 7. (at $.initial_caption_rating_score, line 1,
     * column 33)"}.
     */
    public static <T> T read(JsonMapper mapper, String json, Class<T> type, String source) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(source + ": " + describe(e), e);
        }
    }

    /** One line for a Jackson failure: the domain's own message when a value was refused, plus the path. */
    static String describe(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message;
        if (root instanceof UserFacingException) {
            message = root.getMessage();
        } else {
            message = e.getOriginalMessage();
            int newline = message == null ? -1 : message.indexOf('\n');
            if (newline >= 0) {
                message = message.substring(0, newline);
            }
        }
        List<String> where = new ArrayList<>();
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        if (!path.isEmpty()) {
            where.add("at " + path);
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where.add("line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        return where.isEmpty() ? message : message + " (" + String.join(", ", where) + ")";
    }

    private static String pathOf(JsonMappingException m) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 1 ? "" : sb.toString();
    }
}
