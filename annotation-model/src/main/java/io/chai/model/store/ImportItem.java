// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file to import, with what a manifest row said about it. {@code origin} names where it came from
 * ({@code manifest.csv row 4} or the folder it was found in); {@code captions} maps an aspect id (or "" for one
 * whole caption) to an existing caption that becomes a pre-caption, {@code captionSource} names its dataset.
 */
record ImportItem(Path file, String origin, String externalId, List<String> tags, String assignee,
        Map<String, String> captions, String captionSource) {
    ImportItem {
        tags = List.copyOf(tags);
        captions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(captions));
    }

    static ImportItem plain(Path file, String origin) {
        return new ImportItem(file, origin, null, List.of(), null, Map.of(), null);
    }

    String toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("path", file.toString());
        o.put("origin", origin);
        o.put("external_id", externalId);
        tags.forEach(o.putArray("tags")::add);
        if (tags.isEmpty()) {
            o.putArray("tags");
        }
        o.put("assignee", assignee);
        ObjectNode c = o.putObject("captions");
        captions.forEach(c::put);
        o.put("caption_source", captionSource);
        return Json.write(o);
    }

    static ImportItem fromJson(String json) {
        JsonNode o = Json.parse(json);
        List<String> tags = new ArrayList<>();
        o.path("tags").forEach(t -> tags.add(t.asText()));
        Map<String, String> captions = new LinkedHashMap<>();
        o.path("captions").properties().forEach(e -> captions.put(e.getKey(), e.getValue().asText()));
        return new ImportItem(Path.of(o.get("path").asText()), o.get("origin").asText(), text(o, "external_id"), tags,
                text(o, "assignee"), captions, text(o, "caption_source"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
