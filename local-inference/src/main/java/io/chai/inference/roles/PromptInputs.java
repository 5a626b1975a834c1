// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.spec.Aspect;
import io.chai.model.spec.AspectPolicy;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The texts that fill the prompt templates' variables: an aspect's caption policy, the clip's primitive facts for
 * the aspect's {@code primitiveContext}, and the earlier aspects' approved captions.
 */
public final class PromptInputs {
    private PromptInputs() {
    }

    /** The aspect's policy: summary, numbered rules, then the common rules. */
    public static String policy(Specification spec, Aspect aspect) {
        AspectPolicy p = spec.policy().forAspect(aspect.id());
        StringBuilder sb = new StringBuilder(p.summary().strip());
        if (!p.rules().isEmpty()) {
            sb.append("\nRules:");
            for (int i = 0; i < p.rules().size(); i++) {
                sb.append('\n').append(i + 1).append(". ").append(p.rules().get(i));
            }
        }
        if (!spec.policy().common().isEmpty()) {
            sb.append("\nGeneral rules:");
            for (String c : spec.policy().common()) {
                sb.append("\n- ").append(c);
            }
        }
        return sb.toString();
    }

    /**
     * One line per answered primitive of the aspect's {@code primitiveContext}, e.g. {@code Shot size: Medium shot
     * at the start, Close-up at the end}. Unanswered, N/A ({@code unknown}) and unsure answers are left out: they
     * are not facts.
     */
    public static List<String> primitiveFacts(Specification spec, Aspect aspect, PrimitiveLabels labels) {
        List<String> out = new ArrayList<>();
        if (labels == null) {
            return out;
        }
        for (String groupId : aspect.primitiveContext()) {
            PrimitiveGroup g = spec.group(groupId).orElseThrow(() -> new RoleException("Aspect '" + aspect.id()
                    + "' names primitive group '" + groupId + "', which the specification does not define."));
            String key = g.kind() == PrimitiveKind.START_END ? stem(g.startField()) : g.startField();
            LabelValue v = labels.values().get(key);
            String fact = fact(g, v);
            if (fact != null) {
                out.add(fact);
            }
        }
        return out;
    }

    private static String stem(String startField) {
        return startField.endsWith("_start") ? startField.substring(0, startField.length() - "_start".length())
                : startField;
    }

    private static String fact(PrimitiveGroup g, LabelValue v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LabelValue.Choice c) {
            return c.valueId().equals(PrimitiveValue.UNKNOWN) ? null : g.name() + ": " + label(g, c.valueId());
        }
        if (v instanceof LabelValue.TriState t) {
            return switch (t.value()) {
                case YES -> g.name() + ": yes";
                case NO -> g.name() + ": no";
                case UNSURE -> null;
            };
        }
        if (v instanceof LabelValue.StartEnd se) {
            if (se.start().equals(PrimitiveValue.UNKNOWN)) {
                return null;
            }
            if (se.endUnchanged() || se.end().equals(se.start())) {
                return g.name() + ": " + label(g, se.start()) + " throughout";
            }
            return g.name() + ": " + label(g, se.start()) + " at the start, " + label(g, se.end()) + " at the end";
        }
        if (v instanceof LabelValue.MultiChoice m) {
            List<String> labels = new ArrayList<>();
            for (String id : m.valueIds()) {
                if (!id.equals(PrimitiveValue.UNKNOWN)) {
                    labels.add(label(g, id));
                }
            }
            if (labels.isEmpty()) {
                return m.valueIds().isEmpty() ? g.name() + ": none" : null;
            }
            return g.name() + ": " + String.join(", ", labels);
        }
        if (v instanceof LabelValue.FreeText f) {
            return f.text().isBlank() ? null : g.name() + ": " + f.text().strip();
        }
        return null;
    }

    private static String label(PrimitiveGroup g, String valueId) {
        return g.value(valueId).map(PrimitiveValue::label).orElse(valueId);
    }

    /**
     * One line per aspect this one depends on, e.g. {@code Subject: A woman in a yellow raincoat ...}; every
     * dependency must have an approved caption.
     */
    public static List<String> approvedCaptions(Specification spec, Aspect aspect, Map<String, String> approved) {
        List<String> out = new ArrayList<>();
        for (String dep : aspect.dependsOn()) {
            String text = approved == null ? null : approved.get(dep);
            String name = spec.aspect(dep).map(Aspect::name).orElse(dep);
            if (text == null || text.isBlank()) {
                throw new RoleException("Cannot pre-caption " + aspect.name() + ": the " + name
                        + " caption is not approved yet.");
            }
            out.add(name + ": " + text.strip());
        }
        return out;
    }
}
