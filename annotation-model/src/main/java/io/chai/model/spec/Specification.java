// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated caption specification (immutable). Built only by the loader ({@link Specifications}), which
 * guarantees every invariant of docs/specification-format.md: five aspects in fixed order, unique ids, resolved
 * references, compiled rules and expanded label families.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "version", "title", "sentinel", "aspects", "forms", "groups", "validations",
    "uncertaintyRules", "labels", "policy", "templates"})
public final class Specification {
    private final String id;
    private final SemanticVersion version;
    private final String title;
    private final String sentinel;
    private final List<Aspect> aspects;
    private final List<Form> forms;
    private final List<PrimitiveGroup> groups;
    private final List<Validation> validations;
    private final List<UncertaintyRule> uncertaintyRules;
    private final List<DerivedLabel> labels;
    private final CaptionPolicy policy;
    private final List<PromptTemplate> templates;

    @JsonIgnore
    private final transient Map<String, PrimitiveGroup> groupsById = new LinkedHashMap<>();
    @JsonIgnore
    private final transient Map<String, FieldRef> fieldsByName = new LinkedHashMap<>();
    @JsonIgnore
    private final transient Map<String, DerivedLabel> labelsById = new LinkedHashMap<>();
    @JsonIgnore
    private final transient Map<String, Aspect> aspectsById = new LinkedHashMap<>();
    @JsonIgnore
    private final transient Map<String, PromptTemplate> templatesById = new LinkedHashMap<>();
    /** Label id → position in {@link #labels}. */
    @JsonIgnore
    private final transient Map<String, Integer> labelIndex = new LinkedHashMap<>();
    /** Per uncertainty rule (same order), the positions of the labels it targets. */
    @JsonIgnore
    private final transient List<int[]> ruleTargets = new ArrayList<>();

    Specification(String id, SemanticVersion version, String title, String sentinel, List<Aspect> aspects,
            List<Form> forms, List<PrimitiveGroup> groups, List<Validation> validations,
            List<UncertaintyRule> uncertaintyRules, List<DerivedLabel> labels, CaptionPolicy policy,
            List<PromptTemplate> templates) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.sentinel = sentinel;
        this.aspects = List.copyOf(aspects);
        this.forms = List.copyOf(forms);
        this.groups = List.copyOf(groups);
        this.validations = List.copyOf(validations);
        this.uncertaintyRules = List.copyOf(uncertaintyRules);
        this.labels = List.copyOf(labels);
        this.policy = policy;
        this.templates = List.copyOf(templates);
        for (PrimitiveGroup g : groups) {
            groupsById.put(g.id(), g);
            for (String f : g.fields()) {
                fieldsByName.put(f, new FieldRef(f, g));
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            labelsById.put(labels.get(i).id(), labels.get(i));
            labelIndex.put(labels.get(i).id(), i);
        }
        for (UncertaintyRule r : uncertaintyRules) {
            ruleTargets.add(java.util.stream.IntStream.range(0, labels.size()).filter(i -> r.targets(labels.get(i)))
                    .toArray());
        }
        aspects.forEach(a -> aspectsById.put(a.id(), a));
        templates.forEach(t -> templatesById.put(t.id(), t));
    }

    public String id() {
        return id;
    }

    public SemanticVersion version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** The fixed "no edits needed" critique sentence. */
    public String sentinel() {
        return sentinel;
    }

    /** The five aspects in their fixed order. */
    public List<Aspect> aspects() {
        return aspects;
    }

    public List<Form> forms() {
        return forms;
    }

    public List<PrimitiveGroup> groups() {
        return groups;
    }

    public List<Validation> validations() {
        return validations;
    }

    public List<UncertaintyRule> uncertaintyRules() {
        return uncertaintyRules;
    }

    /** Every derived yes/no label, families expanded, in file order. */
    public List<DerivedLabel> labels() {
        return labels;
    }

    public CaptionPolicy policy() {
        return policy;
    }

    public List<PromptTemplate> templates() {
        return templates;
    }

    public Optional<Aspect> aspect(String aspectId) {
        return Optional.ofNullable(aspectsById.get(aspectId));
    }

    public Optional<PrimitiveGroup> group(String groupId) {
        return Optional.ofNullable(groupsById.get(groupId));
    }

    /** The group that declares the stored field {@code field}. */
    public Optional<PrimitiveGroup> groupByField(String field) {
        FieldRef f = fieldsByName.get(field);
        return f == null ? Optional.empty() : Optional.of(f.group());
    }

    /** The values a field may take (the group's values; true/false for booleans, none for text). */
    public List<PrimitiveValue> valuesOf(String field) {
        return groupByField(field).map(PrimitiveGroup::values).orElseThrow(
                () -> new IllegalArgumentException("no group declares field " + field));
    }

    /** Every stored field name, in group order. */
    public List<String> fields() {
        return List.copyOf(fieldsByName.keySet());
    }

    public Optional<DerivedLabel> label(String labelId) {
        return Optional.ofNullable(labelsById.get(labelId));
    }

    public Optional<PromptTemplate> template(String templateId) {
        return Optional.ofNullable(templatesById.get(templateId));
    }

    /** The groups of one form, in file order. */
    public List<PrimitiveGroup> groupsOfForm(String formId) {
        return groups.stream().filter(g -> g.form().equals(formId)).toList();
    }

    /**
     * Compiles a rule expression against this specification's fields (e.g. for an ad-hoc filter). Throws
     * {@link RuleSyntaxException} naming the column of the problem.
     */
    public Expr compile(String expression) {
        return RuleParser.parse(expression, Collections.unmodifiableMap(fieldsByName));
    }

    Map<String, FieldRef> fieldRefs() {
        return Collections.unmodifiableMap(fieldsByName);
    }

    /**
     * Derives every yes/no label from stored primitive values: normalises start_end ends, evaluates pos/neg, then
     * applies the uncertainty rules whose condition is YES.
     */
    public DerivedLabels derive(Map<String, ?> stored) {
        return derive(LabelValues.normalize(this, stored));
    }

    /** As {@link #derive(Map)} on already normalised values. */
    public DerivedLabels derive(LabelValues values) {
        int n = labels.size();
        TriState[] base = new TriState[n];
        for (int i = 0; i < n; i++) {
            base[i] = labels.get(i).evaluate(values);
        }
        TriState[] states = base.clone();
        List<String> applied = new ArrayList<>();
        for (int r = 0; r < uncertaintyRules.size(); r++) {
            UncertaintyRule rule = uncertaintyRules.get(r);
            if (rule.when().eval(values) != TriState.YES) {
                continue;
            }
            applied.add(rule.id());
            for (int i : ruleTargets.get(r)) {
                states[i] = rule.effect().apply(states[i]);
            }
        }
        return new DerivedLabels(Collections.unmodifiableMap(labelIndex), states, base, applied);
    }

    /** The validations that the stored values violate (in file order); unknown parts never violate. */
    public List<Validation> violations(Map<String, ?> stored) {
        LabelValues values = LabelValues.normalize(this, stored);
        return validations.stream().filter(v -> v.isViolatedBy(values)).toList();
    }

    @Override
    public String toString() {
        return id + " " + version;
    }
}
