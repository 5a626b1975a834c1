// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chai.media.CancellationToken;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CountRow;
import io.chai.model.store.Hlc;
import io.chai.model.store.ImportProblem;
import io.chai.model.store.ImportReport;
import io.chai.model.store.MediaImporter;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.ProjectStoreException;
import io.chai.model.store.RelinkReport;
import io.chai.model.store.Revision;
import io.chai.model.store.WorkStates;
import io.chai.model.workflow.WorkflowState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The project commands: {@code init}, {@code import}, {@code relink}, {@code status}, {@code list} and
 * {@code history}. Every command but init works on {@code --project DIR}, by default the current folder or its
 * nearest parent holding a project.
 */
public final class ProjectCommands {
    private ProjectCommands() {
    }

    /** {@code --project DIR}. */
    static final class ProjectOption {
        @Option(names = "--project", paramLabel = "DIR",
                description = "the project folder (default: the current folder or its nearest parent with a project)")
        Path project;

        Path resolve() {
            if (project != null) {
                return project;
            }
            Path cwd = Path.of("").toAbsolutePath();
            return ProjectStore.locate(cwd).orElseThrow(() -> new ProjectStoreException("no CHAI project in " + cwd
                    + " or its parents: pass --project DIR or create one with 'chai init DIR --name NAME'"));
        }

        ProjectStore open() {
            return ProjectStore.open(resolve());
        }
    }

    static String defaultAuthor() {
        String env = System.getenv("CHAI_USER");
        return env != null && !env.isBlank() ? env.strip() : System.getProperty("user.name", "unknown");
    }

    private static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    private static PrintWriter err(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getErr();
    }

    /** Parses a state filter (store names such as {@code precaptioned}). */
    static WorkflowState state(String s) {
        return s == null ? null : WorkStates.parse(s.toLowerCase(Locale.ROOT));
    }

    static String aspect(String a) {
        if (a != null && !ProjectStore.ASPECTS.contains(a)) {
            throw new ProjectStoreException("unknown aspect '" + a + "' (known: " + String.join(", ", ProjectStore.ASPECTS)
                    + ")");
        }
        return a;
    }

    // ------------------------------------------------------------------------------------------------ init

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a project folder with its database and caches, recording the specification used.")
    public static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the project folder (created if missing)")
        Path dir;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the project's name")
        String name;

        @Option(names = "--spec", paramLabel = "FILE",
                description = "a specification folder or spec.yaml (default: the bundled specification)")
        Path specFile;

        @Override
        public Integer call() {
            Specification s = specFile == null ? Specifications.bundled() : Specifications.load(specFile);
            try (ProjectStore store = ProjectStore.create(dir, name, s.id(), s.version().toString())) {
                out(spec).printf("created project '%s' in %s (specification %s %s)%n", store.info().name(),
                        store.directory(), s.id(), s.version());
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    // ------------------------------------------------------------------------------------------------ import

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import media: folders (recursive), video files, CSV or JSONL manifests. Each file is hashed"
                    + " (the same content is one clip) and probed; unreadable files and bad manifest rows are listed"
                    + " and skipped. Ctrl-C stops after saving what was done; --resume continues.")
    public static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectOption project = new ProjectOption();

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "folders, files or manifests (.csv, .jsonl)")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--ext", split = ",", paramLabel = "EXT",
                description = "extensions picked up in folders (default: common video extensions)")
        List<String> extensions;

        @Option(names = "--threads", paramLabel = "N", description = "files hashed and probed at once (default: cores)")
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        @Option(names = "--resume", description = "continue the last interrupted import")
        boolean resume;

        @Option(names = "--author", paramLabel = "NAME", description = "who imports (default: $CHAI_USER or the login name)")
        String author = defaultAuthor();

        @Override
        public Integer call() throws Exception {
            if (resume == !paths.isEmpty()) {
                throw new ProjectStoreException(resume ? "--resume takes no paths" : "give at least one PATH to import"
                        + " (or --resume)");
            }
            Set<String> exts = MediaImporter.DEFAULT_EXTENSIONS;
            if (extensions != null) {
                exts = new LinkedHashSet<>();
                for (String e : extensions) {
                    exts.add(e.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
                }
            }
            PrintWriter err = err(spec);
            AtomicBoolean cancel = new AtomicBoolean();
            CancellationToken token = new CancellationToken();
            java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                cancel.set(true);
                token.cancel();
                try {
                    reported.await(30, java.util.concurrent.TimeUnit.SECONDS); // commit what is done, report it
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return importAndReport(err, cancel, token, exts);
            } finally {
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and has just been released
                }
            }
        }

        private int importAndReport(PrintWriter err, AtomicBoolean cancel, CancellationToken token, Set<String> exts) {
            ImportReport report;
            try (ProjectStore store = project.open()) {
                MediaImporter importer = new MediaImporter(store, new ProjectMediaProber(store.directory(), token),
                        threads);
                if (!resume && importer.unfinishedRun().isPresent()) {
                    err.println("chai: note: an earlier import was interrupted; 'chai import --resume' continues it");
                }
                long[] lastPrint = {0};
                var listener = (io.chai.model.store.ImportListener) (done, total, imported, dups, skipped) -> {
                    long now = System.currentTimeMillis();
                    if (now - lastPrint[0] >= 1000 || done == total) {
                        err.printf("importing: %d/%d files (%d new, %d duplicates, %d skipped)%n", done, total,
                                imported, dups, skipped);
                        err.flush();
                        lastPrint[0] = now;
                    }
                };
                report = resume ? importer.resume(listener, cancel)
                        : importer.importPaths(paths, exts, author, listener, cancel);
            }
            PrintWriter out = out(spec);
            for (ImportProblem p : report.problems()) {
                out.println("skipped " + p);
            }
            out.println(report.summary());
            out.flush();
            return ChaiCommand.EXIT_OK;
        }
    }

    // ------------------------------------------------------------------------------------------------ relink

    @Command(name = "relink", mixinStandardHelpOptions = true,
            description = "Find clips whose media moved: looks under DIR for files with the same content.")
    public static final class Relink implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectOption project = new ProjectOption();

        @Parameters(index = "0", paramLabel = "DIR", description = "the new media root")
        Path dir;

        @Override
        public Integer call() {
            try (ProjectStore store = project.open()) {
                RelinkReport r = new io.chai.model.store.Relinker(store,
                        Runtime.getRuntime().availableProcessors()).relink(dir);
                PrintWriter out = out(spec);
                for (RelinkReport.Moved m : r.relinked()) {
                    out.println("relinked " + m.clipId().substring(0, 12) + " " + m.from() + " -> " + m.to());
                }
                for (ImportProblem p : r.problems()) {
                    out.println("unreadable " + p);
                }
                out.printf("%d of %d missing clips relinked, %d still missing (%d files looked at)%n",
                        r.relinked().size(), r.missingBefore(), r.stillMissing(), r.filesScanned());
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    // ------------------------------------------------------------------------------------------------ status

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Counts of work by state, optionally per aspect or annotator.")
    public static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectOption project = new ProjectOption();

        @Option(names = "--by", paramLabel = "GROUP", description = "aspect, annotator or state (default: state)")
        String by = "state";

        @Override
        public Integer call() {
            ProjectStore.GroupBy group = ProjectStore.GroupBy.parse(by);
            try (ProjectStore store = project.open()) {
                PrintWriter out = out(spec);
                var info = store.info();
                out.printf("project '%s' (%s), specification %s %s: %d clips, %d revisions%n", info.name(),
                        info.directory(), info.specId(), info.specVersion(), store.clipCount(), store.revisionCount());
                List<String> states = new ArrayList<>();
                for (WorkflowState s : WorkflowState.values()) {
                    states.add(WorkStates.id(s));
                }
                Map<String, Map<String, Long>> table = new TreeMap<>();
                for (CountRow r : store.stateCounts(group)) {
                    table.computeIfAbsent(r.group(), g -> new TreeMap<>()).put(r.column(), r.count());
                }
                if (group == ProjectStore.GroupBy.ASPECT) {
                    Map<String, Map<String, Long>> ordered = new java.util.LinkedHashMap<>();
                    for (String a : ProjectStore.ASPECTS) {
                        ordered.put(a, table.getOrDefault(a, Map.of()));
                    }
                    table = ordered;
                }
                printTable(out, group == ProjectStore.GroupBy.STATE ? "" : group.name().toLowerCase(Locale.ROOT),
                        table, states);
                if (group == ProjectStore.GroupBy.ANNOTATOR) {
                    Map<String, Map<String, Long>> byAuthor = new TreeMap<>();
                    Set<String> kinds = new TreeSet<>();
                    for (CountRow r : store.annotatorCounts()) {
                        byAuthor.computeIfAbsent(r.group(), g -> new TreeMap<>()).put(r.column(), r.count());
                        kinds.add(r.column());
                    }
                    out.println();
                    out.println("revisions by author:");
                    printTable(out, "author", byAuthor, new ArrayList<>(kinds));
                }
            }
            return ChaiCommand.EXIT_OK;
        }

        private static void printTable(PrintWriter out, String first, Map<String, Map<String, Long>> rows,
                List<String> columns) {
            int w0 = Math.max(first.length(), 12);
            for (String k : rows.keySet()) {
                w0 = Math.max(w0, k.isEmpty() ? 12 : k.length());
            }
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-" + w0 + "s", first));
            for (String c : columns) {
                h.append("  ").append(c);
            }
            out.println(h.append("  total"));
            for (Map.Entry<String, Map<String, Long>> row : rows.entrySet()) {
                String name = row.getKey().isEmpty() ? (first.isEmpty() ? "all" : "(none)") : row.getKey();
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + w0 + "s", name));
                long total = 0;
                for (String c : columns) {
                    long n = row.getValue().getOrDefault(c, 0L);
                    total += n;
                    sb.append("  ").append(String.format(Locale.ROOT, "%" + c.length() + "d", n));
                }
                out.println(sb.append("  ").append(String.format(Locale.ROOT, "%5d", total)));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ list

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List clips, optionally filtered; a clip matches when one of its aspects matches all of"
                    + " --aspect, --state and --assignee.")
    public static final class ListClips implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectOption project = new ProjectOption();

        @Option(names = "--state", paramLabel = "STATE",
                description = "not_started, precaptioned, critiqued, revised, submitted, approved or rejected")
        String state;

        @Option(names = "--aspect", paramLabel = "ASPECT", description = "subject, scene, motion, spatial or camera")
        String aspect;

        @Option(names = "--assignee", paramLabel = "NAME", description = "assigned annotator ('' for unassigned)")
        String assignee;

        @Option(names = "--tag", paramLabel = "TAG", description = "clips with this tag")
        String tag;

        @Option(names = "--limit", paramLabel = "N", description = "at most N clips (default: all)")
        int limit = Integer.MAX_VALUE;

        @Option(names = "--json", description = "print a JSON array, one object per clip")
        boolean json;

        @Override
        public Integer call() throws Exception {
            WorkflowState s = state(state);
            String a = aspect(aspect);
            PrintWriter out = out(spec);
            JsonMapper mapper = ChaiJson.newMapper();
            try (ProjectStore store = project.open()) {
                List<ClipRecord> clips = store.clips(a, s, assignee, tag, 0, limit);
                if (json) {
                    ArrayNode arr = mapper.createArrayNode();
                    for (ClipRecord c : clips) {
                        arr.add(toJson(mapper, c));
                    }
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                } else {
                    for (ClipRecord c : clips) {
                        StringBuilder sb = new StringBuilder(c.clipId().substring(0, 12));
                        for (String asp : ProjectStore.ASPECTS) {
                            WorkflowState st = c.states().get(asp);
                            sb.append(' ').append(asp).append('=').append(st == null ? "-" : WorkStates.id(st));
                        }
                        sb.append("  ").append(c.path());
                        out.println(sb);
                    }
                }
            }
            out.flush();
            return ChaiCommand.EXIT_OK;
        }

        static ObjectNode toJson(JsonMapper mapper, ClipRecord c) {
            ObjectNode o = mapper.createObjectNode();
            o.put("clip_id", c.clipId());
            o.put("path", c.path().toString());
            o.put("external_id", c.externalId());
            o.put("size_bytes", c.sizeBytes());
            ArrayNode tags = o.putArray("tags");
            c.tags().forEach(tags::add);
            if (c.media() == null) {
                o.putNull("media");
            } else {
                ObjectNode m = o.putObject("media");
                m.put("duration_s", c.media().durationSeconds());
                m.put("fps", c.media().fpsNum() + "/" + c.media().fpsDen());
                m.put("width", c.media().width());
                m.put("height", c.media().height());
                m.put("frame_count", c.media().frameCount());
                m.put("codec", c.media().codec());
            }
            ObjectNode states = o.putObject("states");
            c.states().forEach((k, v) -> states.put(k, WorkStates.id(v)));
            ObjectNode assignees = o.putObject("assignees");
            c.assignees().forEach(assignees::put);
            o.put("imported_at", c.importedAt());
            return o;
        }
    }

    // ------------------------------------------------------------------------------------------------ history

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every revision of a clip (or one aspect), oldest first.")
    public static final class History implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectOption project = new ProjectOption();

        @Parameters(index = "0", paramLabel = "CLIP", description = "clip id, id prefix, external id or media path")
        String clip;

        @Option(names = "--aspect", paramLabel = "ASPECT", description = "only this aspect")
        String aspect;

        @Option(names = "--json", description = "print a JSON array, one object per revision")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String a = aspect(aspect);
            PrintWriter out = out(spec);
            JsonMapper mapper = ChaiJson.newMapper();
            try (ProjectStore store = project.open()) {
                String id = store.resolveClip(clip);
                List<Revision> revisions = store.history(id, a);
                if (json) {
                    ArrayNode arr = mapper.createArrayNode();
                    for (Revision r : revisions) {
                        ObjectNode o = arr.addObject();
                        o.put("uuid", r.uuid().toString());
                        o.put("seq", r.seq());
                        o.put("clip_id", r.clipId());
                        o.put("aspect", r.aspect());
                        o.put("kind", r.kind().id());
                        o.put("author", r.author());
                        o.put("device", r.device());
                        o.put("hlc", r.hlc().toString());
                        o.put("time", Instant.ofEpochMilli(r.hlc().wallMillis()).toString());
                        ArrayNode parents = o.putArray("parents");
                        r.parents().forEach(p -> parents.add(p.toString()));
                        o.set("payload", mapper.readTree(r.payload()));
                        o.put("spec", r.specId() + " " + r.specVersion());
                    }
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                } else {
                    out.println("clip " + id + " (" + revisions.size() + " revisions)");
                    for (Revision r : revisions) {
                        Hlc h = r.hlc();
                        String payload = r.payload();
                        if (payload.length() > 100) {
                            payload = payload.substring(0, 97) + "...";
                        }
                        out.printf("%s  %-8s %-16s %-10s %s  %s%n", Instant.ofEpochMilli(h.wallMillis()),
                                r.aspect().isEmpty() ? "(clip)" : r.aspect(), r.kind().id(), r.author(),
                                r.uuid().toString().substring(0, 8), payload);
                    }
                }
            }
            out.flush();
            return ChaiCommand.EXIT_OK;
        }
    }
}
