// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into {@link YamlNode}s with line numbers, streaming Jackson's {@code YAMLParser} tokens (a
 * {@code JsonNode} tree would lose the locations). Syntax errors and duplicate keys are reported to
 * {@link Problems} with the file and line.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private static final java.util.regex.Pattern LITERAL_BLOCK =
            java.util.regex.Pattern.compile(".*(:|-|^)\\s*\\|[-+0-9]*\\s*(#.*)?");

    private final String file;
    private final Problems problems;
    private final String[] lines;

    private YamlTree(String file, String text, Problems problems) {
        this.file = file;
        this.problems = problems;
        this.lines = text.split("\n", -1);
    }

    /** Parses {@code text}; returns null (after reporting) when it is not valid YAML or is empty. */
    static YamlNode parse(String file, String text, Problems problems) {
        YamlTree tree = new YamlTree(file, text, problems);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(file, 1, "", "the file is empty");
                return null;
            }
            return tree.node(p, "");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                    line = m.getProblemMark().getLine() + 1; // where the problem is, not where its context began
                    break;
                }
            }
            problems.add(file, line, "", "YAML syntax error: " + reason(e));
            return null;
        } catch (IOException e) {
            problems.add(file, 0, "", "cannot read: " + e.getMessage());
            return null;
        }
    }

    /** The parser's reason without Jackson's location suffix, reduced to one line. */
    static String reason(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        // SnakeYAML messages are multi-line ("while scanning ...\n in 'reader', line 3, column 5:\n ...");
        // keep the lines that explain, drop the excerpt and the reader positions.
        StringBuilder sb = new StringBuilder();
        for (String part : msg.split("\n")) {
            String s = part.strip();
            if (s.isEmpty() || s.startsWith("in 'reader'") || s.startsWith("in '") || s.startsWith("^")
                    || s.startsWith("at [Source")) {
                continue;
            }
            if (part.startsWith("    ")) {
                continue; // the quoted excerpt of the document
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(s);
        }
        return sb.length() == 0 ? msg.strip() : sb.toString();
    }

    private YamlNode node(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        int line = p.currentTokenLocation().getLineNr();
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            problems.add(file, line, path, "YAML aliases (*" + p.getText() + ") are not supported: write the value out");
            return new YamlNode.Scalar(line, "", true, false, false);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    p.nextToken();
                    YamlNode value = node(p, childPath);
                    if (entries.containsKey(key)) {
                        problems.add(file, keyLine, childPath, "duplicate key (first at line " + keyLines.get(key) + ")");
                        continue;
                    }
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
                if (!entries.isEmpty()) {
                    line = keyLines.values().iterator().next();
                }
                return new YamlNode.Mapping(line, Collections.unmodifiableMap(entries),
                        Collections.unmodifiableMap(keyLines));
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, path + "[" + i + "]"));
                    i++;
                }
                return new YamlNode.Sequence(line, List.copyOf(items));
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(line, "", true, false, false);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(line, p.getText(), false, true, false);
            default:
                boolean literal = line >= 1 && line <= lines.length && lines[line - 1].indexOf('|') >= 0
                        && LITERAL_BLOCK.matcher(lines[line - 1]).matches();
                return new YamlNode.Scalar(line, p.getText(), false, false, literal);
        }
    }
}
