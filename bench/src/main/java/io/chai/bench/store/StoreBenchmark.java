// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.store;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.media.IndexStore;
import io.chai.media.ProbeResult;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import io.chai.model.store.ImportListener;
import io.chai.model.store.ImportReport;
import io.chai.model.store.MediaImporter;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.MediaProber;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.QueueQuery;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.store.WorkStates;
import io.chai.model.workflow.WorkflowState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The project store at studio scale: a generated project of 100,000 clips and 1,000,000 revisions (sizes can be
 * lowered with -Dchai.bench.store.clips / .revisions for a quick run). Measures open time, heap after open,
 * work-queue and full-text search latency, and import rate with probing excluded and included.
 */
public final class StoreBenchmark implements Benchmark {
    private static final String[] PEOPLE = {"alice", "bob", "carol", "dan", "erin", "farid", "gita", "hugo"};
    private static final String[] TAGS = {"day1", "day2", "day3", "interview", "broll", "drone", "night", "studio",
        "harbour", "market"};

    @Override
    public String name() {
        return "store";
    }

    @Override
    public String description() {
        return "Project store (SQLite): generated project of " + clips() + " clips and " + revisions()
                + " revisions; open, heap, work queue, full-text search, import.";
    }

    private static int clips() {
        return Integer.getInteger("chai.bench.store.clips", 100_000);
    }

    private static int revisions() {
        return Integer.getInteger("chai.bench.store.revisions", 1_000_000);
    }

    /** A vocabulary of pronounceable pseudo-words with a Zipf-like use frequency. */
    private static final class Vocabulary {
        final String[] words;
        final double[] cumulative;

        Vocabulary(Random rnd, int size) {
            String[] syll = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bi", "da", "ge", "hu", "po", "zi"};
            words = new String[size];
            cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) {
                StringBuilder w = new StringBuilder();
                for (int s = 0, n = 2 + rnd.nextInt(3); s < n; s++) {
                    w.append(syll[rnd.nextInt(syll.length)]);
                }
                words[i] = w.toString() + i;
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < size; i++) {
                cumulative[i] /= sum;
            }
        }

        String word(Random rnd) {
            int i = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble());
            return words[i < 0 ? Math.min(words.length - 1, -i - 1) : i];
        }

        String text(Random rnd, int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : " ").append(word(rnd));
            }
            return sb.append('.').toString();
        }
    }

    static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
    }

    private static String json(String field, String text) {
        return "{\"" + field + "\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        Path dir = context.scratch("project");
        Random rnd = new Random(42);
        Vocabulary vocab = new Vocabulary(rnd, 5000);
        int nClips = clips();
        int nRevisions = revisions();
        List<String> ids = new ArrayList<>(nClips);

        long t0 = System.nanoTime();
        try (ProjectStore store = ProjectStore.create(dir, "bench", "chai-spec", "1.0.0")) {
            List<NewClip> batch = new ArrayList<>();
            for (int i = 0; i < nClips; i++) {
                String id = sha("bench-clip-" + i);
                ids.add(id);
                batch.add(new NewClip(id, "/media/reel" + (i / 1000) + "/clip" + i + ".mov", 10_000_000L + i, 0,
                        "ext-" + i, new MediaInfo(8.0, 24000, 1001, 1920, 1080, 192, "h264"),
                        List.of(TAGS[i % TAGS.length])));
                if (batch.size() == 20_000) {
                    store.addClips(batch);
                    batch.clear();
                }
            }
            store.addClips(batch);
            long t1 = System.nanoTime();
            figures.add(Figure.single("generate: clips inserted", "clips/s", nClips / ((t1 - t0) / 1e9), "", null));

            // assignments first (one per clip), then a random walk of edits over (clip, aspect), generated lazily
            // and appended in bulk (one transaction, state derived in set-based passes)
            RevisionKind[] flow = {RevisionKind.PRE_CAPTION, RevisionKind.RATING, RevisionKind.CRITIQUE,
                RevisionKind.POST_CAPTION, RevisionKind.SUBMISSION, RevisionKind.REVIEW};
            Iterable<RevisionDraft> generated = () -> new java.util.Iterator<>() {
                int written;
                String clip;
                String aspect;
                String author;
                int step;
                int steps;

                @Override
                public boolean hasNext() {
                    return written < nRevisions;
                }

                @Override
                public RevisionDraft next() {
                    if (written < Math.min(nClips, nRevisions)) {
                        int i = written++;
                        return RevisionDraft.of(ids.get(i), "", RevisionKind.ASSIGNMENT, "lead",
                                json("assignee", PEOPLE[i % PEOPLE.length]));
                    }
                    if (step >= steps) {
                        clip = ids.get(rnd.nextInt(nClips));
                        aspect = ProjectStore.ASPECTS.get(rnd.nextInt(5));
                        author = PEOPLE[rnd.nextInt(PEOPLE.length)];
                        steps = 1 + rnd.nextInt(flow.length);
                        step = 0;
                    }
                    RevisionKind k = flow[step++];
                    written++;
                    String payload = switch (k) {
                        case PRE_CAPTION -> "{\"pre_caption\":\"" + vocab.text(rnd, 40 + rnd.nextInt(40))
                                + "\",\"source\":\"model\",\"source_name\":\"bench-vlm\"}";
                        case RATING -> Integer.toString(1 + rnd.nextInt(5));
                        case CRITIQUE -> "{\"initial_feedback\":\"" + vocab.text(rnd, 10 + rnd.nextInt(20))
                                + "\",\"final_feedback\":\"" + vocab.text(rnd, 15 + rnd.nextInt(20)) + "\"}";
                        case POST_CAPTION -> json("final_caption", vocab.text(rnd, 40 + rnd.nextInt(40)));
                        case SUBMISSION -> "{\"submitted\":true}";
                        default -> "{\"decision\":\"" + (rnd.nextInt(4) == 0 ? "reject" : "approve") + "\"}";
                    };
                    return RevisionDraft.of(clip, aspect, k, k == RevisionKind.REVIEW ? "reviewer" : author, payload);
                }
            };
            store.appendBulk(generated);
            long t2 = System.nanoTime();
            figures.add(Figure.single("generate: revisions appended (derived state kept)", "revisions/s",
                    nRevisions / ((t2 - t1) / 1e9), "", null));
        }
        figures.add(Figure.single("database size", "MB",
                Files.size(dir.resolve(ProjectStore.DATABASE_FILE)) / 1e6, "", null));

        // open: a fresh open (migrations check, metadata, clock from the newest revision)
        Samples open = new Samples();
        for (int i = 0; i < 7; i++) {
            open.time(() -> ProjectStore.open(dir).close());
        }
        figures.add(Figure.of("open project", "ms", open, "median < 1000 ms", open.median() < 1000));

        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        try (ProjectStore store = ProjectStore.open(dir)) {
            System.gc();
            double heapMb = memory.getHeapMemoryUsage().getUsed() / 1e6;
            figures.add(Figure.single("heap used after open (whole JVM, after GC)", "MB", heapMb, "< 512 MB",
                    heapMb < 512));

            WorkflowState[] states = WorkflowState.values();
            Samples queue = new Samples();
            Random q = new Random(7);
            for (int i = 0; i < 300; i++) {
                String aspect = q.nextInt(4) == 0 ? null : ProjectStore.ASPECTS.get(q.nextInt(5));
                WorkflowState state = q.nextInt(3) == 0 ? null : states[q.nextInt(states.length)];
                String assignee = q.nextInt(2) == 0 ? null : PEOPLE[q.nextInt(PEOPLE.length)];
                String tag = q.nextInt(3) == 0 ? TAGS[q.nextInt(TAGS.length)] : null;
                QueueQuery query = new QueueQuery(aspect, state, assignee, tag, 0, 50);
                queue.time(() -> store.workQueue(query));
            }
            figures.add(Figure.of("work queue (random aspect/state/assignee/tag, 50 rows)", "ms", queue,
                    "median < 50 ms", queue.median() < 50));

            Samples search = new Samples();
            for (int i = 0; i < 300; i++) {
                String text = q.nextInt(3) == 0 ? vocab.word(q) + " " + vocab.word(q) : vocab.word(q);
                search.time(() -> store.search(text, 20));
            }
            figures.add(Figure.of("full-text search (captions, critiques; 20 hits)", "ms", search,
                    "median < 50 ms", search.median() < 50));

            Samples status = new Samples();
            for (int i = 0; i < 5; i++) {
                status.time(() -> store.stateCounts(ProjectStore.GroupBy.ASPECT));
            }
            figures.add(Figure.of("status counts by aspect", "ms", status, "", null));
            figures.add(Figure.single("states counted", "rows", store.stateCounts(ProjectStore.GroupBy.STATE).stream()
                    .mapToLong(r -> r.count()).sum(), "", null));
            String sample = WorkStates.id(WorkflowState.APPROVED);
            figures.add(Figure.single("approved (clip, aspect) pairs", "rows",
                    store.stateCounts(ProjectStore.GroupBy.STATE).stream().filter(r -> r.column().equals(sample))
                            .mapToLong(r -> r.count()).sum(), "", null));
        }

        figures.addAll(importRates(context));
        return figures;
    }

    /** Import into a fresh project: hashing + committing only, then with the real FFmpeg probe. */
    private static List<Figure> importRates(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        Path files = context.scratch("import-files");
        Random rnd = new Random(3);
        int n = Integer.getInteger("chai.bench.store.importFiles", 5000);
        byte[] buf = new byte[64 * 1024];
        for (int i = 0; i < n; i++) {
            rnd.nextBytes(buf);
            Files.write(files.resolve("f" + (i / 500) + "-" + i + ".mp4").normalize(), buf);
        }
        MediaProber none = file -> new MediaInfo(1, 25, 1, 64, 64, 25, "none");
        try (ProjectStore store = ProjectStore.create(context.scratch("import-a").resolve("p"), "a", "chai-spec",
                "1.0.0")) {
            long t0 = System.nanoTime();
            ImportReport r = new MediaImporter(store, none, threads).importPaths(List.of(files), Set.of("mp4"),
                    "bench", ImportListener.NONE, new AtomicBoolean());
            double s = (System.nanoTime() - t0) / 1e9;
            figures.add(Figure.single(String.format(Locale.ROOT, "import, probing excluded (%d files of 64 KiB)",
                    r.imported()), "clips/s", r.imported() / s, "", null));
        }

        Path clips = context.scratch("import-clips");
        Path source = clips.resolve("source.mp4");
        FfmpegCli.locate().run(120, "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "4", "-c:v", "mpeg4",
                "-q:v", "5", source.toString());
        int m = Integer.getInteger("chai.bench.store.probedFiles", 60);
        byte[] original = Files.readAllBytes(source);
        Files.delete(source);
        for (int i = 0; i < m; i++) {
            // distinct content per file: trailing bytes after the container (decoders ignore them)
            Path f = clips.resolve("clip" + i + ".mp4");
            Files.write(f, original);
            Files.write(f, ("copy " + i).getBytes(), StandardOpenOption.APPEND);
        }
        Path p = context.scratch("import-b").resolve("p");
        try (ProjectStore store = ProjectStore.create(p, "b", "chai-spec", "1.0.0")) {
            IndexStore indexes = new IndexStore(p.resolve("cache/frame-index"));
            MediaProber real = file -> {
                try (VideoClip clip = VideoClip.open(file, indexes, ProgressListener.NONE, CancellationToken.NONE)) {
                    ProbeResult pr = clip.probe();
                    return new MediaInfo(pr.duration().toDouble(), pr.frameRate().num(), pr.frameRate().den(),
                            pr.displayWidth(), pr.displayHeight(), pr.frameCount(), pr.codec());
                }
            };
            long t0 = System.nanoTime();
            ImportReport r = new MediaImporter(store, real, threads).importPaths(List.of(clips), Set.of("mp4"),
                    "bench", ImportListener.NONE, new AtomicBoolean());
            double s = (System.nanoTime() - t0) / 1e9;
            figures.add(Figure.single(String.format(Locale.ROOT,
                    "import, probing included (%d clips, 4 s 640x360 MPEG-4, frame index by decoding)", r.imported()),
                    "clips/s", r.imported() / s, "", null));
        }
        return figures;
    }
}
