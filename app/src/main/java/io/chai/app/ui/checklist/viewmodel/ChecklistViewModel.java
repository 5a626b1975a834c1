// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import io.chai.app.ui.edit.EditHistory;
import io.chai.model.spec.DerivedLabel;
import io.chai.model.spec.DerivedLabels;
import io.chai.model.spec.Form;
import io.chai.model.spec.LabelValues;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import io.chai.model.spec.UncertaintyEffect;
import io.chai.model.spec.UncertaintyRule;
import io.chai.model.spec.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The primitive checklist of one clip as a view model: the specification's forms and groups, the answers
 * (field → stored value: a value id, a Boolean, a Set of value ids, or text), and everything derived from them
 * live: validation messages, which groups an uncertainty rule greys out, completeness, saved/unsaved state.
 * Every edit goes through {@link #set} and is undoable.
 *
 * <p>Boolean groups are tri-state on the form: yes ({@code true}), no ({@code false}) or unsure, kept as the
 * value id {@code unknown}; the specification only knows true/false, so unsure is passed to it as unset.
 */
public final class ChecklistViewModel {
    /** One labeling form and its groups in file order ('describe if complex' text groups sit with their owners). */
    public record Section(Form form, List<GroupViewModel> groups) {
    }

    private final Specification spec;
    private final EditHistory history;
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, GroupViewModel> byField = new HashMap<>();
    private final Map<String, GroupViewModel> byGroupId = new LinkedHashMap<>();
    private final Map<String, Set<String>> labelFields = new HashMap<>();
    private final List<String> requiredFields = new ArrayList<>();

    private final ObservableMap<String, Object> answers = FXCollections.observableHashMap();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    // read-only views created once: the wrappers hold their listeners weakly, so a wrapper per call would lose them
    private final ObservableMap<String, Object> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyDoubleWrapper completeness = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper answeredCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper savedRevision = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<GroupViewModel> selected = new SimpleObjectProperty<>();

    public ChecklistViewModel(Specification spec, EditHistory history) {
        this.spec = Objects.requireNonNull(spec);
        this.history = Objects.requireNonNull(history);
        // a 'describe if complex' text group is shown once, under the last group (in form order) that refers to it
        Set<String> describeTexts = new HashSet<>();
        Map<String, String> describeOwner = new HashMap<>();
        for (PrimitiveGroup g : spec.groups()) {
            if (g.describeIfComplex() != null) {
                describeTexts.add(g.describeIfComplex());
                describeOwner.put(g.describeIfComplex(), g.id());
            }
        }
        for (Form form : spec.forms()) {
            List<GroupViewModel> gs = new ArrayList<>();
            for (PrimitiveGroup g : spec.groupsOfForm(form.id())) {
                if (describeTexts.contains(g.id())) {
                    continue;
                }
                PrimitiveGroup text = g.describeIfComplex() == null
                        || !g.id().equals(describeOwner.get(g.describeIfComplex())) ? null
                        : spec.group(g.describeIfComplex()).orElse(null);
                GroupViewModel vm = new GroupViewModel(g, text);
                gs.add(vm);
                byGroupId.put(g.id(), vm);
                g.fields().forEach(f -> byField.put(f, vm));
                if (text != null) {
                    text.fields().forEach(f -> byField.put(f, vm));
                }
                if (g.kind() != PrimitiveKind.TEXT) {
                    requiredFields.addAll(g.fields());
                }
            }
            sections.add(new Section(form, List.copyOf(gs)));
        }
        for (DerivedLabel l : spec.labels()) {
            labelFields.put(l.id(), l.fields());
        }
        if (!byGroupId.isEmpty()) {
            selected.set(byGroupId.values().iterator().next());
        }
        recompute();
    }

    public Specification specification() {
        return spec;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /** Every group view model in form order. */
    public List<GroupViewModel> groups() {
        return List.copyOf(byGroupId.values());
    }

    public Optional<GroupViewModel> group(String groupId) {
        return Optional.ofNullable(byGroupId.get(groupId));
    }

    public EditHistory history() {
        return history;
    }

    // ---- answers ---------------------------------------------------------------------------------------

    /** The answers (read-only; edit through {@link #set}). */
    public ObservableMap<String, Object> answers() {
        return answersView;
    }

    public Object get(String field) {
        return answers.get(field);
    }

    /**
     * Sets (or with {@code null} clears) one field as an undoable edit. Throws IllegalArgumentException with a
     * one-line message for an unknown field or a value the field cannot take; nothing changes then.
     */
    public void set(String field, Object value) {
        Object v = checked(field, value);
        Object before = answers.get(field);
        if (Objects.equals(before, v)) {
            return;
        }
        apply(field, v);
        history.done(new FieldEdit(field, before, v));
    }

    /** Replaces all answers (e.g. loaded from the store): not undoable, clears the history, counts as saved. */
    public void load(Map<String, ?> stored) {
        Map<String, Object> checked = new LinkedHashMap<>();
        stored.forEach((f, v) -> {
            if (!f.endsWith("_was_na")) {
                checked.put(f, checked(f, v));
            }
        });
        answers.clear();
        checked.forEach((f, v) -> {
            if (v != null) {
                answers.put(f, v);
            }
        });
        history.clear();
        revision.set(revision.get() + 1);
        savedRevision.set(revision.get());
        recompute();
    }

    /** A copy of the answers in the stored form the specification accepts (unsure booleans left out). */
    public Map<String, Object> specValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        answers.forEach((f, v) -> {
            PrimitiveGroup g = spec.groupByField(f).orElseThrow();
            if (g.kind() == PrimitiveKind.BOOLEAN && PrimitiveValue.UNKNOWN.equals(v)) {
                return;
            }
            out.put(f, v);
        });
        return out;
    }

    /** A copy of every answer as edited, unsure booleans included (what autosave writes). */
    public Map<String, Object> snapshot() {
        return new LinkedHashMap<>(answers);
    }

    // ---- suggestions -----------------------------------------------------------------------------------

    /** Shows an analyzer's suggestion next to the field's control (replacing an older one for that field). */
    public void offerSuggestion(Suggestion s) {
        Object v = checked(s.field(), s.value());
        GroupViewModel g = byField.get(s.field());
        g.mutableSuggestions().put(s.field(), new Suggestion(s.field(), v, s.source(), s.confidence(), s.detail()));
    }

    /**
     * Replaces every pending suggestion with {@code all} (e.g. a new analysis of the clip). Each is checked like
     * {@link #offerSuggestion}; one that does not fit its field is refused before anything changes.
     */
    public void replaceSuggestions(List<Suggestion> all) {
        List<Suggestion> checkedAll = new ArrayList<>();
        for (Suggestion s : all) {
            checkedAll.add(new Suggestion(s.field(), checked(s.field(), s.value()), s.source(), s.confidence(),
                    s.detail()));
        }
        for (GroupViewModel g : byGroupId.values()) {
            g.mutableSuggestions().clear();
        }
        checkedAll.forEach(s -> byField.get(s.field()).mutableSuggestions().put(s.field(), s));
    }

    /**
     * Accepts every pending suggestion of group {@code groupId} as one undoable edit (undo restores all its fields);
     * false when the group has none.
     */
    public boolean acceptGroupSuggestions(String groupId) {
        GroupViewModel g = byGroupId.get(groupId);
        if (g == null || g.suggestions().isEmpty()) {
            return false;
        }
        List<FieldEdit> edits = new ArrayList<>();
        for (Suggestion s : List.copyOf(g.mutableSuggestions().values())) {
            Object before = answers.get(s.field());
            if (!Objects.equals(before, s.value())) {
                edits.add(new FieldEdit(s.field(), before, s.value()));
            }
        }
        g.mutableSuggestions().clear();
        if (edits.isEmpty()) {
            return true;
        }
        edits.forEach(EditHistory.Edit::redo);
        history.done(new EditHistory.Edit() {
            @Override
            public String description() {
                return "accept suggestion for " + g.group().name();
            }

            @Override
            public void undo() {
                for (int i = edits.size() - 1; i >= 0; i--) {
                    edits.get(i).undo();
                }
            }

            @Override
            public void redo() {
                edits.forEach(EditHistory.Edit::redo);
            }
        });
        return true;
    }

    /** Dismisses every pending suggestion of group {@code groupId}. */
    public void dismissGroupSuggestions(String groupId) {
        GroupViewModel g = byGroupId.get(groupId);
        if (g != null) {
            g.mutableSuggestions().clear();
        }
    }

    /** Accepts the pending suggestion for {@code field} as an undoable edit; false when there is none. */
    public boolean acceptSuggestion(String field) {
        GroupViewModel g = byField.get(field);
        Suggestion s = g == null ? null : g.mutableSuggestions().remove(field);
        if (s == null) {
            return false;
        }
        set(field, s.value());
        return true;
    }

    public void dismissSuggestion(String field) {
        GroupViewModel g = byField.get(field);
        if (g != null) {
            g.mutableSuggestions().remove(field);
        }
    }

    // ---- derived state ---------------------------------------------------------------------------------

    /** Messages of the validations the answers violate (warnings: they never block saving). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** Answered required fields / required fields (text fields are optional), 0..1. */
    public ReadOnlyDoubleProperty completenessProperty() {
        return completeness.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty answeredCountProperty() {
        return answeredCount.getReadOnlyProperty();
    }

    public int requiredCount() {
        return requiredFields.size();
    }

    /** The group whose tutorial card is shown (follows keyboard focus in the view). */
    public ObjectProperty<GroupViewModel> selectedProperty() {
        return selected;
    }

    // ---- saved state -----------------------------------------------------------------------------------

    /** True when there are edits not yet saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Increments on every change of the answers. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Marks {@code savedRev} (the revision whose snapshot was written) as saved. */
    public void markSaved(long savedRev) {
        savedRevision.set(Math.max(savedRevision.get(), savedRev));
        dirty.set(revision.get() != savedRevision.get());
    }

    // ---- internals -------------------------------------------------------------------------------------

    private Object checked(String field, Object value) {
        PrimitiveGroup g = spec.groupByField(field).orElseThrow(
                () -> new IllegalArgumentException("no field '" + field + "' in specification " + spec.id()));
        if (value == null) {
            return null;
        }
        switch (g.kind()) {
            case BOOLEAN -> {
                if (value instanceof Boolean || PrimitiveValue.UNKNOWN.equals(value)) {
                    return value;
                }
                if ("true".equals(value) || "false".equals(value)) {
                    return Boolean.valueOf((String) value);
                }
                throw new IllegalArgumentException(field + ": expected yes, no or unsure but got '" + value + "'");
            }
            case TEXT -> {
                if (value instanceof String s) {
                    return s.isBlank() ? null : s;
                }
                throw new IllegalArgumentException(field + ": expected text");
            }
            case MULTI -> {
                if (!(value instanceof Collection<?> c)) {
                    throw new IllegalArgumentException(field + ": expected a set of values");
                }
                Set<String> ids = new LinkedHashSet<>();
                for (PrimitiveValue pv : g.values()) {
                    if (c.contains(pv.id())) {
                        ids.add(pv.id());
                    }
                }
                if (ids.size() != c.size()) {
                    throw new IllegalArgumentException(field + ": " + c + " holds a value that group " + g.id()
                            + " does not have");
                }
                return Set.copyOf(ids);
            }
            default -> {
                if (value instanceof String s && g.hasValue(s)) {
                    return s;
                }
                throw new IllegalArgumentException(field + ": '" + value + "' is not a value of group " + g.id());
            }
        }
    }

    private void apply(String field, Object v) {
        if (v == null) {
            answers.remove(field);
        } else {
            answers.put(field, v);
        }
        revision.set(revision.get() + 1);
        recompute();
    }

    private void recompute() {
        LabelValues lv = LabelValues.normalize(spec, specValues());
        // uncertainty: fields read by labels that an applied rule targets
        DerivedLabels derived = spec.derive(lv);
        Map<String, String> reasons = new HashMap<>();
        for (UncertaintyRule rule : spec.uncertaintyRules()) {
            if (!derived.applied().contains(rule.id())) {
                continue;
            }
            for (DerivedLabel label : spec.labels()) {
                if (rule.targets(label)) {
                    for (String f : labelFields.getOrDefault(label.id(), Set.of())) {
                        reasons.putIfAbsent(f, (rule.effect() == UncertaintyEffect.ALL_UNKNOWN
                                ? "answers here count as unknown: " : "a 'no' here counts as unknown: ")
                                + rule.description());
                    }
                }
            }
        }
        int answeredN = 0;
        for (String f : requiredFields) {
            if (answers.containsKey(f) || lv.asMap().containsKey(f)) {
                answeredN++;
            }
        }
        for (GroupViewModel g : byGroupId.values()) {
            String reason = null;
            for (String f : g.group().fields()) {
                if (reasons.containsKey(f)) {
                    reason = reasons.get(f);
                    break;
                }
            }
            g.setUncertainReason(reason);
            boolean all = true;
            for (String f : g.group().fields()) {
                all &= answers.containsKey(f) || lv.asMap().containsKey(f);
            }
            g.setAnswered(all);
        }
        List<String> msgs = new ArrayList<>();
        for (Validation v : spec.violations(specValues())) {
            msgs.add(v.message());
        }
        if (!msgs.equals(problems)) {
            problems.setAll(msgs);
        }
        answeredCount.set(answeredN);
        completeness.set(requiredFields.isEmpty() ? 1.0 : (double) answeredN / requiredFields.size());
        dirty.set(revision.get() != savedRevision.get());
    }

    private final class FieldEdit implements EditHistory.Edit {
        private final String field;
        private final Object before;
        private final Object after;

        FieldEdit(String field, Object before, Object after) {
            this.field = field;
            this.before = before;
            this.after = after;
        }

        @Override
        public String description() {
            PrimitiveGroup g = spec.groupByField(field).orElseThrow();
            return "set " + g.name() + (g.fields().size() > 1 ? " (" + field + ")" : "");
        }

        @Override
        public void undo() {
            apply(field, before);
        }

        @Override
        public void redo() {
            apply(field, after);
        }
    }
}
