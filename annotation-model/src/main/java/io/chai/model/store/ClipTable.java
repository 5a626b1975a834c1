// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.workflow.WorkflowState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every clip of a project in columns (one array per field, row {@code i} = the i-th clip in import order): media
 * facts, per-aspect queue state and assignee, tags. Made for the workstation's library, which filters and sorts a
 * hundred thousand clips in memory without one object per clip; three indexed scans load it. Immutable once loaded
 * (the arrays must not be changed); {@link #withClips} makes a copy with a few clips read again.
 */
public final class ClipTable {
    /** Aspects per clip, in {@link ProjectStore#ASPECTS} order. */
    public static final int ASPECTS = ProjectStore.ASPECTS.size();
    private static final WorkflowState[] STATES = WorkflowState.values();
    private static final int[] NO_TAGS = new int[0];

    private final int size;
    private final long[] clipNo;
    private final String[] clipId;
    private final String[] path;
    private final String[] externalId;
    private final double[] duration;
    private final int[] fpsNum;
    private final int[] fpsDen;
    private final int[] width;
    private final int[] height;
    private final byte[] states;
    private final String[] assignees;
    /** Further assignees (overlap assignments for agreement studies) by row * ASPECTS + aspect; most pairs have none. */
    private final Map<Integer, String[]> moreAssignees;
    private final int[][] tags;
    private final List<String> tagNames;
    private final List<String> assigneeNames;

    private ClipTable(int size, long[] clipNo, String[] clipId, String[] path, String[] externalId, double[] duration,
            int[] fpsNum, int[] fpsDen, int[] width, int[] height, byte[] states, String[] assignees,
            Map<Integer, String[]> moreAssignees, int[][] tags, List<String> tagNames, List<String> assigneeNames) {
        this.size = size;
        this.clipNo = clipNo;
        this.clipId = clipId;
        this.path = path;
        this.externalId = externalId;
        this.duration = duration;
        this.fpsNum = fpsNum;
        this.fpsDen = fpsDen;
        this.width = width;
        this.height = height;
        this.states = states;
        this.assignees = assignees;
        this.moreAssignees = moreAssignees;
        this.tags = tags;
        this.tagNames = tagNames;
        this.assigneeNames = assigneeNames;
    }

    /** Loads the table of every clip of {@code store}. */
    public static ClipTable load(ProjectStore store) {
        return store.read(() -> {
            Db db = store.db();
            int n = (int) store.clipCount();
            long[] clipNo = new long[n];
            String[] clipId = new String[n];
            String[] path = new String[n];
            String[] externalId = new String[n];
            double[] duration = new double[n];
            int[] fpsNum = new int[n];
            int[] fpsDen = new int[n];
            int[] width = new int[n];
            int[] height = new int[n];
            int rows = 0;
            PreparedStatement ps = db.ps("SELECT clip_no, clip_id, path, external_id, duration_s, fps_num, fps_den,"
                    + " width, height FROM clips ORDER BY clip_no");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && rows < n) {
                    clipNo[rows] = rs.getLong(1);
                    clipId[rows] = rs.getString(2);
                    path[rows] = rs.getString(3);
                    externalId[rows] = rs.getString(4);
                    duration[rows] = rs.getDouble(5);
                    if (rs.wasNull()) {
                        duration[rows] = Double.NaN;
                    }
                    fpsNum[rows] = rs.getInt(6);
                    fpsDen[rows] = rs.getInt(7);
                    width[rows] = rs.getInt(8);
                    height[rows] = rs.getInt(9);
                    rows++;
                }
            }
            byte[] states = new byte[rows * ASPECTS];
            String[] assignees = new String[rows * ASPECTS];
            Map<String, Integer> aspectIndex = new HashMap<>();
            for (int a = 0; a < ASPECTS; a++) {
                aspectIndex.put(ProjectStore.ASPECTS.get(a), a);
            }
            Map<String, String> names = new HashMap<>();
            Map<String, Byte> stateIds = new HashMap<>();
            for (WorkflowState s : STATES) {
                stateIds.put(WorkStates.id(s), (byte) s.ordinal());
            }
            // the table in its own order (no ORDER BY: a sequential scan instead of an index walk with a lookup per
            // row), each row placed by binary search on clip_no
            PreparedStatement sp = db.ps("SELECT clip_no, aspect, state, assignee FROM aspect_state");
            try (ResultSet rs = sp.executeQuery()) {
                while (rs.next()) {
                    int row = Arrays.binarySearch(clipNo, 0, rows, rs.getLong(1));
                    if (row < 0) {
                        continue;       // a clip added after the first scan
                    }
                    Integer a = aspectIndex.get(rs.getString(2));
                    if (a == null) {
                        continue;
                    }
                    Byte s = stateIds.get(rs.getString(3));
                    states[row * ASPECTS + a] = s == null ? 0 : s;
                    String who = rs.getString(4);
                    if (who != null) {
                        assignees[row * ASPECTS + a] = names.computeIfAbsent(who, k -> k);
                    }
                }
            }
            // overlap assignments: every assignee of a pair is in aspect_assignees, the first also in aspect_state
            Map<Integer, String[]> more = new HashMap<>();
            PreparedStatement ap = db.ps("SELECT clip_no, aspect, assignee FROM aspect_assignees");
            try (ResultSet rs = ap.executeQuery()) {
                while (rs.next()) {
                    int row = Arrays.binarySearch(clipNo, 0, rows, rs.getLong(1));
                    Integer a = aspectIndex.get(rs.getString(2));
                    if (row < 0 || a == null) {
                        continue;
                    }
                    String who = rs.getString(3);
                    int k = row * ASPECTS + a;
                    if (assignees[k] == null) {
                        assignees[k] = names.computeIfAbsent(who, x -> x);
                    } else if (!assignees[k].equals(who)) {
                        String[] old = more.getOrDefault(k, new String[0]);
                        String[] grown = Arrays.copyOf(old, old.length + 1);
                        grown[old.length] = names.computeIfAbsent(who, x -> x);
                        more.put(k, grown);
                    }
                }
            }
            int[][] tags = new int[rows][];
            Arrays.fill(tags, NO_TAGS);
            Map<String, Integer> tagIds = new HashMap<>();
            List<String> tagNames = new ArrayList<>();
            PreparedStatement tp = db.ps("SELECT c.clip_no, t.tag FROM clip_tags t JOIN clips c ON c.clip_id = t.clip_id"
                    + " ORDER BY c.clip_no, t.tag");
            try (ResultSet rs = tp.executeQuery()) {
                while (rs.next()) {
                    int row = Arrays.binarySearch(clipNo, 0, rows, rs.getLong(1));
                    if (row < 0) {
                        continue;
                    }
                    int tag = tagIds.computeIfAbsent(rs.getString(2), k -> {
                        tagNames.add(k);
                        return tagNames.size() - 1;
                    });
                    int[] old = tags[row];
                    int[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = tag;
                    tags[row] = grown;
                }
            }
            List<String> assigneeNames = new ArrayList<>(names.keySet());
            assigneeNames.sort(String.CASE_INSENSITIVE_ORDER);
            return new ClipTable(rows, clipNo, clipId, path, externalId, duration, fpsNum, fpsDen, width, height,
                    states, assignees, more, tags, List.copyOf(tagNames), List.copyOf(assigneeNames));
        });
    }

    /**
     * This table with the rows of {@code clipIds} read again from {@code store}: their queue state, assignees and
     * tags per aspect (what a workflow step, a review or an assignment changes; media facts are kept). Costs three
     * primary-key look-ups per clip and a copy of the per-aspect arrays, not a load. Other rows are the same; the
     * assignee names are recomputed; tag names only grow (a tag no clip has any more stays listed until the next
     * {@link #load}). Empty when a clip is not in this table (imported or removed since: load the table again).
     */
    public Optional<ClipTable> withClips(ProjectStore store, Collection<String> clipIds) {
        return store.read(() -> {
            Db db = store.db();
            PreparedStatement byId = db.ps("SELECT clip_no FROM clips WHERE clip_id = ?");
            Map<String, Integer> rowOf = new LinkedHashMap<>();
            for (String id : clipIds) {
                byId.setString(1, id);
                try (ResultSet rs = byId.executeQuery()) {
                    int row = rs.next() ? Arrays.binarySearch(clipNo, 0, size, rs.getLong(1)) : -1;
                    if (row < 0 || !clipId[row].equals(id)) {
                        return Optional.<ClipTable>empty();
                    }
                    rowOf.put(id, row);
                }
            }
            byte[] st = states.clone();
            String[] who = assignees.clone();
            Map<Integer, String[]> more = new HashMap<>(moreAssignees);
            int[][] tg = tags.clone();
            List<String> tagList = new ArrayList<>(tagNames);
            // one String instance per name, as load gives (the old rows keep theirs)
            Map<String, String> names = new HashMap<>();
            for (String n : assigneeNames) {
                names.put(n, n);
            }
            Map<String, Byte> stateIds = new HashMap<>();
            for (WorkflowState s : STATES) {
                stateIds.put(WorkStates.id(s), (byte) s.ordinal());
            }
            PreparedStatement sp = db.ps("SELECT aspect, state, assignee FROM aspect_state WHERE clip_id = ?");
            PreparedStatement ap = db.ps("SELECT aspect, assignee FROM aspect_assignees WHERE clip_id = ?"
                    + " ORDER BY assignee");
            PreparedStatement tp = db.ps("SELECT tag FROM clip_tags WHERE clip_id = ? ORDER BY tag");
            for (Map.Entry<String, Integer> e : rowOf.entrySet()) {
                int row = e.getValue();
                for (int a = 0; a < ASPECTS; a++) {
                    st[row * ASPECTS + a] = 0;
                    who[row * ASPECTS + a] = null;
                    more.remove(row * ASPECTS + a);
                }
                sp.setString(1, e.getKey());
                try (ResultSet rs = sp.executeQuery()) {
                    while (rs.next()) {
                        int a = ProjectStore.ASPECTS.indexOf(rs.getString(1));
                        if (a < 0) {
                            continue;
                        }
                        Byte s = stateIds.get(rs.getString(2));
                        st[row * ASPECTS + a] = s == null ? 0 : s;
                        String name = rs.getString(3);
                        who[row * ASPECTS + a] = name == null ? null : names.computeIfAbsent(name, x -> name);
                    }
                }
                ap.setString(1, e.getKey());
                try (ResultSet rs = ap.executeQuery()) {
                    while (rs.next()) {
                        int a = ProjectStore.ASPECTS.indexOf(rs.getString(1));
                        if (a < 0) {
                            continue;
                        }
                        String name = names.computeIfAbsent(rs.getString(2), x -> x);
                        int k = row * ASPECTS + a;
                        if (who[k] == null) {
                            who[k] = name;
                        } else if (!who[k].equals(name)) {
                            String[] old = more.getOrDefault(k, new String[0]);
                            String[] grown = Arrays.copyOf(old, old.length + 1);
                            grown[old.length] = name;
                            more.put(k, grown);
                        }
                    }
                }
                tp.setString(1, e.getKey());
                List<Integer> ids = new ArrayList<>();
                try (ResultSet rs = tp.executeQuery()) {
                    while (rs.next()) {
                        String tag = rs.getString(1);
                        int id = tagList.indexOf(tag);
                        if (id < 0) {
                            tagList.add(tag);
                            id = tagList.size() - 1;
                        }
                        ids.add(id);
                    }
                }
                tg[row] = ids.isEmpty() ? NO_TAGS : ids.stream().mapToInt(Integer::intValue).toArray();
            }
            // every assignee still assigned somewhere (one unassigned from their last clip drops out)
            java.util.Set<String> present = new java.util.HashSet<>();
            for (String n : who) {
                if (n != null) {
                    present.add(n);
                }
            }
            for (String[] m : more.values()) {
                present.addAll(Arrays.asList(m));
            }
            List<String> assigneeList = new ArrayList<>(present);
            assigneeList.sort(String.CASE_INSENSITIVE_ORDER);
            return Optional.of(new ClipTable(size, clipNo, clipId, path, externalId, duration, fpsNum, fpsDen, width,
                    height, st, who, more, tg, List.copyOf(tagList), List.copyOf(assigneeList)));
        });
    }

    /**
     * The first clip after {@code afterClipNo} (in import order, wrapping round to the start) with an aspect
     * assigned to {@code assignee} that still needs work (a draft state: not started, pre-captioned, critiqued or
     * revised). Empty when there is none.
     */
    public static Optional<String> nextAssigned(ProjectStore store, String assignee, long afterClipNo) {
        return store.read(() -> {
            // aspect_assignees holds every assignee of a pair, overlap assignments included
            PreparedStatement ps = store.db().ps("SELECT s.clip_id FROM aspect_assignees x JOIN aspect_state s"
                    + " ON s.clip_id = x.clip_id AND s.aspect = x.aspect WHERE x.assignee = ?"
                    + " AND s.state IN ('not_started', 'precaptioned', 'critiqued', 'revised') AND x.clip_no > ?"
                    + " ORDER BY x.clip_no LIMIT 1");
            for (long after : new long[] {afterClipNo, 0}) {
                ps.setString(1, assignee);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Number of clips. */
    public int size() {
        return size;
    }

    /** The local import number of row {@code i} (increasing with {@code i}). */
    public long clipNo(int i) {
        return clipNo[i];
    }

    /** The row of a clip id, or -1. Linear; for an occasional look-up. */
    public int rowOf(String id) {
        for (int i = 0; i < size; i++) {
            if (clipId[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public String clipId(int i) {
        return clipId[i];
    }

    /** The stored media path (relative to the project folder when inside it). */
    public String path(int i) {
        return path[i];
    }

    /** The file name of the media path. */
    public String name(int i) {
        String p = path[i];
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** The external id, or null. */
    public String externalId(int i) {
        return externalId[i];
    }

    /** Duration in seconds; NaN when the clip was not probed. */
    public double duration(int i) {
        return duration[i];
    }

    /** Frames per second; NaN when unknown. */
    public double fps(int i) {
        return fpsDen[i] == 0 ? Double.NaN : (double) fpsNum[i] / fpsDen[i];
    }

    public int fpsNum(int i) {
        return fpsNum[i];
    }

    public int fpsDen(int i) {
        return fpsDen[i];
    }

    /** Width in pixels; 0 when unknown. */
    public int width(int i) {
        return width[i];
    }

    /** Height in pixels; 0 when unknown. */
    public int height(int i) {
        return height[i];
    }

    /** The queue state of aspect {@code a} (index in {@link ProjectStore#ASPECTS}) of row {@code i}. */
    public WorkflowState state(int i, int a) {
        return STATES[states[i * ASPECTS + a]];
    }

    /** The state's ordinal, without an enum look-up (for filters and sorting). */
    public int stateOrdinal(int i, int a) {
        return states[i * ASPECTS + a];
    }

    /**
     * The (first) assignee of aspect {@code a} of row {@code i}, or null (the same String instance for the same name).
     * With an overlap assignment there are more: {@link #assignees(int, int)}.
     */
    public String assignee(int i, int a) {
        return assignees[i * ASPECTS + a];
    }

    /** Every assignee of aspect {@code a} of row {@code i} (overlap assignments give several), empty when none. */
    public List<String> assignees(int i, int a) {
        String first = assignees[i * ASPECTS + a];
        if (first == null) {
            return List.of();
        }
        String[] more = moreAssignees.get(i * ASPECTS + a);
        if (more == null) {
            return List.of(first);
        }
        List<String> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** Whether {@code who} is one of the assignees of aspect {@code a} of row {@code i}. */
    public boolean assignedTo(int i, int a, String who) {
        if (who.equals(assignees[i * ASPECTS + a])) {
            return true;
        }
        String[] more = moreAssignees.get(i * ASPECTS + a);
        return more != null && Arrays.asList(more).contains(who);
    }

    /** Tag ids of row {@code i} (indices into {@link #tagNames()}), ascending by name. */
    public int[] tags(int i) {
        return tags[i];
    }

    /** Every tag in the project. */
    public List<String> tagNames() {
        return tagNames;
    }

    /** Every assignee in the project, sorted. */
    public List<String> assigneeNames() {
        return assigneeNames;
    }
}
