// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads import manifests. CSV (RFC 4180, header row, UTF-8): {@code path} (required; relative paths are relative
 * to the manifest), {@code external_id}, {@code tags} (separated by {@code ;} or {@code |}), {@code assignee},
 * {@code caption} (one whole caption), {@code caption_<aspect>} per aspect, {@code caption_source} (the dataset the
 * captions come from). JSONL: one object per line with the same fields; {@code tags} an array or a string,
 * {@code captions} an object keyed by aspect. Malformed rows are reported with their row number (the line the row
 * starts on) and skipped.
 */
final class ManifestReader {
    record Result(List<ImportItem> items, List<ImportProblem> problems) {
    }

    private static final Set<String> JSON_FIELDS = Set.of("path", "external_id", "tags", "assignee", "caption",
            "captions", "caption_source");

    private ManifestReader() {
    }

    static boolean isManifest(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".jsonl");
    }

    static Result read(Path manifest) {
        String text;
        try {
            text = Files.readString(manifest, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return new Result(List.of(), List.of(new ImportProblem(manifest.toString(), "manifest is not UTF-8 text")));
        } catch (IOException e) {
            return new Result(List.of(), List.of(new ImportProblem(manifest.toString(),
                    "cannot read manifest: " + e.getMessage())));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = manifest.getFileName().toString();
        Path base = manifest.toAbsolutePath().getParent();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(text, name, base) : jsonl(text, name, base);
    }

    // ------------------------------------------------------------------------------------------------ CSV

    record CsvRow(int line, List<String> fields, String error) {
    }

    /** RFC 4180 records with the line each starts on; a record with an unterminated quote carries an error. */
    static List<CsvRow> csvRows(String text) {
        List<CsvRow> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            String error = null;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                    i++;
                    continue;
                }
                switch (ch) {
                    case '"' -> {
                        if (field.length() == 0 && !wasQuoted) {
                            quoted = true;
                            wasQuoted = true;
                        } else if (error == null) {
                            error = "stray quote inside a field (quote the whole field and double inner quotes)";
                        }
                        i++;
                    }
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                        wasQuoted = false;
                        i++;
                    }
                    case '\r' -> i++;
                    case '\n' -> {
                        line++;
                        i++;
                        endOfRecord = true;
                    }
                    default -> {
                        field.append(ch);
                        i++;
                    }
                }
            }
            if (quoted) {
                error = "unterminated quoted field";
            }
            fields.add(field.toString());
            boolean blank = fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted;
            if (!blank || error != null) {
                rows.add(new CsvRow(startLine, fields, error));
            }
        }
        return rows;
    }

    private static Result csv(String text, String name, Path base) {
        List<ImportItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<CsvRow> rows = csvRows(text);
        if (rows.isEmpty()) {
            problems.add(new ImportProblem(name, "manifest is empty (it needs a header row with a 'path' column)"));
            return new Result(items, problems);
        }
        CsvRow header = rows.get(0);
        List<String> columns = new ArrayList<>();
        for (String h : header.fields()) {
            columns.add(h.strip().toLowerCase(Locale.ROOT));
        }
        if (header.error() != null || !columns.contains("path")) {
            problems.add(new ImportProblem(name + " row " + header.line(), header.error() != null ? header.error()
                    : "the header has no 'path' column (columns: " + String.join(", ", columns) + ")"));
            return new Result(items, problems);
        }
        for (String col : columns) {
            if (!known(col)) {
                problems.add(new ImportProblem(name + " row " + header.line(), "unknown column '" + col
                        + "' ignored (known: path, external_id, tags, assignee, caption, caption_<aspect>,"
                        + " caption_source)"));
            }
        }
        for (CsvRow row : rows.subList(1, rows.size())) {
            String where = name + " row " + row.line();
            if (row.error() != null) {
                problems.add(new ImportProblem(where, row.error()));
                continue;
            }
            if (row.fields().size() != columns.size()) {
                problems.add(new ImportProblem(where, "has " + row.fields().size() + " fields, the header has "
                        + columns.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                values.put(columns.get(c), row.fields().get(c));
            }
            Map<String, String> captions = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (!e.getValue().isBlank()) {
                    if (e.getKey().equals("caption")) {
                        captions.put("", e.getValue().strip());
                    } else if (e.getKey().startsWith("caption_") && ProjectStore.ASPECTS.contains(e.getKey().substring(8))) {
                        captions.put(e.getKey().substring(8), e.getValue().strip());
                    }
                }
            }
            String error = item(values.get("path"), values.get("external_id"), splitTags(values.get("tags")),
                    values.get("assignee"), captions, values.get("caption_source"), where, base, items);
            if (error != null) {
                problems.add(new ImportProblem(where, error));
            }
        }
        return new Result(items, problems);
    }

    private static boolean known(String col) {
        return Set.of("path", "external_id", "tags", "assignee", "caption", "caption_source").contains(col)
                || (col.startsWith("caption_") && ProjectStore.ASPECTS.contains(col.substring(8)));
    }

    static List<String> splitTags(String tags) {
        List<String> out = new ArrayList<>();
        if (tags != null) {
            for (String t : tags.split("[;|]")) {
                if (!t.isBlank() && !out.contains(t.strip())) {
                    out.add(t.strip());
                }
            }
        }
        return out;
    }

    /** Adds the item or returns why the row is unusable. */
    private static String item(String path, String externalId, List<String> tags, String assignee,
            Map<String, String> captions, String captionSource, String where, Path base, List<ImportItem> out) {
        if (path == null || path.isBlank()) {
            return "missing path";
        }
        Path file;
        try {
            file = base.resolve(path.strip()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return "invalid path '" + path + "'";
        }
        String source = blankToNull(captionSource);
        if (!captions.isEmpty() && source == null) {
            source = where.substring(0, where.indexOf(" row "));
        }
        out.add(new ImportItem(file, where, blankToNull(externalId), tags, blankToNull(assignee), captions, source));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------------------------------------ JSONL

    private static Result jsonl(String text, String name, Path base) {
        List<ImportItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = name + " row " + (i + 1);
            JsonNode o;
            try {
                o = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(new ImportProblem(where, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            String error = jsonRow(o, where, base, items);
            if (error != null) {
                problems.add(new ImportProblem(where, error));
            }
        }
        return new Result(items, problems);
    }

    private static String jsonRow(JsonNode o, String where, Path base, List<ImportItem> out) {
        if (!o.isObject()) {
            return "must be a JSON object";
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!JSON_FIELDS.contains(f)) {
                return "unknown field '" + f + "' (known: " + String.join(", ", new java.util.TreeSet<>(JSON_FIELDS))
                        + ")";
            }
        }
        for (String f : List.of("path", "external_id", "assignee", "caption", "caption_source")) {
            if (o.has(f) && !o.get(f).isNull() && !o.get(f).isTextual()) {
                return "'" + f + "' must be a string";
            }
        }
        List<String> tags;
        JsonNode t = o.get("tags");
        if (t == null || t.isNull()) {
            tags = List.of();
        } else if (t.isTextual()) {
            tags = splitTags(t.asText());
        } else if (t.isArray()) {
            tags = new ArrayList<>();
            for (JsonNode tag : t) {
                if (!tag.isTextual()) {
                    return "'tags' must be strings";
                }
                if (!tag.asText().isBlank()) {
                    tags.add(tag.asText().strip());
                }
            }
        } else {
            return "'tags' must be an array of strings or a string";
        }
        Map<String, String> captions = new LinkedHashMap<>();
        if (o.hasNonNull("caption") && !o.get("caption").asText().isBlank()) {
            captions.put("", o.get("caption").asText().strip());
        }
        JsonNode c = o.get("captions");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                return "'captions' must be an object keyed by aspect";
            }
            for (Map.Entry<String, JsonNode> e : c.properties()) {
                if (!ProjectStore.ASPECTS.contains(e.getKey())) {
                    return "unknown aspect '" + e.getKey() + "' in captions (known: "
                            + String.join(", ", ProjectStore.ASPECTS) + ")";
                }
                if (!e.getValue().isTextual()) {
                    return "caption of " + e.getKey() + " must be a string";
                }
                if (!e.getValue().asText().isBlank()) {
                    captions.put(e.getKey(), e.getValue().asText().strip());
                }
            }
        }
        return item(o.path("path").asText(null), o.path("external_id").asText(null), tags,
                o.path("assignee").asText(null), captions, o.path("caption_source").asText(null), where, base, out);
    }
}
