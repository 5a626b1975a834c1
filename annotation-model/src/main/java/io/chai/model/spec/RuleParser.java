// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the rule language:
 * <pre>
 * expr       := or
 * or         := and ( "||" and )*
 * and        := unary ( "&amp;&amp;" unary )*
 * unary      := "!" unary | primary
 * primary    := "(" expr ")" | "true" | "false" | comparison
 * comparison := FIELD ("==" | "!=") VALUE | FIELD "in" "[" VALUE ("," VALUE)* "]" | FIELD "contains" VALUE
 *             | "rank(" FIELD ")" OP "rank(" FIELD ")" | "set(" FIELD ")"
 * </pre>
 * Fields and values are resolved against the groups while parsing, so an unknown field, an unknown value, a
 * {@code rank()} on an unordered group or a {@code contains} on a non-multi field is a {@link RuleSyntaxException}
 * naming the column.
 */
public final class RuleParser {
    private enum T { IDENT, STRING, LPAREN, RPAREN, LBRACK, RBRACK, COMMA, OP, NOT, AND, OR, END }

    private record Token(T type, String text, int column) {
        String show() {
            return type == T.END ? "end of expression" : "'" + text + "'";
        }
    }

    private final List<Token> tokens;
    private final Map<String, FieldRef> fields;
    private int pos;

    private RuleParser(List<Token> tokens, Map<String, FieldRef> fields) {
        this.tokens = tokens;
        this.fields = fields;
    }

    /** Parses {@code source} against the stored fields {@code fields}. */
    static Expr parse(String source, Map<String, FieldRef> fields) {
        RuleParser p = new RuleParser(tokenize(source), fields);
        if (p.peek().type == T.END) {
            throw new RuleSyntaxException("empty expression", 1);
        }
        Expr e = p.or();
        Token t = p.peek();
        if (t.type != T.END) {
            throw new RuleSyntaxException("unexpected " + t.show(), t.column);
        }
        return e;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(T.IDENT, s.substring(i, j), col));
                i = j;
            } else if (c == '"' || c == '\'') {
                int j = s.indexOf(c, i + 1);
                if (j < 0) {
                    throw new RuleSyntaxException("unterminated string", col);
                }
                out.add(new Token(T.STRING, s.substring(i + 1, j), col));
                i = j + 1;
            } else if (c == '(') {
                out.add(new Token(T.LPAREN, "(", col));
                i++;
            } else if (c == ')') {
                out.add(new Token(T.RPAREN, ")", col));
                i++;
            } else if (c == '[') {
                out.add(new Token(T.LBRACK, "[", col));
                i++;
            } else if (c == ']') {
                out.add(new Token(T.RBRACK, "]", col));
                i++;
            } else if (c == ',') {
                out.add(new Token(T.COMMA, ",", col));
                i++;
            } else if (s.startsWith("&&", i)) {
                out.add(new Token(T.AND, "&&", col));
                i += 2;
            } else if (s.startsWith("||", i)) {
                out.add(new Token(T.OR, "||", col));
                i += 2;
            } else if (s.startsWith("==", i) || s.startsWith("!=", i) || s.startsWith("<=", i)
                    || s.startsWith(">=", i)) {
                out.add(new Token(T.OP, s.substring(i, i + 2), col));
                i += 2;
            } else if (c == '<' || c == '>') {
                out.add(new Token(T.OP, String.valueOf(c), col));
                i++;
            } else if (c == '!') {
                out.add(new Token(T.NOT, "!", col));
                i++;
            } else {
                throw new RuleSyntaxException("unexpected character '" + c + "'", col);
            }
        }
        out.add(new Token(T.END, "", n + 1));
        return out;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private Token expect(T type, String what) {
        Token t = next();
        if (t.type != type) {
            throw new RuleSyntaxException("expected " + what + " but found " + t.show(), t.column);
        }
        return t;
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>();
        parts.add(and());
        while (peek().type == T.OR) {
            next();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>();
        parts.add(unary());
        while (peek().type == T.AND) {
            next();
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr unary() {
        if (peek().type == T.NOT) {
            next();
            return new Expr.Not(unary());
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        if (t.type == T.LPAREN) {
            next();
            Expr e = or();
            expect(T.RPAREN, "')'");
            return e;
        }
        if (t.type != T.IDENT) {
            throw new RuleSyntaxException("expected a comparison but found " + t.show(), t.column);
        }
        boolean call = tokens.get(pos + 1).type == T.LPAREN;
        if (call && t.text.equals("rank")) {
            return rank();
        }
        if (call && t.text.equals("set")) {
            next();
            next();
            FieldRef f = field();
            expect(T.RPAREN, "')'");
            return new Expr.IsSet(f);
        }
        if (t.text.equals("true") || t.text.equals("false")) {
            next();
            return new Expr.Const(TriState.of(t.text.equals("true")));
        }
        int fieldColumn = t.column;
        FieldRef f = field();
        Token op = next();
        if (op.type == T.OP && (op.text.equals("==") || op.text.equals("!="))) {
            comparable(f, op);
            return new Expr.Compare(f, Set.of(value(f)), op.text.equals("!="));
        }
        if (op.type == T.IDENT && op.text.equals("in")) {
            comparable(f, op);
            expect(T.LBRACK, "'['");
            Set<String> ids = new LinkedHashSet<>();
            ids.add(value(f));
            while (peek().type == T.COMMA) {
                next();
                ids.add(value(f));
            }
            expect(T.RBRACK, "']'");
            return new Expr.Compare(f, ids, false);
        }
        if (op.type == T.IDENT && op.text.equals("contains")) {
            if (f.kind() != PrimitiveKind.MULTI) {
                throw new RuleSyntaxException("contains on field " + f.field() + ", which is not multi-select,",
                        op.column);
            }
            return new Expr.Contains(f, value(f));
        }
        throw new RuleSyntaxException("expected '==', '!=', 'in' or 'contains' after field " + f.field()
                + " (column " + fieldColumn + ") but found " + op.show(), op.column);
    }

    private void comparable(FieldRef f, Token op) {
        if (f.kind() == PrimitiveKind.MULTI) {
            throw new RuleSyntaxException("'" + op.text + "' on multi-select field " + f.field()
                    + " (use contains)", op.column);
        }
        if (f.kind() == PrimitiveKind.TEXT) {
            throw new RuleSyntaxException("'" + op.text + "' on text field " + f.field() + " (only set() applies)",
                    op.column);
        }
    }

    private Expr rank() {
        next();
        next();
        FieldRef a = rankField();
        expect(T.RPAREN, "')'");
        Token op = next();
        if (op.type != T.OP) {
            throw new RuleSyntaxException("expected a comparison operator after rank(" + a.field() + ") but found "
                    + op.show(), op.column);
        }
        Token r = next();
        if (r.type != T.IDENT || !r.text.equals("rank") || peek().type != T.LPAREN) {
            throw new RuleSyntaxException("expected 'rank(' but found " + r.show(), r.column);
        }
        next();
        Token bTok = peek();
        FieldRef b = rankField();
        expect(T.RPAREN, "')'");
        if (!a.group().id().equals(b.group().id())) {
            throw new RuleSyntaxException("rank() compares fields of different groups (" + a.group().id() + ", "
                    + b.group().id() + ")", bTok.column);
        }
        return new Expr.RankCompare(a, op.text, b);
    }

    private FieldRef rankField() {
        Token t = peek();
        FieldRef f = field();
        if (!f.group().ordered()) {
            throw new RuleSyntaxException("rank() on field " + f.field() + " of unordered group " + f.group().id(),
                    t.column);
        }
        return f;
    }

    private FieldRef field() {
        Token t = next();
        if (t.type != T.IDENT) {
            throw new RuleSyntaxException("expected a field name but found " + t.show(), t.column);
        }
        FieldRef f = fields.get(t.text);
        if (f == null) {
            throw new RuleSyntaxException("unknown field '" + t.text + "'", t.column, t.text);
        }
        return f;
    }

    private String value(FieldRef f) {
        Token t = next();
        if (t.type != T.IDENT && t.type != T.STRING) {
            throw new RuleSyntaxException("expected a value of field " + f.field() + " but found " + t.show(),
                    t.column);
        }
        boolean ok = f.kind() == PrimitiveKind.BOOLEAN ? t.text.equals("true") || t.text.equals("false")
                : f.group().hasValue(t.text);
        if (!ok) {
            throw new RuleSyntaxException("unknown value '" + t.text + "' for field " + f.field(), t.column);
        }
        return t.text;
    }
}
