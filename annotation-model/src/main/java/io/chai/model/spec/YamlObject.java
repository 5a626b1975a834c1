// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML mapping being read by the loader: typed accessors that report every problem (missing, wrong type,
 * empty, bad id, unknown key) to {@link Problems} with file, line and path, and return null/empty instead of
 * throwing, so that loading continues and all problems are collected.
 */
final class YamlObject {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    final String file;
    final String path;
    final YamlNode.Mapping map;
    final Problems problems;

    private YamlObject(String file, String path, YamlNode.Mapping map, Problems problems) {
        this.file = file;
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    /** Wraps {@code node} if it is a mapping; otherwise reports "must be a mapping" and returns null. */
    static YamlObject of(String file, String path, YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return new YamlObject(file, path, m, problems);
        }
        problems.add(file, node.line(), path, "must be a mapping (key: value), not " + node.kind());
        return null;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return map.line();
    }

    /** Line of the key's value (of the mapping when absent). */
    int lineOf(String key) {
        YamlNode n = map.entries().get(key);
        return n == null ? map.line() : n.line();
    }

    void error(String key, String message) {
        problems.add(file, lineOf(key), pathOf(key), message);
    }

    void errorHere(String message) {
        problems.add(file, map.line(), path, message);
    }

    /** Reports every key not in {@code allowed}. */
    void allowOnly(String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (Map.Entry<String, Integer> e : map.keyLines().entrySet()) {
            if (!ok.contains(e.getKey())) {
                problems.add(file, e.getValue(), pathOf(e.getKey()),
                        "unknown key (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    boolean has(String key) {
        YamlNode n = map.entries().get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.isNull());
    }

    YamlNode node(String key) {
        return map.entries().get(key);
    }

    /** A required non-blank string. */
    String text(String key) {
        if (!has(key)) {
            error(key, "is required");
            return null;
        }
        return scalarText(node(key), pathOf(key), true);
    }

    /** An optional string ({@code fallback} when absent or null); blank is allowed. */
    String optionalText(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        String s = scalarText(node(key), pathOf(key), false);
        return s == null ? fallback : s;
    }

    private String scalarText(YamlNode n, String p, boolean nonBlank) {
        if (!(n instanceof YamlNode.Scalar s)) {
            problems.add(file, n.line(), p, "must be a string, not " + n.kind());
            return null;
        }
        if (nonBlank && s.text().isBlank()) {
            problems.add(file, n.line(), p, "must not be empty");
            return null;
        }
        return s.text();
    }

    /** A required identifier ({@code ^[a-z][a-z0-9_]*$}). */
    String id(String key) {
        String s = text(key);
        if (s != null && !ID.matcher(s).matches()) {
            error(key, badId(s));
            return null;
        }
        return s;
    }

    static String badId(String s) {
        return "'" + s + "' is not a valid id (snake_case ASCII: ^[a-z][a-z0-9_]*$)";
    }

    /** An optional boolean. */
    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        YamlNode n = node(key);
        if (n instanceof YamlNode.Scalar s && s.bool()) {
            return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
        }
        error(key, "must be true or false");
        return fallback;
    }

    /** The items of a list (empty when absent and not required; null when it is not a list). */
    List<YamlNode> list(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                error(key, "is required");
            }
            return required ? null : List.of();
        }
        YamlNode n = node(key);
        if (n instanceof YamlNode.Sequence s) {
            return s.items();
        }
        error(key, "must be a list, not " + n.kind());
        return null;
    }

    /** A list of identifiers; invalid items are reported and skipped. */
    List<String> ids(String key, boolean required) {
        return strings(key, required, true);
    }

    /** A list of non-blank strings; invalid items are reported and skipped. */
    List<String> texts(String key, boolean required) {
        return strings(key, required, false);
    }

    private List<String> strings(String key, boolean required, boolean idSyntax) {
        List<YamlNode> items = list(key, required);
        List<String> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            YamlNode n = items.get(i);
            String p = pathOf(key) + "[" + i + "]";
            String s = scalarText(n, p, true);
            if (s == null) {
                continue;
            }
            if (idSyntax && !ID.matcher(s).matches()) {
                problems.add(file, n.line(), p, badId(s));
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** A list of mappings; non-mapping items are reported and skipped (the index is kept in the path). */
    List<YamlObject> objects(String key, boolean required) {
        List<YamlNode> items = list(key, required);
        List<YamlObject> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            YamlObject o = of(file, pathOf(key) + "[" + i + "]", items.get(i), problems);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** A nested mapping; null when absent (reported if required) or not a mapping. */
    YamlObject object(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                error(key, "is required");
            }
            return null;
        }
        return of(file, pathOf(key), node(key), problems);
    }
}
