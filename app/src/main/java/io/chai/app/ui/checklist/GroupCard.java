// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.checklist.viewmodel.GroupViewModel;
import io.chai.app.ui.checklist.viewmodel.Suggestion;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveKind;
import io.chai.model.spec.PrimitiveValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One primitive group on the form: name and question, one control per field (radio buttons for single choice,
 * yes/no/unsure for booleans, start and end rows with 'unchanged' for start/end pairs, check boxes for multi
 * select, a text area for free text and for 'describe if complex'), each value's definition as its tooltip,
 * the uncertainty note when a rule greys the group out, and analyzer suggestions to accept.
 */
final class GroupCard extends VBox {
    static final PseudoClass UNCERTAIN = PseudoClass.getPseudoClass("uncertain");
    static final PseudoClass ANSWERED = PseudoClass.getPseudoClass("answered");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-group");
    static final String UNSURE_LABEL = "Unsure";
    static final String UNCHANGED_LABEL = "Unchanged";

    private final ChecklistViewModel checklist;
    private final GroupViewModel gvm;
    private final List<Runnable> refreshers = new ArrayList<>();
    private final List<Control> focusables = new ArrayList<>();
    private final VBox suggestionBox = new VBox(4);
    private boolean updating;

    GroupCard(ChecklistViewModel checklist, GroupViewModel gvm) {
        this.checklist = checklist;
        this.gvm = gvm;
        PrimitiveGroup g = gvm.group();
        setId("group-" + g.id());
        getStyleClass().add("group-card");
        Label name = new Label(g.name());
        name.getStyleClass().add("group-name");
        Label question = new Label(g.question());
        question.getStyleClass().add("group-question");
        question.setWrapText(true);
        getChildren().addAll(name, question);

        switch (g.kind()) {
            case SINGLE -> getChildren().add(choiceRow(g, g.startField(), null, g.values(), false));
            case BOOLEAN -> getChildren().add(booleanRow(g));
            case START_END -> {
                getChildren().add(choiceRow(g, g.startField(), "Start", g.values(), false));
                getChildren().add(choiceRow(g, g.endField(), "End", g.values(), true));
            }
            case MULTI -> getChildren().add(multiRow(g));
            case TEXT -> getChildren().add(textArea(g, g.startField(), g.question()));
        }
        if (gvm.describeText() != null) {
            PrimitiveGroup t = gvm.describeText();
            Label tl = new Label(t.name() + " (if complex)");
            tl.getStyleClass().add("group-question");
            getChildren().addAll(tl, textArea(t, t.startField(), t.question()));
        }
        Label note = new Label();
        note.getStyleClass().add("uncertain-note");
        note.setWrapText(true);
        note.textProperty().bind(gvm.uncertainReasonProperty().map(r -> r.isEmpty() ? ""
                : Character.toUpperCase(r.charAt(0)) + r.substring(1)));
        note.visibleProperty().bind(gvm.greyedProperty());
        note.managedProperty().bind(gvm.greyedProperty());
        getChildren().addAll(suggestionBox, note);

        gvm.greyedProperty().addListener((o, a, b) -> pseudoClassStateChanged(UNCERTAIN, b));
        pseudoClassStateChanged(UNCERTAIN, gvm.greyedProperty().get());
        gvm.answeredProperty().addListener((o, a, b) -> pseudoClassStateChanged(ANSWERED, b));
        pseudoClassStateChanged(ANSWERED, gvm.answeredProperty().get());
        gvm.suggestions().addListener((MapChangeListener<String, Suggestion>) c -> refreshSuggestions());
        refreshSuggestions();
        checklist.answers().addListener((MapChangeListener<String, Object>) c -> refresh());
        refresh();
        focusWithinProperty().addListener((o, a, b) -> {
            if (b) {
                checklist.selectedProperty().set(gvm);
            }
        });
        setOnMousePressed(e -> checklist.selectedProperty().set(gvm));
    }

    GroupViewModel viewModel() {
        return gvm;
    }

    /** Focuses the group's first control (keyboard navigation between groups). */
    void focusFirst() {
        for (Control c : focusables) {
            if (c instanceof RadioButton rb && rb.isSelected()) {
                rb.requestFocus();
                return;
            }
        }
        if (!focusables.isEmpty()) {
            focusables.get(0).requestFocus();
        }
    }

    private Node choiceRow(PrimitiveGroup g, String field, String caption, List<PrimitiveValue> values, boolean isEnd) {
        ToggleGroup tg = new ToggleGroup();
        FlowPane row = new FlowPane();
        row.getStyleClass().add("choice-row");
        if (caption != null) {
            Label c = new Label(caption);
            c.getStyleClass().add("row-caption");
            row.getChildren().add(c);
        }
        List<RadioButton> buttons = new ArrayList<>();
        for (PrimitiveValue v : values) {
            boolean unknown = v.isUnknown();
            String label = isEnd && unknown ? UNCHANGED_LABEL : v.label();
            String definition = isEnd && unknown
                    ? "No change: the end is the same as the start." : v.definition();
            RadioButton rb = radio(g, field, label, definition, v.id(), tg);
            buttons.add(rb);
            row.getChildren().add(rb);
        }
        tg.selectedToggleProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                edit(field, b.getUserData());
            }
        });
        refreshers.add(() -> {
            Object v = checklist.get(field);
            if (isEnd && v == null && checklist.get(g.startField()) != null) {
                v = PrimitiveValue.UNKNOWN;   // an unanswered end means 'unchanged' once the start is set
            }
            for (RadioButton rb : buttons) {
                rb.setSelected(rb.getUserData().equals(v));
            }
            if (v == null) {
                tg.selectToggle(null);
            }
        });
        return row;
    }

    private Node booleanRow(PrimitiveGroup g) {
        String field = g.startField();
        ToggleGroup tg = new ToggleGroup();
        FlowPane row = new FlowPane();
        row.getStyleClass().add("choice-row");
        List<RadioButton> buttons = List.of(
                radio(g, field, "Yes", "Yes: " + g.question(), Boolean.TRUE, tg),
                radio(g, field, "No", "No: the answer to the question is no.", Boolean.FALSE, tg),
                radio(g, field, UNSURE_LABEL, "Unsure: the clip does not let you tell.", PrimitiveValue.UNKNOWN, tg));
        row.getChildren().addAll(buttons);
        tg.selectedToggleProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                edit(field, b.getUserData());
            }
        });
        refreshers.add(() -> {
            Object v = checklist.get(field);
            for (RadioButton rb : buttons) {
                rb.setSelected(rb.getUserData().equals(v));
            }
            if (v == null) {
                tg.selectToggle(null);
            }
        });
        return row;
    }

    private RadioButton radio(PrimitiveGroup g, String field, String label, String definition, Object value,
            ToggleGroup tg) {
        RadioButton rb = new RadioButton(label);
        rb.setToggleGroup(tg);
        rb.setUserData(value);
        rb.setId(field + "=" + value.toString().toLowerCase(Locale.ROOT));
        rb.setTooltip(tooltip(definition));
        rb.setAccessibleText(g.name() + (g.fields().size() > 1 ? " " + field : "") + ": " + label);
        rb.setAccessibleHelp(definition);
        focusables.add(rb);
        return rb;
    }

    private Node multiRow(PrimitiveGroup g) {
        String field = g.startField();
        FlowPane row = new FlowPane();
        row.getStyleClass().add("choice-row");
        List<CheckBox> boxes = new ArrayList<>();
        for (PrimitiveValue v : g.values()) {
            CheckBox cb = new CheckBox(v.label());
            cb.setUserData(v.id());
            cb.setId(field + "=" + v.id());
            cb.setTooltip(tooltip(v.definition()));
            cb.setAccessibleText(g.name() + ": " + v.label());
            cb.setAccessibleHelp(v.definition());
            cb.selectedProperty().addListener((o, a, b) -> {
                if (updating) {
                    return;
                }
                Set<String> ids = new LinkedHashSet<>();
                for (CheckBox x : boxes) {
                    if (x.isSelected()) {
                        ids.add((String) x.getUserData());
                    }
                }
                edit(field, ids);
            });
            boxes.add(cb);
            focusables.add(cb);
            row.getChildren().add(cb);
        }
        refreshers.add(() -> {
            Object v = checklist.get(field);
            Collection<?> set = v instanceof Collection<?> c ? c : List.of();
            for (CheckBox cb : boxes) {
                cb.setSelected(set.contains(cb.getUserData()));
            }
        });
        return row;
    }

    private Node textArea(PrimitiveGroup g, String field, String prompt) {
        TextArea ta = new TextArea();
        ta.setId(field);
        ta.setPromptText(prompt);
        ta.setWrapText(true);
        ta.setPrefRowCount(2);
        ta.setAccessibleText(g.name());
        ta.setAccessibleHelp(prompt);
        // committed when focus leaves the area, so one edit = one undo step
        ta.focusedProperty().addListener((o, was, now) -> {
            if (!now && !updating) {
                edit(field, ta.getText());
            }
        });
        focusables.add(ta);
        refreshers.add(() -> {
            Object v = checklist.get(field);
            String s = v == null ? "" : v.toString();
            if (!s.equals(ta.getText())) {
                ta.setText(s);
            }
        });
        return ta;
    }

    private void edit(String field, Object value) {
        checklist.set(field, value);
    }

    private void refresh() {
        updating = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            updating = false;
        }
    }

    private void refreshSuggestions() {
        suggestionBox.getChildren().clear();
        if (gvm.suggestions().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (String f : gvm.group().fields()) {
            Suggestion s = gvm.suggestions().get(f);
            if (s != null) {
                parts.add((gvm.group().fields().size() > 1 ? f + " " : "") + describe(s) + " ("
                        + s.source() + (Double.isNaN(s.confidence()) ? ""
                                : String.format(Locale.ROOT, ", %.0f%%", 100 * s.confidence())) + ")");
                if (!s.detail().isEmpty() && !details.contains(s.detail())) {
                    details.add(s.detail());
                }
            }
        }
        for (Suggestion s : gvm.suggestions().values()) {
            if (!gvm.group().fields().contains(s.field())) {   // the 'describe if complex' text shown here
                parts.add(describe(s) + " (" + s.source() + ")");
            }
        }
        Label l = new Label("Suggested: " + String.join("; ", parts));
        l.setWrapText(true);
        l.getStyleClass().add("suggestion-text");
        if (!details.isEmpty()) {
            l.setTooltip(tooltip(String.join("\n\n", details)));
        }
        String groupId = gvm.group().id();
        Button accept = new Button("Accept");
        accept.setId("accept-" + groupId);
        accept.setAccessibleText("Accept suggestion for " + gvm.group().name() + ": " + String.join("; ", parts));
        accept.setOnAction(e -> checklist.acceptGroupSuggestions(groupId));
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismiss-" + groupId);
        dismiss.setAccessibleText("Dismiss suggestion for " + gvm.group().name());
        dismiss.setOnAction(e -> checklist.dismissGroupSuggestions(groupId));
        HBox chip = new HBox(6, l, accept, dismiss);
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(l, javafx.scene.layout.Priority.ALWAYS);
        chip.getStyleClass().add("suggestion");
        suggestionBox.getChildren().add(chip);
    }

    private String describe(Suggestion s) {
        PrimitiveGroup g = gvm.group();
        Object v = s.value();
        if (v instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (v instanceof Collection<?> c) {
            List<String> labels = new ArrayList<>();
            for (Object o : c) {
                labels.add(g.value(o.toString()).map(PrimitiveValue::label).orElse(o.toString()));
            }
            return String.join(", ", labels);
        }
        return g.kind() == PrimitiveKind.TEXT ? "\"" + v + "\""
                : g.value(v.toString()).map(PrimitiveValue::label).orElse(v.toString());
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(350));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }
}
