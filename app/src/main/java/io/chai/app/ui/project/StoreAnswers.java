// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.app.ui.checklist.viewmodel.AnswerStore;
import io.chai.common.UserFacingException;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.UserId;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.PrimitiveGroup;
import io.chai.model.spec.PrimitiveValue;
import io.chai.model.spec.Specification;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A clip's checklist answers in the project store: each save appends one {@code primitive_labels} revision (a
 * full {@link PrimitiveLabels} snapshot at clip level, authored by the user at the time of the save), loading
 * reads the current one. Converts between the checklist's stored form and the domain's label values (start/end
 * pairs keyed by their stem, yes/no/unsure). The store is not closed here: it belongs to the {@link ProjectSession}.
 */
public final class StoreAnswers implements AnswerStore {
    private final ProjectStore store;
    private final Specification spec;
    private final String clipId;
    private final Supplier<String> author;
    private final Clock clock;
    private final JsonMapper json = ChaiJson.newMapper();

    /** Answers saved as {@code author}, always. */
    public StoreAnswers(ProjectStore store, Specification spec, String clipId, String author, Clock clock) {
        this(store, spec, clipId, fixed(author), clock);
    }

    /**
     * Answers saved as whoever {@code author} names at the time of each save (the workstation's current user, who
     * may change while the clip is open).
     */
    public StoreAnswers(ProjectStore store, Specification spec, String clipId, Supplier<String> author, Clock clock) {
        this.store = store;
        this.spec = spec;
        this.clipId = clipId;
        this.author = java.util.Objects.requireNonNull(author);
        this.clock = clock;
    }

    private static Supplier<String> fixed(String author) {
        String id = UserId.of(author).value();
        return () -> id;
    }

    @Override
    public Map<String, Object> load() {
        Optional<CurrentValue> cv = store.current(clipId, "", RevisionKind.PRIMITIVE_LABELS);
        if (cv.isEmpty() || cv.get().cleared()) {
            return Map.of();
        }
        try {
            return toAnswers(json.readValue(cv.get().payload(), PrimitiveLabels.class));
        } catch (JsonProcessingException e) {
            throw new UserFacingException("the stored primitive labels of clip " + clipId.substring(0, 12)
                    + " are unreadable: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void save(Map<String, Object> answers) {
        UserId who = UserId.of(author.get());
        PrimitiveLabels labels = PrimitiveLabels.of(toLabelValues(answers), who, clock.instant());
        try {
            store.append(RevisionDraft.of(clipId, "", RevisionKind.PRIMITIVE_LABELS, who.value(),
                    json.writeValueAsString(labels)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write primitive labels as JSON", e);
        }
    }

    @Override
    public String describe() {
        return "project store";
    }

    /** Closes nothing: the store belongs to the {@link ProjectSession} that opened the clip. */
    @Override
    public void close() {
    }

    /** The checklist's answers as domain label values. */
    Map<String, LabelValue> toLabelValues(Map<String, Object> answers) {
        Map<String, LabelValue> out = new TreeMap<>();
        for (PrimitiveGroup g : spec.groups()) {
            switch (g.kind()) {
                case START_END -> {
                    Object start = answers.get(g.startField());
                    Object end = answers.get(g.endField());
                    String stem = stem(g);
                    if (start != null) {
                        out.put(stem, end == null || PrimitiveValue.UNKNOWN.equals(end)
                                ? LabelValue.StartEnd.unchanged((String) start)
                                : new LabelValue.StartEnd((String) start, (String) end, false));
                    } else if (end != null) {
                        out.put(g.endField(), new LabelValue.Choice((String) end));
                    }
                }
                case BOOLEAN -> {
                    Object v = answers.get(g.startField());
                    if (v != null) {
                        out.put(g.startField(), new LabelValue.TriState(Boolean.TRUE.equals(v) ? LabelValue.Answer.YES
                                : Boolean.FALSE.equals(v) ? LabelValue.Answer.NO : LabelValue.Answer.UNSURE));
                    }
                }
                case MULTI -> {
                    Object v = answers.get(g.startField());
                    if (v instanceof Collection<?> c) {
                        out.put(g.startField(), LabelValue.MultiChoice.of(c.stream().map(Object::toString).toList()));
                    }
                }
                case TEXT -> {
                    Object v = answers.get(g.startField());
                    if (v != null) {
                        out.put(g.startField(), new LabelValue.FreeText(v.toString()));
                    }
                }
                default -> {
                    Object v = answers.get(g.startField());
                    if (v != null) {
                        out.put(g.startField(), new LabelValue.Choice(v.toString()));
                    }
                }
            }
        }
        return out;
    }

    /** Domain label values as the checklist's answers. */
    Map<String, Object> toAnswers(PrimitiveLabels labels) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, LabelValue> e : labels.values().entrySet()) {
            String key = e.getKey();
            LabelValue v = e.getValue();
            if (v instanceof LabelValue.StartEnd se) {
                PrimitiveGroup g = spec.groupByField(key + "_start").orElseThrow(() -> new UserFacingException(
                        "stored labels name a start/end pair '" + key + "' that specification " + spec.id()
                                + " does not have"));
                out.put(g.startField(), se.start());
                if (se.endUnchanged()) {
                    if (g.hasValue(PrimitiveValue.UNKNOWN)) {
                        out.put(g.endField(), PrimitiveValue.UNKNOWN);
                    }
                } else {
                    out.put(g.endField(), se.end());
                }
            } else if (v instanceof LabelValue.Choice c) {
                out.put(key, c.valueId());
            } else if (v instanceof LabelValue.TriState t) {
                out.put(key, t.value() == LabelValue.Answer.YES ? Boolean.TRUE
                        : t.value() == LabelValue.Answer.NO ? Boolean.FALSE : PrimitiveValue.UNKNOWN);
            } else if (v instanceof LabelValue.MultiChoice m) {
                out.put(key, new LinkedHashSet<>(m.valueIds()));
            } else if (v instanceof LabelValue.FreeText f) {
                out.put(key, f.text());
            }
        }
        return out;
    }

    private static String stem(PrimitiveGroup g) {
        String start = g.startField();
        return start.endsWith("_start") ? start.substring(0, start.length() - "_start".length()) : g.id();
    }
}
