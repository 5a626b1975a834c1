// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A compiled rule expression (see docs/specification-format.md, "Expressions"), evaluated three-valued over a
 * {@link LabelValues} assignment. Built by {@link RuleParser}, which has already checked fields and values.
 */
public sealed interface Expr permits Expr.Const, Expr.Not, Expr.And, Expr.Or, Expr.Compare, Expr.Contains,
        Expr.RankCompare, Expr.IsSet {

    TriState eval(LabelValues values);

    /** The stored fields this expression reads, in the order they appear (each once). */
    default Set<String> fields() {
        Set<String> out = new LinkedHashSet<>();
        collectFields(this, out);
        return out;
    }

    private static void collectFields(Expr e, Set<String> out) {
        if (e instanceof Not n) {
            collectFields(n.operand(), out);
        } else if (e instanceof And a) {
            a.operands().forEach(x -> collectFields(x, out));
        } else if (e instanceof Or o) {
            o.operands().forEach(x -> collectFields(x, out));
        } else if (e instanceof Compare c) {
            out.add(c.field().field());
        } else if (e instanceof Contains c) {
            out.add(c.field().field());
        } else if (e instanceof RankCompare r) {
            out.add(r.left().field());
            out.add(r.right().field());
        } else if (e instanceof IsSet i) {
            out.add(i.field().field());
        }
    }

    /** {@code true} / {@code false}. */
    record Const(TriState value) implements Expr {
        @Override
        public TriState eval(LabelValues values) {
            return value;
        }

        @Override
        public String toString() {
            return value == TriState.YES ? "true" : "false";
        }
    }

    /** {@code !e}. */
    record Not(Expr operand) implements Expr {
        @Override
        public TriState eval(LabelValues values) {
            return operand.eval(values).not();
        }

        @Override
        public String toString() {
            return "!" + operand;
        }
    }

    /** {@code a && b && ...}; stops at the first NO. */
    record And(List<Expr> operands) implements Expr {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public TriState eval(LabelValues values) {
            TriState r = TriState.YES;
            for (Expr e : operands) {
                r = r.and(e.eval(values));
                if (r == TriState.NO) {
                    return r;
                }
            }
            return r;
        }

        @Override
        public String toString() {
            return operands.stream().map(Object::toString).collect(Collectors.joining(" && ", "(", ")"));
        }
    }

    /** {@code a || b || ...}; stops at the first YES. */
    record Or(List<Expr> operands) implements Expr {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public TriState eval(LabelValues values) {
            TriState r = TriState.NO;
            for (Expr e : operands) {
                r = r.or(e.eval(values));
                if (r == TriState.YES) {
                    return r;
                }
            }
            return r;
        }

        @Override
        public String toString() {
            return operands.stream().map(Object::toString).collect(Collectors.joining(" || ", "(", ")"));
        }
    }

    /**
     * {@code F == v}, {@code F != v} ({@code negated}) and {@code F in [a, b]} on single, start_end and boolean
     * fields. Unset is UNKNOWN; a stored {@code unknown} is UNKNOWN unless the rule names {@code unknown}.
     */
    record Compare(FieldRef field, Set<String> valueIds, boolean negated) implements Expr {
        public Compare {
            valueIds = Set.copyOf(valueIds);
        }

        @Override
        public TriState eval(LabelValues values) {
            String v = values.scalar(field.field());
            if (v == null) {
                return TriState.UNKNOWN;
            }
            if (PrimitiveValue.UNKNOWN.equals(v) && !valueIds.contains(PrimitiveValue.UNKNOWN)) {
                return TriState.UNKNOWN;
            }
            boolean match = valueIds.contains(v);
            return TriState.of(negated != match);
        }

        @Override
        public String toString() {
            if (valueIds.size() == 1) {
                return field.field() + (negated ? " != " : " == ") + valueIds.iterator().next();
            }
            return field.field() + " in " + valueIds.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** {@code F contains v} on a multi field. A set holding {@code unknown} but not v is UNKNOWN. */
    record Contains(FieldRef field, String valueId) implements Expr {
        @Override
        public TriState eval(LabelValues values) {
            Set<String> set = values.multi(field.field());
            if (set == null) {
                return TriState.UNKNOWN;
            }
            if (set.contains(valueId)) {
                return TriState.YES;
            }
            return set.contains(PrimitiveValue.UNKNOWN) ? TriState.UNKNOWN : TriState.NO;
        }

        @Override
        public String toString() {
            return field.field() + " contains " + valueId;
        }
    }

    /** {@code rank(A) op rank(B)} on two fields of one ordered group; unset or unknown is UNKNOWN. */
    record RankCompare(FieldRef left, String op, FieldRef right) implements Expr {
        @Override
        public TriState eval(LabelValues values) {
            String a = values.scalar(left.field());
            String b = values.scalar(right.field());
            if (a == null || b == null || PrimitiveValue.UNKNOWN.equals(a) || PrimitiveValue.UNKNOWN.equals(b)) {
                return TriState.UNKNOWN;
            }
            int c = Integer.compare(left.group().rank(a), right.group().rank(b));
            boolean r = switch (op) {
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                case "==" -> c == 0;
                case "!=" -> c != 0;
                default -> throw new IllegalStateException("operator " + op);
            };
            return TriState.of(r);
        }

        @Override
        public String toString() {
            return "rank(" + left.field() + ") " + op + " rank(" + right.field() + ")";
        }
    }

    /**
     * {@code set(F)}: YES when the field has a value other than {@code unknown} (a multi set without
     * {@code unknown}, a text that is not blank), otherwise NO; never UNKNOWN.
     */
    record IsSet(FieldRef field) implements Expr {
        @Override
        public TriState eval(LabelValues values) {
            return switch (field.kind()) {
                case MULTI -> {
                    Set<String> s = values.multi(field.field());
                    yield TriState.of(s != null && !s.contains(PrimitiveValue.UNKNOWN));
                }
                case TEXT -> {
                    String t = values.scalar(field.field());
                    yield TriState.of(t != null && !t.isBlank());
                }
                default -> {
                    String v = values.scalar(field.field());
                    yield TriState.of(v != null && !PrimitiveValue.UNKNOWN.equals(v));
                }
            };
        }

        @Override
        public String toString() {
            return "set(" + field.field() + ")";
        }
    }
}
