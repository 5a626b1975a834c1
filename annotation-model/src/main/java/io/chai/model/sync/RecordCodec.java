// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chai.model.store.Hlc;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The JSON form of a {@link SyncRecord} inside folder-store segments: {@code {"t":"rev", ...}} or
 * {@code {"t":"clip", ...}}. A revision's payload is kept as the exact JSON text it was stored with.
 */
public final class RecordCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordCodec() {
    }

    /** UTF-8 JSON bytes of one record. */
    public static byte[] encode(SyncRecord record) {
        ObjectNode o = MAPPER.createObjectNode();
        if (record instanceof SyncRecord.RevisionEntry e) {
                Revision r = e.revision();
                o.put("t", "rev");
                o.put("uuid", r.uuid().toString());
                o.put("clip", r.clipId());
                o.put("aspect", r.aspect());
                o.put("kind", r.kind().id());
                o.put("author", r.author());
                o.put("device", r.device());
                o.put("hlc", r.hlc().toString());
                ArrayNode parents = o.putArray("parents");
                r.parents().forEach(p -> parents.add(p.toString()));
                o.put("payload", r.payload());
                o.put("spec_id", r.specId());
                o.put("spec_version", r.specVersion());
        } else {
                NewClip c = ((SyncRecord.ClipEntry) record).clip();
                o.put("t", "clip");
                o.put("clip", c.clipId());
                o.put("path", c.path());
                o.put("size", c.sizeBytes());
                o.put("mtime", c.mtimeMillis());
                if (c.externalId() != null) {
                    o.put("external_id", c.externalId());
                }
                MediaInfo m = c.media();
                if (m != null) {
                    ObjectNode mo = o.putObject("media");
                    mo.put("duration_s", m.durationSeconds());
                    mo.put("fps_num", m.fpsNum());
                    mo.put("fps_den", m.fpsDen());
                    mo.put("width", m.width());
                    mo.put("height", m.height());
                    mo.put("frame_count", m.frameCount());
                    mo.put("codec", m.codec());
                }
                ArrayNode tags = o.putArray("tags");
                c.tags().forEach(tags::add);
        }
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write sync record", e);
        }
    }

    /** Parses bytes written by {@link #encode}; throws IllegalArgumentException with a reason otherwise. */
    public static SyncRecord decode(byte[] bytes) {
        JsonNode o;
        try {
            o = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("sync record is not JSON: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("sync record is not a JSON object");
        }
        String type = text(o, "t");
        return switch (type) {
            case "rev" -> {
                List<UUID> parents = new ArrayList<>();
                for (JsonNode p : o.path("parents")) {
                    parents.add(UUID.fromString(p.asText()));
                }
                yield new SyncRecord.RevisionEntry(new Revision(0, UUID.fromString(text(o, "uuid")), text(o, "clip"),
                        text(o, "aspect"), RevisionKind.fromId(text(o, "kind")), text(o, "author"),
                        text(o, "device"), Hlc.parse(text(o, "hlc")), parents, text(o, "payload"),
                        text(o, "spec_id"), text(o, "spec_version")));
            }
            case "clip" -> {
                JsonNode m = o.get("media");
                MediaInfo media = m == null || m.isNull() ? null
                        : new MediaInfo(m.path("duration_s").asDouble(), m.path("fps_num").asLong(),
                                m.path("fps_den").asLong(), m.path("width").asInt(), m.path("height").asInt(),
                                m.path("frame_count").asLong(), m.path("codec").asText(""));
                List<String> tags = new ArrayList<>();
                o.path("tags").forEach(t -> tags.add(t.asText()));
                JsonNode ext = o.get("external_id");
                yield new SyncRecord.ClipEntry(new NewClip(text(o, "clip"), text(o, "path"), o.path("size").asLong(),
                        o.path("mtime").asLong(), ext == null || ext.isNull() ? null : ext.asText(), media, tags));
            }
            default -> throw new IllegalArgumentException("unknown sync record type '" + type + "'");
        };
    }

    /** Convenience for tests and tools: the JSON text of a record. */
    public static String toText(SyncRecord record) {
        return new String(encode(record), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("sync record lacks '" + field + "'");
        }
        return v.asText();
    }
}
