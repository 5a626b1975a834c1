// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.ui;

import io.chai.app.ui.library.LibraryFilter;
import io.chai.app.ui.library.LibraryQuery;
import io.chai.app.ui.library.LibraryColumn;
import io.chai.app.ui.library.SortKey;
import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.model.domain.Aspect;
import io.chai.model.store.ClipTable;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workstation library on 100,000 clips: loading every clip from the store ({@link ClipTable#load}), then the
 * filters and sorts the view model runs off the UI thread ({@link LibraryQuery#apply}), and the full-text search a
 * text filter adds. Targets: load < 1 s, filter or sort < 100 ms median (so typing and clicking a column header
 * feel immediate).
 */
public final class LibraryBenchmark implements Benchmark {
    static final int CLIPS = 100_000;

    @Override
    public String name() {
        return "ui-library";
    }

    @Override
    public String description() {
        return "library of " + CLIPS + " clips (5 aspects, assignments, tags, 25,000 pre-captions): load, filter, "
                + "sort, search";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        java.nio.file.Path dir = context.workDir().resolve("project");
        Files.createDirectories(dir.getParent());
        List<Figure> out = new ArrayList<>();
        try (ProjectStore store = ProjectStore.create(dir, "library bench", "chai-spec", "1.0.0")) {
            List<String> ids = new ArrayList<>();
            List<NewClip> clips = new ArrayList<>();
            for (int i = 0; i < CLIPS; i++) {
                String id = String.format(Locale.ROOT, "%064x", i + 1);
                ids.add(id);
                MediaInfo m = i % 10 == 0 ? new MediaInfo(2.0 + i % 7, 25, 1, 1920, 1080, 50, "h264")
                        : new MediaInfo(10.0 + i % 13, 24000, 1001, 1280, 720, 240, "h264");
                clips.add(new NewClip(id, "media/shot-" + i + ".mp4", 1000 + i, 0, null, m,
                        i % 20 == 0 ? List.of("batch-" + (i / 5000)) : List.of()));
            }
            store.addClips(clips);
            List<RevisionDraft> drafts = new ArrayList<>();
            String[] people = {"alice", "bob", "carol", "dan"};
            for (int i = 0; i < CLIPS; i++) {
                if (i % 3 == 0) {
                    drafts.add(RevisionDraft.of(ids.get(i), "", RevisionKind.ASSIGNMENT, "lead",
                            "{\"assignee\":\"" + people[i % 4] + "\"}"));
                }
                if (i % 4 == 0) {
                    drafts.add(RevisionDraft.of(ids.get(i), "subject", RevisionKind.PRE_CAPTION, "model",
                            "{\"text\":\"" + (i % 1000 == 0 ? "a zebra on a bridge" : "a person walks") + "\"}"));
                }
            }
            store.appendBulk(drafts);

            Samples load = new Samples();
            ClipTable table = null;
            for (int r = 0; r < 5; r++) {
                long t0 = System.nanoTime();
                table = ClipTable.load(store);
                load.add((System.nanoTime() - t0) / 1e6);
            }
            ClipTable t = table;
            out.add(Figure.of("load " + t.size() + " clips", "ms", load, "median < 1000 ms", load.median() < 1000));

            List<SortKey> none = List.of();
            out.add(time("filter: tag", () -> LibraryQuery.apply(t, LibraryFilter.ALL.withTag("batch-3"), null, none),
                    100));
            out.add(time("filter: state + aspect", () -> LibraryQuery.apply(t,
                    LibraryFilter.ALL.withState(WorkflowState.PRECAPTIONED).withAspect(Aspect.SUBJECT), null, none),
                    100));
            out.add(time("filter: assignee", () -> LibraryQuery.apply(t, LibraryFilter.ALL.withAssignee("carol"),
                    null, none), 100));
            out.add(time("filter: name text", () -> LibraryQuery.apply(t, LibraryFilter.ALL.withText("shot-99"),
                    null, none), 100));
            out.add(time("sort: name", () -> LibraryQuery.apply(t, LibraryFilter.ALL, null,
                    List.of(new SortKey(LibraryColumn.NAME, true))), 100));
            out.add(time("sort: duration desc", () -> LibraryQuery.apply(t, LibraryFilter.ALL, null,
                    List.of(new SortKey(LibraryColumn.DURATION, false))), 100));
            out.add(time("sort: subject state, then assignee", () -> LibraryQuery.apply(t, LibraryFilter.ALL, null,
                    List.of(new SortKey(LibraryColumn.SUBJECT, true), new SortKey(LibraryColumn.ASSIGNEE, true))),
                    100));
            Samples search = new Samples();
            for (int r = 0; r < 20; r++) {
                long t0 = System.nanoTime();
                Set<String> hits = new HashSet<>();
                store.search("zebra bri", 20_000).forEach(h -> hits.add(h.clipId()));
                LibraryQuery.apply(t, LibraryFilter.ALL.withText("zebra bri"), hits, none);
                search.add((System.nanoTime() - t0) / 1e6);
            }
            out.add(Figure.of("text filter with full-text search (100 hits)", "ms", search, "median < 100 ms",
                    search.median() < 100));
        }
        return out;
    }

    private static Figure time(String name, java.util.function.Supplier<int[]> run, double targetMs) {
        Samples s = new Samples();
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            int[] rows = run.get();
            s.add((System.nanoTime() - t0) / 1e6);
            if (rows.length < 0) {
                throw new IllegalStateException();
            }
        }
        return Figure.of(name, "ms", s, "median < " + (int) targetMs + " ms", s.median() < targetMs);
    }
}
