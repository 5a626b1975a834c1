// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Finding and resolving {@link Conflict}s in a project's revision log. */
public final class Conflicts {
    private Conflicts() {
    }

    /** The conflicts of one clip's aspect ({@code ""} = clip level), in kind order. */
    public static List<Conflict> of(ProjectStore project, String clipId, String aspect) {
        return find(project.history(clipId, aspect));
    }

    /** Every conflict in the project (scans the whole log; for status displays and tests). */
    public static List<Conflict> all(ProjectStore project) {
        List<Revision> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Revision> page = project.revisionsAfter(after, 10_000);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
        return find(all);
    }

    /** The conflicts among the given revisions, grouped by (clip, aspect, kind). */
    public static List<Conflict> find(List<Revision> revisions) {
        Map<String, List<Revision>> groups = new LinkedHashMap<>();
        for (Revision r : revisions) {
            if (r.kind().hasCurrentValue()) {
                groups.computeIfAbsent(r.clipId() + "\u0000" + r.aspect() + "\u0000" + r.kind().id(),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Conflict> out = new ArrayList<>();
        for (List<Revision> g : groups.values()) {
            Set<UUID> named = new HashSet<>();
            for (Revision r : g) {
                named.addAll(r.parents());
            }
            List<Revision> heads = new ArrayList<>();
            for (Revision r : g) {
                if (!named.contains(r.uuid())) {
                    heads.add(r);
                }
            }
            if (heads.size() > 1 && heads.stream().map(Revision::payload).distinct().count() > 1) {
                heads.sort(Comparator.comparing(Revision::hlc).thenComparing(r -> r.uuid().toString()));
                Revision first = heads.get(0);
                out.add(new Conflict(first.clipId(), first.aspect(), first.kind(), heads));
            }
        }
        out.sort(Comparator.comparing(Conflict::clipId).thenComparing(Conflict::aspect)
                .thenComparing(c -> c.kind().ordinal()));
        return out;
    }

    /**
     * Resolves a conflict: appends a merge revision by {@code author} whose parents are all the conflict's heads and
     * whose payload is {@code payload} (one of the heads' payloads, or a combination the user wrote).
     */
    public static Revision resolve(ProjectStore project, Conflict conflict, String payload, String author) {
        List<UUID> parents = conflict.heads().stream().map(Revision::uuid).toList();
        RevisionKind kind = conflict.kind();
        return project.append(new RevisionDraft(conflict.clipId(), conflict.aspect(), kind, author, parents, payload));
    }
}
