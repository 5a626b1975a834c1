// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML node that remembers the line it started on, so that every specification problem can name
 * {@code FILE:LINE}. Built by {@link YamlTree}; package-private plumbing of the loader.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    /** 1-based line of the node's first token. */
    int line();

    /** A short word for messages: "a mapping", "a list", "a string", "null". */
    String kind();

    /** A mapping; {@code entries} keeps document order, {@code keyLines} the line of each key. */
    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code text} is the source text (so {@code no} stays the value id "no"), {@code isNull} when the
     * document wrote {@code null}, {@code ~} or nothing; {@code bool} when YAML resolved it as true/false;
     * {@code literal} for a literal block ({@code |}), whose text starts on the line after {@code line}.
     */
    record Scalar(int line, String text, boolean isNull, boolean bool, boolean literal) implements YamlNode {
        /** The file line of line {@code n} (1-based) of the text; exact for literal blocks, else {@link #line()}. */
        int fileLine(int n) {
            return literal ? line + n : line;
        }

        @Override
        public String kind() {
            return isNull ? "null" : bool ? "a boolean" : "a string";
        }
    }
}
