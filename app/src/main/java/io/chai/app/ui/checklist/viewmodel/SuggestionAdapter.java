// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import io.chai.model.spec.DerivedLabel;
import io.chai.model.spec.Expr;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import io.chai.model.spec.TriState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns analyzer evidence about derived labels ("has_pan_right holds, confidence 0.93") into answers for the
 * checklist's form fields: the simplest answers under which the specification derives the label as claimed. For a
 * label that holds, its {@code pos} expression is made true; for one that does not, its {@code neg} expression.
 *
 * <p>How an expression is made true: {@code F == v} sets F to v; {@code F in [a, b]} sets F to the first of them in
 * the group's value order (the mildest for an ordered group, e.g. steadiness {@code unsteady} before
 * {@code very_unsteady}); {@code F != v} sets F only when exactly one other value (besides unknown) is left; {@code F
 * contains v} adds v to the current set; {@code a && b} needs both (contradicting answers: no suggestion); {@code a
 * || b} takes the first alternative that can be made true. {@code set(F)}, rank comparisons and other negations
 * name no single answer and give no suggestion. Nothing is ever written as an answer here: the result is offered
 * to the annotator, who accepts or dismisses it.
 */
public final class SuggestionAdapter {
    private final Specification spec;

    public SuggestionAdapter(Specification spec) {
        this.spec = Objects.requireNonNull(spec);
    }

    /**
     * The field suggestions for {@code evidence} given the current answers: one per field (the most confident
     * evidence wins a field), none for a field already answered that way, in the order of the evidence.
     */
    public List<Suggestion> suggestions(List<LabelEvidence> evidence, Map<String, ?> answers) {
        List<LabelEvidence> ordered = new ArrayList<>(evidence);
        ordered.sort(Comparator.comparingDouble(LabelEvidence::confidence).reversed());
        Map<String, Suggestion> byField = new LinkedHashMap<>();
        for (LabelEvidence e : ordered) {
            Optional<Map<String, Object>> assignment = answersFor(e.labelId(), e.holds());
            if (assignment.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Object> a : assignment.get().entrySet()) {
                String field = a.getKey();
                Object value = a.getValue();
                Object current = answers.get(field);
                if (value instanceof Set<?> add) {
                    Set<Object> merged = new LinkedHashSet<>();
                    if (current instanceof Collection<?> c) {
                        merged.addAll(c);
                    }
                    merged.remove(PrimitiveValue.UNKNOWN);
                    if (merged.containsAll(add)) {
                        continue;
                    }
                    merged.addAll(add);
                    value = Set.copyOf(merged);
                } else if (Objects.equals(current, value)) {
                    continue;
                }
                byField.putIfAbsent(field, new Suggestion(field, value, e.source(), e.confidence(), e.detail()));
            }
        }
        return List.copyOf(byField.values());
    }

    /**
     * The answers (field → stored value; a multi field's value is the set of ids to add) under which label
     * {@code labelId} derives YES ({@code holds}) or NO; empty when the label is unknown or its rule names no single
     * answer.
     */
    public Optional<Map<String, Object>> answersFor(String labelId, boolean holds) {
        Optional<DerivedLabel> label = spec.label(labelId);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        return satisfy(holds ? label.get().pos() : label.get().neg(), out) ? Optional.of(out) : Optional.empty();
    }

    private boolean satisfy(Expr e, Map<String, Object> out) {
        if (e instanceof Expr.Const c) {
            return c.value() == TriState.YES;
        }
        if (e instanceof Expr.And a) {
            Map<String, Object> trial = new LinkedHashMap<>(out);
            for (Expr x : a.operands()) {
                if (!satisfy(x, trial)) {
                    return false;
                }
            }
            out.clear();
            out.putAll(trial);
            return true;
        }
        if (e instanceof Expr.Or o) {
            for (Expr x : o.operands()) {
                Map<String, Object> trial = new LinkedHashMap<>(out);
                if (satisfy(x, trial)) {
                    out.clear();
                    out.putAll(trial);
                    return true;
                }
            }
            return false;
        }
        if (e instanceof Expr.Not n && n.operand() instanceof Expr.Compare c) {
            return assign(c.field().field(), c.field().group(), c.valueIds(), !c.negated(), out);
        }
        if (e instanceof Expr.Compare c) {
            return assign(c.field().field(), c.field().group(), c.valueIds(), c.negated(), out);
        }
        if (e instanceof Expr.Contains c) {
            Object before = out.get(c.field().field());
            Set<String> ids = new LinkedHashSet<>();
            if (before instanceof Set<?> s) {
                s.forEach(x -> ids.add(x.toString()));
            } else if (before != null) {
                return false;
            }
            ids.add(c.valueId());
            out.put(c.field().field(), Set.copyOf(ids));
            return true;
        }
        return false;
    }

    private static boolean assign(String field, PrimitiveGroup g, Set<String> ids, boolean negated,
            Map<String, Object> out) {
        List<String> candidates = new ArrayList<>();
        if (g.kind() == PrimitiveKind.BOOLEAN) {
            for (String v : List.of("true", "false")) {
                if (ids.contains(v) != negated) {
                    candidates.add(v);
                }
            }
        } else {
            for (PrimitiveValue v : g.values()) {
                if (ids.contains(v.id()) != negated && !(negated && v.isUnknown())) {
                    candidates.add(v.id());
                }
            }
        }
        if (candidates.isEmpty() || (negated && candidates.size() != 1)) {
            return false;
        }
        Object value = g.kind() == PrimitiveKind.BOOLEAN ? (Object) Boolean.valueOf(candidates.get(0))
                : candidates.get(0);
        Object before = out.get(field);
        if (before != null && !before.equals(value)) {
            return false;
        }
        out.put(field, value);
        return true;
    }
}
