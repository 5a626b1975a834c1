// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the derived tables (current_values, aspect_state, annotation_text, annotator_counts, step_times) equal to
 * a replay of the revision log, one revision at a time, inside the caller's transaction. The order revisions are
 * applied in does not matter: current values are chosen by (HLC, UUID), counts are sums.
 */
final class DerivedState {
    private final Db db;

    DerivedState(Db db) {
        this.db = db;
    }

    void apply(Revision r) throws SQLException {
        countFor(r.author(), r.kind(), 1);
        if (r.kind() == RevisionKind.STEP_TIMING) {
            insertStepTime(r);
            return;
        }
        if (setCurrent(r)) {
            recomputeAffected(r.clipId(), r.aspect(), r.kind());
        }
    }

    /**
     * Applies many stored revisions at once, inside the caller's transaction, with the same result as applying each
     * in turn: counts are summed per (author, kind), only the newest revision of each (clip, aspect, kind) in the
     * batch is compared with the current value, and each touched (clip, aspect) state is recomputed once.
     */
    void applyBulk(List<Revision> revisions) throws SQLException {
        Map<String, long[]> counts = new java.util.LinkedHashMap<>();
        Map<String, Revision> newest = new java.util.LinkedHashMap<>();
        for (Revision r : revisions) {
            counts.computeIfAbsent(r.author() + '\u0000' + r.kind().id(), k -> new long[1])[0]++;
            if (r.kind() == RevisionKind.STEP_TIMING) {
                insertStepTime(r);
                continue;
            }
            newest.merge(r.clipId() + '\u0000' + r.aspect() + '\u0000' + r.kind().id(), r,
                    (a, b) -> b.supersedes(a) ? b : a);
        }
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            int cut = e.getKey().indexOf('\u0000');
            countFor(e.getKey().substring(0, cut), RevisionKind.fromId(e.getKey().substring(cut + 1)),
                    e.getValue()[0]);
        }
        java.util.Set<String> touched = new java.util.LinkedHashSet<>();
        for (Revision r : newest.values()) {
            if (!setCurrent(r)) {
                continue;
            }
            if (!r.aspect().isEmpty()) {
                touched.add(r.clipId() + '\u0000' + r.aspect());
            } else if (r.kind() == RevisionKind.ASSIGNMENT) {
                for (String aspect : ProjectStore.ASPECTS) {
                    touched.add(r.clipId() + '\u0000' + aspect);
                }
            }
        }
        for (String key : touched) {
            int cut = key.indexOf('\u0000');
            recompute(key.substring(0, cut), key.substring(cut + 1));
        }
    }

    /**
     * Makes {@code r} the current value of its (clip, aspect, kind) unless a revision with a greater (HLC, UUID)
     * already is, keeping the full-text row in step; returns true when it became current.
     */
    private boolean setCurrent(Revision r) throws SQLException {
        long id = -1;
        PreparedStatement find = db.ps(
                "SELECT id, hlc, revision_uuid FROM current_values WHERE clip_id = ? AND aspect = ? AND kind = ?");
        find.setString(1, r.clipId());
        find.setString(2, r.aspect());
        find.setString(3, r.kind().id());
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1);
                int cmp = rs.getString(2).compareTo(r.hlc().toString());
                if (cmp > 0 || (cmp == 0 && rs.getString(3).compareTo(r.uuid().toString()) >= 0)) {
                    return false; // an existing revision wins
                }
            }
        }
        if (id >= 0) {
            PreparedStatement up = db.ps(
                    "UPDATE current_values SET revision_uuid = ?, hlc = ?, author = ?, payload = ? WHERE id = ?");
            up.setString(1, r.uuid().toString());
            up.setString(2, r.hlc().toString());
            up.setString(3, r.author());
            up.setString(4, r.payload());
            up.setLong(5, id);
            up.executeUpdate();
        } else {
            PreparedStatement ins = db.ps("INSERT INTO current_values(clip_id, aspect, kind, revision_uuid, hlc,"
                    + " author, payload) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
            ins.setString(1, r.clipId());
            ins.setString(2, r.aspect());
            ins.setString(3, r.kind().id());
            ins.setString(4, r.uuid().toString());
            ins.setString(5, r.hlc().toString());
            ins.setString(6, r.author());
            ins.setString(7, r.payload());
            try (ResultSet rs = ins.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (r.kind().searchable()) {
            PreparedStatement del = db.ps("DELETE FROM annotation_text WHERE rowid = ?");
            del.setLong(1, id);
            del.executeUpdate();
            String text = searchText(Json.parse(r.payload()));
            if (!text.isBlank()) {
                PreparedStatement ins = db.ps("INSERT INTO annotation_text(rowid, body) VALUES (?, ?)");
                ins.setLong(1, id);
                ins.setString(2, text);
                ins.executeUpdate();
            }
        }
        return true;
    }

    /** Recomputes the states a new current value of (clip, aspect, kind) can change. */
    private void recomputeAffected(String clipId, String aspect, RevisionKind kind) throws SQLException {
        if (aspect.isEmpty()) {
            if (kind == RevisionKind.ASSIGNMENT) {
                for (String a : ProjectStore.ASPECTS) {
                    recompute(clipId, a);
                }
            }
        } else {
            recompute(clipId, aspect);
        }
    }

    /** Payload fields whose text is searchable (the domain records' JSON names, plus plain "text"/"reason"). */
    static final List<String> SEARCH_FIELDS = List.of("text", "pre_caption", "initial_feedback", "gpt_feedback",
            "final_feedback", "final_caption", "gpt_caption", "decision_reason", "reason");

    /** The text a revision contributes to full-text search: its distinct searchable fields, one per line. */
    static String searchText(JsonNode payload) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String field : SEARCH_FIELDS) {
            JsonNode n = payload.get(field);
            if (n != null && n.isTextual() && seen.add(n.asText())) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(n.asText());
            }
        }
        return sb.toString();
    }

    /** The assignee named by a current assignment payload, or null. */
    static String assignee(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return null;
        }
        JsonNode a = payload.get("assignee");
        return a == null || !a.isTextual() || a.asText().isBlank() ? null : a.asText();
    }

    /**
     * Everybody a current assignment payload names: its {@code assignees} array (overlap assignments for agreement
     * studies; blanks and repeats dropped), else its single {@code assignee}; empty when none.
     */
    static List<String> assignees(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return List.of();
        }
        JsonNode many = payload.get("assignees");
        if (many != null && many.isArray() && !many.isEmpty()) {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            for (JsonNode n : many) {
                if (n.isTextual() && !n.asText().isBlank()) {
                    out.add(n.asText());
                }
            }
            if (!out.isEmpty()) {
                return List.copyOf(out);
            }
        }
        String one = assignee(payload);
        return one == null ? List.of() : List.of(one);
    }

    /** The people assigned to an aspect: its own assignment when it names somebody, else the clip's. */
    static List<String> assigneesOf(JsonNode own, JsonNode clipAssignment) {
        List<String> list = assignees(own);
        return list.isEmpty() ? assignees(clipAssignment) : list;
    }

    /** Replaces the derived assignee set of one (clip, aspect). */
    private void writeAssignees(String clipId, String aspect, List<String> people, boolean clearFirst)
            throws SQLException {
        if (clearFirst) {
            PreparedStatement del = db.ps("DELETE FROM aspect_assignees WHERE clip_id = ? AND aspect = ?");
            del.setString(1, clipId);
            del.setString(2, aspect);
            del.executeUpdate();
        }
        if (people.isEmpty()) {
            return;
        }
        PreparedStatement ins = db.ps("INSERT OR IGNORE INTO aspect_assignees(clip_id, aspect, assignee, clip_no)"
                + " SELECT clip_id, aspect, ?, clip_no FROM aspect_state WHERE clip_id = ? AND aspect = ?");
        for (String who : people) {
            ins.setString(1, who);
            ins.setString(2, clipId);
            ins.setString(3, aspect);
            ins.executeUpdate();
        }
    }

    /** Recomputes the queue state and assignee of one (clip, aspect) from the current values. */
    void recompute(String clipId, String aspect) throws SQLException {
        Map<RevisionKind, WorkStates.Current> current = new EnumMap<>(RevisionKind.class);
        JsonNode clipAssignment = null;
        PreparedStatement sel = db.ps("SELECT aspect, kind, payload, hlc FROM current_values"
                + " WHERE clip_id = ? AND (aspect = ? OR (aspect = '' AND kind = 'assignment'))");
        sel.setString(1, clipId);
        sel.setString(2, aspect);
        try (ResultSet rs = sel.executeQuery()) {
            while (rs.next()) {
                JsonNode payload = Json.parse(rs.getString(3));
                if (payload.isNull()) {
                    continue;
                }
                if (rs.getString(1).isEmpty()) {
                    clipAssignment = payload;
                } else {
                    current.put(RevisionKind.fromId(rs.getString(2)),
                            new WorkStates.Current(payload, Hlc.parse(rs.getString(4))));
                }
            }
        }
        WorkStates.Current own = current.get(RevisionKind.ASSIGNMENT);
        List<String> people = assigneesOf(own == null ? null : own.payload(), clipAssignment);
        PreparedStatement up = db.ps("UPDATE aspect_state SET state = ?, assignee = ? WHERE clip_id = ? AND aspect = ?");
        up.setString(1, WorkStates.id(WorkStates.derive(current)));
        up.setString(2, people.isEmpty() ? null : people.get(0));
        up.setString(3, clipId);
        up.setString(4, aspect);
        up.executeUpdate();
        writeAssignees(clipId, aspect, people, true);
    }

    private void countFor(String author, RevisionKind kind, long n) throws SQLException {
        PreparedStatement ps = db.ps("INSERT INTO annotator_counts(author, kind, n) VALUES (?, ?, ?)"
                + " ON CONFLICT(author, kind) DO UPDATE SET n = n + excluded.n");
        ps.setString(1, author);
        ps.setString(2, kind.id());
        ps.setLong(3, n);
        ps.executeUpdate();
    }

    private void insertStepTime(Revision r) throws SQLException {
        JsonNode p = Json.parse(r.payload());
        PreparedStatement ps = db.ps("INSERT OR IGNORE INTO step_times(revision_uuid, clip_id, aspect, step, author,"
                + " opened_ms, first_edit_ms, submitted_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, r.uuid().toString());
        ps.setString(2, r.clipId());
        ps.setString(3, r.aspect());
        ps.setString(4, p.path("step").asText());
        ps.setString(5, r.author());
        ps.setLong(6, millis(p.get("openedAt")));
        JsonNode first = p.get("firstEditAt");
        if (first == null || first.isNull()) {
            ps.setNull(7, Types.INTEGER);
        } else {
            ps.setLong(7, millis(first));
        }
        ps.setLong(8, millis(p.get("submittedAt")));
        ps.executeUpdate();
    }

    private static long millis(JsonNode iso) {
        return Instant.parse(iso.asText()).toEpochMilli();
    }

    /**
     * Empties every derived table and derives it again from the whole log in a few set-based passes: current values
     * by window function, counts by aggregation, then one ordered scan of the current values for search text and
     * queue states. Equivalent to applying every revision in turn (the property test checks both against a replay).
     */
    void rebuild() throws SQLException {
        try (Statement st = db.connection.createStatement()) {
            st.execute("DELETE FROM current_values");
            st.execute("DELETE FROM annotation_text");
            st.execute("DELETE FROM annotator_counts");
            st.execute("DELETE FROM step_times");
            st.execute("DELETE FROM aspect_assignees");
            st.execute("UPDATE aspect_state SET state = 'not_started', assignee = NULL"
                    + " WHERE state <> 'not_started' OR assignee IS NOT NULL");
            st.execute("INSERT INTO current_values(clip_id, aspect, kind, revision_uuid, hlc, author, payload)"
                    + " SELECT clip_id, aspect, kind, uuid, hlc, author, payload FROM (SELECT clip_id, aspect, kind,"
                    + " uuid, hlc, author, payload, row_number() OVER (PARTITION BY clip_id, aspect, kind"
                    + " ORDER BY hlc DESC, uuid DESC) AS rn FROM revisions WHERE kind <> 'step_timing') WHERE rn = 1");
            st.execute("INSERT INTO annotator_counts(author, kind, n)"
                    + " SELECT author, kind, count(*) FROM revisions GROUP BY author, kind");
        }
        try (PreparedStatement ps = db.connection.prepareStatement(
                ProjectStore.SELECT_REVISION + " WHERE kind = 'step_timing' ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                insertStepTime(ProjectStore.readRevision(rs));
            }
        }
        String clip = null;
        JsonNode clipAssignment = null;
        Map<String, Map<RevisionKind, WorkStates.Current>> aspects = new java.util.HashMap<>();
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT id, clip_id, aspect, kind, payload, hlc"
                + " FROM current_values ORDER BY clip_id, aspect, kind"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(2).equals(clip)) {
                    if (clip != null) {
                        writeStates(clip, aspects, clipAssignment);
                    }
                    clip = rs.getString(2);
                    clipAssignment = null;
                    aspects.clear();
                }
                RevisionKind kind = RevisionKind.fromId(rs.getString(4));
                JsonNode payload = Json.parse(rs.getString(5));
                if (kind.searchable()) {
                    String text = searchText(payload);
                    if (!text.isBlank()) {
                        PreparedStatement ins = db.ps("INSERT INTO annotation_text(rowid, body) VALUES (?, ?)");
                        ins.setLong(1, rs.getLong(1));
                        ins.setString(2, text);
                        ins.executeUpdate();
                    }
                }
                if (payload.isNull()) {
                    continue;
                }
                String aspect = rs.getString(3);
                if (aspect.isEmpty()) {
                    if (kind == RevisionKind.ASSIGNMENT) {
                        clipAssignment = payload;
                    }
                } else {
                    aspects.computeIfAbsent(aspect, a -> new EnumMap<>(RevisionKind.class))
                            .put(kind, new WorkStates.Current(payload, Hlc.parse(rs.getString(6))));
                }
            }
        }
        if (clip != null) {
            writeStates(clip, aspects, clipAssignment);
        }
    }

    private void writeStates(String clipId, Map<String, Map<RevisionKind, WorkStates.Current>> aspects,
            JsonNode clipAssignment) throws SQLException {
        for (String aspect : ProjectStore.ASPECTS) {
            Map<RevisionKind, WorkStates.Current> current = aspects.get(aspect);
            if (current == null && clipAssignment == null) {
                continue;
            }
            if (current == null) {
                current = Map.of();
            }
            WorkStates.Current own = current.get(RevisionKind.ASSIGNMENT);
            List<String> people = assigneesOf(own == null ? null : own.payload(), clipAssignment);
            PreparedStatement up = db.ps(
                    "UPDATE aspect_state SET state = ?, assignee = ? WHERE clip_id = ? AND aspect = ?");
            up.setString(1, WorkStates.id(WorkStates.derive(current)));
            up.setString(2, people.isEmpty() ? null : people.get(0));
            up.setString(3, clipId);
            up.setString(4, aspect);
            up.executeUpdate();
            writeAssignees(clipId, aspect, people, false);
        }
    }
}
