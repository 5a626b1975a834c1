// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import io.chai.model.spec.PrimitiveGroup;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The live state of one primitive group on the form: whether it is answered, whether an uncertainty rule
 * currently makes its answers count as unknown (greyed, with the rule's description as the reason), and the
 * analyzers' suggestions for its fields. Updated by {@link ChecklistViewModel}; read by the view.
 */
public final class GroupViewModel {
    private final PrimitiveGroup group;
    private final PrimitiveGroup describeText;
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper uncertainReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper greyed = new ReadOnlyBooleanWrapper(false);
    private final ObservableMap<String, Suggestion> suggestions = FXCollections.observableHashMap();
    private final ObservableMap<String, Suggestion> suggestionsView = FXCollections.unmodifiableObservableMap(suggestions);

    GroupViewModel(PrimitiveGroup group, PrimitiveGroup describeText) {
        this.group = group;
        this.describeText = describeText;
    }

    public PrimitiveGroup group() {
        return group;
    }

    /**
     * The text group holding this group's 'describe if complex' text, or null. When several groups share one
     * text group, only the last of them in form order carries it (the text is shown once).
     */
    public PrimitiveGroup describeText() {
        return describeText;
    }

    /** Every field of the group is answered ({@code unknown}/unsure counts as an answer). */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /**
     * Why an uncertainty rule greys this group out (e.g. "a 'no' here counts as unknown: shake can hide small
     * movements…"), or empty.
     */
    public ReadOnlyStringProperty uncertainReasonProperty() {
        return uncertainReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty greyedProperty() {
        return greyed.getReadOnlyProperty();
    }

    /** Pending suggestions by field (read-only for views: accept or dismiss through the checklist). */
    public ObservableMap<String, Suggestion> suggestions() {
        return suggestionsView;
    }

    void setAnswered(boolean a) {
        answered.set(a);
    }

    void setUncertainReason(String reason) {
        uncertainReason.set(reason == null ? "" : reason);
        greyed.set(reason != null && !reason.isEmpty());
    }

    ObservableMap<String, Suggestion> mutableSuggestions() {
        return suggestions;
    }
}
