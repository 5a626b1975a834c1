// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The test oracle: replays a revision log in plain Java, independently of the SQL that maintains the derived
 * tables, and compares the result with those tables.
 */
final class ReplayModel {
    private ReplayModel() {
    }

    /** Every derived table rendered as sorted lines. */
    record Derived(TreeSet<String> current, TreeSet<String> states, TreeSet<String> text, TreeSet<String> counts,
            TreeSet<String> steps, TreeSet<String> assignees) {
    }

    static Derived replay(List<Revision> log, List<String> clipIds) {
        Map<String, Revision> winners = new HashMap<>();
        Map<String, Long> counts = new TreeMap<>();
        TreeSet<String> steps = new TreeSet<>();
        for (Revision r : log) {
            counts.merge(r.author() + "|" + r.kind().id(), 1L, Long::sum);
            if (r.kind() == RevisionKind.STEP_TIMING) {
                steps.add(r.uuid() + "|" + r.clipId() + "|" + r.aspect() + "|" + Json.parse(r.payload()).get("step")
                        .asText());
                continue;
            }
            String key = r.clipId() + "|" + r.aspect() + "|" + r.kind().id();
            Revision w = winners.get(key);
            if (w == null || r.supersedes(w)) {
                winners.put(key, r);
            }
        }
        TreeSet<String> current = new TreeSet<>();
        TreeSet<String> text = new TreeSet<>();
        for (Map.Entry<String, Revision> e : winners.entrySet()) {
            Revision r = e.getValue();
            current.add(e.getKey() + "|" + r.uuid() + "|" + r.payload());
            if (r.kind().searchable()) {
                String body = DerivedState.searchText(Json.parse(r.payload()));
                if (!body.isBlank()) {
                    text.add(e.getKey() + "|" + body);
                }
            }
        }
        TreeSet<String> states = new TreeSet<>();
        TreeSet<String> assignees = new TreeSet<>();
        for (String clip : clipIds) {
            Revision clipAssign = winners.get(clip + "||assignment");
            for (String aspect : ProjectStore.ASPECTS) {
                Map<RevisionKind, WorkStates.Current> cur = new EnumMap<>(RevisionKind.class);
                for (RevisionKind k : RevisionKind.values()) {
                    Revision r = winners.get(clip + "|" + aspect + "|" + k.id());
                    if (r != null && !r.payload().equals("null")) {
                        cur.put(k, new WorkStates.Current(Json.parse(r.payload()), r.hlc()));
                    }
                }
                List<String> people = DerivedState.assigneesOf(cur.containsKey(RevisionKind.ASSIGNMENT)
                        ? cur.get(RevisionKind.ASSIGNMENT).payload() : null,
                        clipAssign == null ? null : Json.parse(clipAssign.payload()));
                String assignee = people.isEmpty() ? null : people.get(0);
                states.add(clip + "|" + aspect + "|" + WorkStates.id(WorkStates.derive(cur)) + "|" + assignee);
                for (String who : people) {
                    assignees.add(clip + "|" + aspect + "|" + who);
                }
            }
        }
        TreeSet<String> countLines = new TreeSet<>();
        counts.forEach((k, v) -> countLines.add(k + "|" + v));
        return new Derived(current, states, text, countLines, steps, assignees);
    }

    static Derived read(Connection c) throws SQLException {
        return new Derived(
                lines(c, "SELECT clip_id || '|' || aspect || '|' || kind || '|' || revision_uuid || '|' || payload"
                        + " FROM current_values"),
                lines(c, "SELECT clip_id || '|' || aspect || '|' || state || '|' || coalesce(assignee, 'null')"
                        + " FROM aspect_state"),
                lines(c, "SELECT v.clip_id || '|' || v.aspect || '|' || v.kind || '|' || t.body"
                        + " FROM annotation_text t JOIN current_values v ON v.id = t.rowid"),
                lines(c, "SELECT author || '|' || kind || '|' || n FROM annotator_counts"),
                lines(c, "SELECT revision_uuid || '|' || clip_id || '|' || aspect || '|' || step FROM step_times"),
                lines(c, "SELECT clip_id || '|' || aspect || '|' || assignee FROM aspect_assignees"));
    }

    private static TreeSet<String> lines(Connection c, String sql) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Asserts the store's derived tables equal a replay of its whole log. */
    static void assertConsistent(ProjectStore store) throws SQLException {
        List<Revision> log = store.revisionsAfter(0, Integer.MAX_VALUE);
        List<String> clips = new ArrayList<>();
        for (ClipRecord c : store.clips(null, null, null, null, 0, Integer.MAX_VALUE)) {
            clips.add(c.clipId());
        }
        Derived expected = replay(log, clips);
        Derived actual = store.read(() -> read(store.db().connection));
        assertThat(actual.current()).containsExactlyElementsOf(expected.current());
        assertThat(actual.states()).containsExactlyElementsOf(expected.states());
        assertThat(actual.text()).containsExactlyElementsOf(expected.text());
        assertThat(actual.counts()).containsExactlyElementsOf(expected.counts());
        assertThat(actual.steps()).containsExactlyElementsOf(expected.steps());
        assertThat(actual.assignees()).containsExactlyElementsOf(expected.assignees());
    }

}
