// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed prompt template text: literal text, {@code {{name}}} variables and {@code {{#name}}...{{/name}}}
 * sections (rendered only when the variable is non-empty). Parsing fails with a {@link SyntaxError} naming the
 * problem and its line.
 */
final class TemplateText {
    /** A malformed template; {@code line} is the (mapped) line of the problem. */
    static final class SyntaxError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private sealed interface Part permits Literal, Variable, Section {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(String name) implements Part {
    }

    private record Section(String name, List<Part> body) implements Part {
    }

    private final List<Part> parts;
    private final Map<String, Integer> names;

    private TemplateText(List<Part> parts, Map<String, Integer> names) {
        this.parts = parts;
        this.names = names;
    }

    /** Every variable name used, as a variable or a section, in order of first use, with that line. */
    Map<String, Integer> names() {
        return names;
    }

    static TemplateText parse(String text) {
        return parse(text, n -> n);
    }

    /** Parses {@code text}; {@code fileLine} maps a 1-based line of the text to the line reported in messages. */
    static TemplateText parse(String text, java.util.function.IntUnaryOperator fileLine) {
        Deque<Section> open = new ArrayDeque<>();
        Deque<Integer> openLines = new ArrayDeque<>();
        List<Part> root = new ArrayList<>();
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        int i = 0;
        while (true) {
            int start = text.indexOf("{{", i);
            List<Part> target = open.isEmpty() ? root : open.peek().body();
            if (start < 0) {
                if (i < text.length()) {
                    target.add(new Literal(text.substring(i)));
                }
                break;
            }
            if (start > i) {
                target.add(new Literal(text.substring(i, start)));
            }
            int line = fileLine.applyAsInt(lineOf(text, start));
            int end = text.indexOf("}}", start + 2);
            if (end < 0) {
                throw new SyntaxError("'{{' without '}}'", line);
            }
            String inner = text.substring(start + 2, end).strip();
            char sigil = inner.isEmpty() ? ' ' : inner.charAt(0);
            String name = (sigil == '#' || sigil == '/') ? inner.substring(1).strip() : inner;
            if (!NAME.matcher(name).matches()) {
                throw new SyntaxError("bad placeholder '{{" + inner + "}}'"
                        + " (expected {{name}}, {{#name}} or {{/name}} with a snake_case name)", line);
            }
            if (sigil == '#') {
                Section s = new Section(name, new ArrayList<>());
                target.add(s);
                open.push(s);
                openLines.push(line);
                names.putIfAbsent(name, line);
            } else if (sigil == '/') {
                if (open.isEmpty()) {
                    throw new SyntaxError("'{{/" + name + "}}' closes no section", line);
                }
                if (!open.peek().name().equals(name)) {
                    throw new SyntaxError("'{{/" + name + "}}' closes section '" + open.peek().name()
                            + "' opened on line " + openLines.peek(), line);
                }
                open.pop();
                openLines.pop();
            } else {
                target.add(new Variable(name));
                names.putIfAbsent(name, line);
            }
            i = end + 2;
        }
        if (!open.isEmpty()) {
            throw new SyntaxError("section '{{#" + open.peek().name() + "}}' is never closed", openLines.peek());
        }
        return new TemplateText(List.copyOf(root), java.util.Collections.unmodifiableMap(names));
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    String render(String templateId, Map<String, ?> variables) {
        StringBuilder sb = new StringBuilder();
        render(templateId, parts, variables, sb);
        return sb.toString();
    }

    private static void render(String templateId, List<Part> parts, Map<String, ?> vars, StringBuilder sb) {
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof Variable v) {
                sb.append(text(value(templateId, v.name(), vars)));
            } else if (p instanceof Section s) {
                if (!isEmpty(value(templateId, s.name(), vars))) {
                    render(templateId, s.body(), vars, sb);
                }
            }
        }
    }

    private static Object value(String templateId, String name, Map<String, ?> vars) {
        if (!vars.containsKey(name)) {
            throw new IllegalArgumentException("prompt template " + templateId + ": missing variable '" + name
                    + "' (pass an empty value to leave it out)");
        }
        return vars.get(name);
    }

    static boolean isEmpty(Object v) {
        return v == null || Boolean.FALSE.equals(v) || (v instanceof CharSequence cs && cs.toString().isBlank())
                || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder();
            for (Object o : c) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(o);
            }
            return sb.toString();
        }
        return v.toString();
    }
}
