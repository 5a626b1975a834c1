// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.store.ClipTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Filters and sorts a {@link ClipTable} into the row order the library shows: an {@code int[]} of table rows, with
 * no object per clip (sorting boxes the row numbers only). Pure; runs off the UI thread.
 */
public final class LibraryQuery {
    private LibraryQuery() {
    }

    /**
     * @param searchHits clip ids the full-text search found for {@code filter.text()} (null: no search)
     * @return the matching rows in display order (ties keep import order)
     */
    public static int[] apply(ClipTable t, LibraryFilter filter, Set<String> searchHits, List<SortKey> sort) {
        int[] out = new int[t.size()];
        int n = 0;
        int tagId = filter.tag() == null ? -1 : t.tagNames().indexOf(filter.tag());
        if (filter.tag() != null && tagId < 0) {
            return new int[0];
        }
        String text = filter.text().toLowerCase(Locale.ROOT);
        int a0 = filter.aspect() == null ? 0 : filter.aspect().ordinal();
        int a1 = filter.aspect() == null ? ClipTable.ASPECTS : a0 + 1;
        int state = filter.state() == null ? -1 : filter.state().ordinal();
        String who = filter.assignee();
        boolean byAspect = filter.aspect() != null || state >= 0 || who != null;
        for (int i = 0; i < t.size(); i++) {
            if (byAspect && !aspectMatches(t, i, a0, a1, state, who)) {
                continue;
            }
            if (tagId >= 0 && !hasTag(t.tags(i), tagId)) {
                continue;
            }
            if (!text.isEmpty() && !textMatches(t, i, text, searchHits)) {
                continue;
            }
            out[n++] = i;
        }
        int[] rows = Arrays.copyOf(out, n);
        if (sort.isEmpty() || sort.size() == 1 && sort.get(0).column() == LibraryColumn.ORDER
                && sort.get(0).ascending()) {
            return rows;
        }
        Comparator<Integer> c = null;
        for (SortKey k : sort) {
            Comparator<Integer> next = comparator(t, rows, k.column());
            if (!k.ascending()) {
                next = next.reversed();
            }
            c = c == null ? next : c.thenComparing(next);
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = rows[i];
        }
        Arrays.sort(boxed, c.thenComparingInt(Integer::intValue));
        for (int i = 0; i < n; i++) {
            rows[i] = boxed[i];
        }
        return rows;
    }

    private static boolean aspectMatches(ClipTable t, int i, int a0, int a1, int state, String who) {
        for (int a = a0; a < a1; a++) {
            if (state >= 0 && t.stateOrdinal(i, a) != state) {
                continue;
            }
            if (who != null && (who.isEmpty() ? t.assignee(i, a) != null : !t.assignedTo(i, a, who))) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean hasTag(int[] tags, int id) {
        for (int x : tags) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }

    private static boolean textMatches(ClipTable t, int i, String lower, Set<String> hits) {
        if (hits != null && hits.contains(t.clipId(i))) {
            return true;
        }
        if (contains(t.path(i), lower)) {
            return true;
        }
        String ext = t.externalId(i);
        return ext != null && contains(ext, lower);
    }

    /** Case-insensitive substring test without lower-casing the haystack. */
    private static boolean contains(String hay, String lowerNeedle) {
        int n = lowerNeedle.length();
        for (int s = 0; s + n <= hay.length(); s++) {
            if (hay.regionMatches(true, s, lowerNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<Integer> comparator(ClipTable t, int[] rows, LibraryColumn col) {
        switch (col) {
            case ORDER:
                return Comparator.comparingInt(Integer::intValue);
            case DURATION:
                return (x, y) -> Double.compare(nanLast(t.duration(x)), nanLast(t.duration(y)));
            case FPS:
                return (x, y) -> Double.compare(nanLast(t.fps(x)), nanLast(t.fps(y)));
            case RESOLUTION:
                return (x, y) -> {
                    int r = Long.compare((long) t.width(x) * t.height(x), (long) t.width(y) * t.height(y));
                    return r != 0 ? r : Integer.compare(t.width(x), t.width(y));
                };
            case NAME:
            case ASSIGNEE:
            case TAGS: {
                // one key per shown row, computed once (not on every comparison)
                String[] keys = new String[t.size()];
                for (int r : rows) {
                    LibraryRow row = new LibraryRow(t, r);
                    keys[r] = col == LibraryColumn.NAME ? row.name() : col == LibraryColumn.ASSIGNEE ? row.assignees()
                            : row.tags();
                }
                // empty values last
                return (x, y) -> {
                    String a = keys[x];
                    String b = keys[y];
                    if (a.isEmpty() != b.isEmpty()) {
                        return a.isEmpty() ? 1 : -1;
                    }
                    return String.CASE_INSENSITIVE_ORDER.compare(a, b);
                };
            }
            default: {
                int a = col.aspectIndex();
                return (x, y) -> Integer.compare(t.stateOrdinal(x, a), t.stateOrdinal(y, a));
            }
        }
    }

    private static double nanLast(double d) {
        return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
    }

    /** The columns of a sort order, for messages. */
    static List<String> describe(List<SortKey> sort) {
        List<String> out = new ArrayList<>();
        for (SortKey k : sort) {
            out.add(k.column().title() + (k.ascending() ? " ↑" : " ↓"));
        }
        return out;
    }
}
