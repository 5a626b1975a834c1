// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CountRow;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.sync.Conflict;
import io.chai.model.sync.Conflicts;
import io.chai.model.sync.FolderStore;
import io.chai.model.sync.SharedStore;
import io.chai.model.sync.SyncEngine;
import io.chai.model.sync.SyncException;
import io.chai.model.sync.SyncReport;
import io.chai.model.sync.SyncState;
import io.chai.model.sync.pg.PostgresStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Team commands: {@code chai sync}, {@code chai store init-postgres|status|conflicts|resolve} and
 * {@code chai team add-user|assign|progress}. The shared store a project syncs with is remembered in
 * {@code <project>/sync/remote.json} (never a password: PostgreSQL passwords come from $CHAI_PG_PASSWORD or
 * ~/.pgpass).
 */
public final class SyncCommands {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String PASSWORD_ENV = "CHAI_PG_PASSWORD";

    private SyncCommands() {
    }

    /** Where the shared store is: {@code --store DIR} or {@code --postgres URL --user NAME}. */
    static final class StoreOption {
        @Option(names = "--store", paramLabel = "DIR", description = "a shared folder store (created when empty)")
        Path folder;

        @Option(names = "--postgres", paramLabel = "URL",
                description = "a PostgreSQL store, e.g. postgresql://host/chai?sslmode=verify-full")
        String url;

        @Option(names = "--user", paramLabel = "NAME", description = "your database user (default: $CHAI_USER)")
        String user;

        /** Opens the given store, or the one remembered by the project; remembers a newly given one. */
        SharedStore open(ProjectStore project) {
            Path remote = project.directory().resolve("sync").resolve("remote.json");
            ObjectNode cfg = MAPPER.createObjectNode();
            if (folder != null && url != null) {
                throw new SyncException("give either --store DIR or --postgres URL, not both");
            }
            if (folder != null) {
                cfg.put("kind", "folder").put("location", folder.toAbsolutePath().normalize().toString());
            } else if (url != null) {
                cfg.put("kind", "postgres").put("url", url).put("user",
                        user != null ? user : ProjectCommands.defaultAuthor());
            } else if (Files.isRegularFile(remote)) {
                try {
                    cfg = (ObjectNode) MAPPER.readTree(remote.toFile());
                } catch (IOException | ClassCastException e) {
                    throw new SyncException(remote + " is damaged; give --store DIR or --postgres URL again");
                }
            } else {
                throw new SyncException("this project has no shared store yet: give --store DIR (a shared folder)"
                        + " or --postgres URL");
            }
            SharedStore store = "postgres".equals(cfg.path("kind").asText())
                    ? PostgresStore.open(cfg.path("url").asText(), cfg.path("user").asText(),
                            System.getenv(PASSWORD_ENV))
                    : FolderStore.openOrCreate(Path.of(cfg.path("location").asText()), project.info().specId(),
                            project.info().specVersion());
            if (folder != null || url != null) {
                try {
                    Files.createDirectories(remote.getParent());
                    Files.write(remote, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(cfg));
                } catch (IOException e) {
                    store.close();
                    throw new SyncException("cannot remember the store in " + remote + ": " + e.getMessage(), e);
                }
            }
            return store;
        }
    }

    static String describe(Conflict c) {
        StringBuilder sb = new StringBuilder("conflict ").append(c.clipId(), 0, 12).append(' ')
                .append(c.aspect().isEmpty() ? "(clip)" : c.aspect()).append(' ').append(c.kind().id()).append(':');
        for (Revision r : c.heads()) {
            String p = r.payload();
            sb.append(' ').append(r.uuid().toString(), 0, 8).append(" by ").append(r.author()).append(" = ")
                    .append(p.length() > 60 ? p.substring(0, 57) + "..." : p).append(';');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ sync

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Push this copy's new clips and revisions to the shared store and pull everybody else's.")
    public static final class Sync implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Override
        public Integer call() {
            try (ProjectStore p = project.open(); SharedStore s = store.open(p)) {
                SyncReport r = new SyncEngine().sync(p, s);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("synced with %s %s: pushed %d clips and %d revisions, pulled %d records, %d new revisions"
                        + " applied%n", s.info().kind(), s.info().location(), r.pushedClips(), r.pushedRevisions(),
                        r.pulledRecords(), r.appliedRevisions());
                if (r.waitingRevisions() > 0) {
                    out.printf("%d revisions wait for their clip's record (still arriving); sync again later%n",
                            r.waitingRevisions());
                }
                for (Conflict c : r.conflicts()) {
                    out.println(describe(c));
                }
                if (!r.conflicts().isEmpty()) {
                    out.println("resolve with 'chai store resolve CLIP --aspect A --kind K --keep REVISION'");
                }
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    // ------------------------------------------------------------------------------------------------ store

    @Command(name = "store", mixinStandardHelpOptions = true, description = "The shared store: set up and inspect.",
            subcommands = {InitPostgres.class, Status.class, ListConflicts.class, Resolve.class})
    public static final class Store implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: init-postgres, status,"
                    + " conflicts or resolve");
        }
    }

    @Command(name = "init-postgres", mixinStandardHelpOptions = true,
            description = "Create (or upgrade) the CHAI schema in a PostgreSQL database, labeled with this project's"
                    + " specification; you become its first admin.")
    public static final class InitPostgres implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @Parameters(index = "0", paramLabel = "URL", description = "postgresql://HOST[:PORT]/DATABASE[?sslmode=...]")
        String url;

        @Option(names = "--user", paramLabel = "NAME", description = "the database owner to connect as")
        String user;

        @Override
        public Integer call() {
            try (ProjectStore p = project.open()) {
                int v = PostgresStore.init(url, user, System.getenv(PASSWORD_ENV), p.info().specId(),
                        p.info().specVersion());
                spec.commandLine().getOut().printf("CHAI store schema version %d ready at %s%n", v, url
                        .replaceAll("(?i)(password=)[^&]*", "$1***"));
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Last sync, revisions not yet pushed, records waiting and conflicts.")
    public static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Override
        public Integer call() {
            try (ProjectStore p = project.open(); SharedStore s = store.open(p)) {
                long pending = SyncEngine.pendingPush(p, s);
                SyncState st = SyncState.load(p.directory(), SyncEngine.stateKey(s));
                PrintWriter out = spec.commandLine().getOut();
                out.printf("store: %s %s (specification %s %s)%n", s.info().kind(), s.info().location(),
                        s.info().specId(), s.info().specVersion());
                out.printf("last sync: %s%n", st.lastSync() == null ? "never" : st.lastSync());
                out.printf("not yet pushed: %d revisions%n", pending);
                out.printf("waiting for their clip: %d revisions%n", st.pending().size());
                out.printf("conflicts: %d%n", Conflicts.all(p).size());
                if (s instanceof FolderStore f) {
                    for (Path seg : f.incompleteSegments()) {
                        out.println("incomplete segment (still arriving or torn): " + seg);
                    }
                }
                if (s instanceof PostgresStore pg) {
                    long[] counts = pg.counts();
                    out.printf("server: %d revisions, %d clips; you are %s%n", counts[0], counts[1], pg.user());
                }
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true,
            description = "List concurrent edits that need a decision.")
    public static final class ListConflicts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @Override
        public Integer call() {
            try (ProjectStore p = project.open()) {
                List<Conflict> all = Conflicts.all(p);
                PrintWriter out = spec.commandLine().getOut();
                all.forEach(c -> out.println(describe(c)));
                out.printf("%d conflicts%n", all.size());
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Resolve a conflict by keeping one version: writes a merge revision whose parents are all"
                    + " the concurrent versions.")
    public static final class Resolve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @Parameters(index = "0", paramLabel = "CLIP", description = "clip id, id prefix, external id or path")
        String clip;

        @Option(names = "--aspect", paramLabel = "ASPECT", description = "the aspect ('' or absent: clip level)")
        String aspect = "";

        @Option(names = "--kind", paramLabel = "KIND", required = true, description = "e.g. pre_caption, rating")
        String kind;

        @Option(names = "--keep", paramLabel = "REVISION", required = true,
                description = "the version to keep: a revision id or its first characters")
        String keep;

        @Option(names = "--author", paramLabel = "NAME", description = "who resolves (default: $CHAI_USER)")
        String author;

        @Override
        public Integer call() {
            try (ProjectStore p = project.open()) {
                String clipId = p.resolveClip(clip);
                RevisionKind k;
                try {
                    k = RevisionKind.fromId(kind);
                } catch (IllegalArgumentException e) {
                    throw new SyncException("unknown revision kind '" + kind + "'");
                }
                Conflict c = Conflicts.of(p, clipId, aspect).stream().filter(x -> x.kind() == k).findFirst()
                        .orElseThrow(() -> new SyncException("no conflict on " + clipId.substring(0, 12) + " "
                                + (aspect.isEmpty() ? "(clip)" : aspect) + " " + kind));
                List<Revision> match = c.heads().stream().filter(r -> r.uuid().toString().startsWith(keep)).toList();
                if (match.size() != 1) {
                    throw new SyncException("--keep must name exactly one of the versions ("
                            + String.join(", ", c.heads().stream().map(r -> r.uuid().toString().substring(0, 8))
                                    .toList()) + ")");
                }
                Revision merge = Conflicts.resolve(p, c, match.get(0).payload(),
                        author != null ? author : ProjectCommands.defaultAuthor());
                spec.commandLine().getOut().printf("resolved: merge revision %s keeps %s's version%n", merge.uuid(),
                        match.get(0).author());
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    // ------------------------------------------------------------------------------------------------ team

    @Command(name = "team", mixinStandardHelpOptions = true, description = "Users, roles, assignments and progress.",
            subcommands = {AddUser.class, Assign.class, ReviewQueue.class, Progress.class})
    public static final class Team implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add-user, assign,"
                    + " review-queue or progress");
        }
    }

    @Command(name = "add-user", mixinStandardHelpOptions = true,
            description = "Create a person's database login (password from $" + PASSWORD_ENV + "_NEW) and CHAI role."
                    + " Admins only (PostgreSQL store).")
    public static final class AddUser implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(index = "0", paramLabel = "NAME", description = "the person's user name (a-z, 0-9, _)")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", required = true, description = "annotator, reviewer or admin")
        String role;

        @Override
        public Integer call() {
            try (ProjectStore p = project.open(); SharedStore s = store.open(p)) {
                if (!(s instanceof PostgresStore pg)) {
                    throw new SyncException("users and roles live in a PostgreSQL store; a shared folder has no"
                            + " accounts");
                }
                pg.addUser(name, System.getenv(PASSWORD_ENV + "_NEW"), role);
                spec.commandLine().getOut().printf("added %s as %s%n", name, role);
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Assign the clips matching the filters to people, round-robin in import order; with"
                    + " --overlap N each clip goes to N different people (agreement studies). The assignments travel"
                    + " with the next sync (a PostgreSQL store accepts them from admins only).")
    public static final class Assign implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @Option(names = "--users", split = ",", required = true, paramLabel = "NAME", description = "people to assign")
        List<String> users;

        @Option(names = "--overlap", paramLabel = "N", description = "people per clip (default 1); each clip goes to"
                + " the next N people in turn")
        int overlap = 1;

        @Option(names = "--reviewers", split = ",", paramLabel = "NAME",
                description = "reviewers, round-robin, never one of the clip's own assignees")
        List<String> reviewers = List.of();

        @Option(names = "--aspect", paramLabel = "ASPECT", description = "assign this aspect only (default: clip)")
        String aspect;

        @Option(names = "--tag", paramLabel = "TAG", description = "only clips with this tag")
        String tag;

        @Option(names = "--state", paramLabel = "STATE", description = "only clips with an aspect in this state")
        String state;

        @Option(names = "--unassigned", description = "only clips nobody is assigned to yet")
        boolean unassigned;

        @Option(names = "--author", paramLabel = "NAME", description = "who assigns (default: $CHAI_USER)")
        String author;

        /** The assignees of the {@code index}-th clip: the next {@code overlap} people in turn. */
        static List<String> pick(List<String> users, int overlap, int index) {
            List<String> out = new ArrayList<>(overlap);
            for (int i = 0; i < overlap; i++) {
                out.add(users.get((int) (((long) index * overlap + i) % users.size())));
            }
            return out;
        }

        @Override
        public Integer call() {
            List<String> people = users.stream().map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
            if (people.isEmpty()) {
                throw new SyncException("--users names nobody");
            }
            if (overlap < 1 || overlap > people.size()) {
                throw new SyncException("--overlap " + overlap + " needs between 1 and " + people.size()
                        + " (the number of different --users)");
            }
            try (ProjectStore p = project.open()) {
                String a = ProjectCommands.aspect(aspect);
                List<RevisionDraft> drafts = new ArrayList<>();
                long after = 0;
                int next = 0;
                int nextReviewer = 0;
                int withoutReviewer = 0;
                String who = author != null ? author : ProjectCommands.defaultAuthor();
                while (true) {
                    List<ClipRecord> page = p.clips(a, ProjectCommands.state(state), unassigned ? "" : null, tag,
                            after, 1000);
                    if (page.isEmpty()) {
                        break;
                    }
                    for (ClipRecord c : page) {
                        List<String> assigned = pick(people, overlap, next++);
                        ObjectNode payload = MAPPER.createObjectNode().put("assignee", assigned.get(0));
                        if (overlap > 1) {
                            assigned.forEach(payload.putArray("assignees")::add);
                        }
                        if (!reviewers.isEmpty()) {
                            String reviewer = null;
                            for (int i = 0; i < reviewers.size() && reviewer == null; i++) {
                                String r = reviewers.get((nextReviewer + i) % reviewers.size());
                                if (!assigned.contains(r)) {
                                    reviewer = r;
                                    nextReviewer = (nextReviewer + i + 1) % reviewers.size();
                                }
                            }
                            if (reviewer == null) {
                                withoutReviewer++;
                            } else {
                                payload.put("reviewer", reviewer);
                            }
                        }
                        drafts.add(RevisionDraft.of(c.clipId(), a == null ? "" : a, RevisionKind.ASSIGNMENT, who,
                                payload.toString()));
                    }
                    after = page.get(page.size() - 1).clipNo();
                }
                p.appendAll(drafts);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("assigned %d clips to %d people%s%n", drafts.size(), people.size(),
                        overlap > 1 ? " (" + overlap + " per clip)" : "");
                if (withoutReviewer > 0) {
                    out.printf("%d clips got no reviewer: every --reviewers name is one of their assignees%n",
                            withoutReviewer);
                }
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "review-queue", mixinStandardHelpOptions = true,
            description = "Submitted work waiting for review by one person: never their own work; what is assigned"
                    + " to them as reviewer first, then in import order.")
    public static final class ReviewQueue implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @Option(names = "--user", paramLabel = "NAME", description = "the reviewer (default: $CHAI_USER)")
        String user;

        @Option(names = "--limit", paramLabel = "N", description = "at most N items (default 50)")
        int limit = 50;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new SyncException("--limit must be at least 1");
            }
            String who = user != null ? user : ProjectCommands.defaultAuthor();
            try (ProjectStore p = project.open()) {
                List<io.chai.model.store.ReviewItem> items = p.reviewQueue(who, limit);
                PrintWriter out = spec.commandLine().getOut();
                for (io.chai.model.store.ReviewItem i : items) {
                    String path = p.clip(i.clipId()).map(c -> c.path().toString()).orElse("");
                    out.printf("%s %-11s %s%s%n", i.clipId().substring(0, 12), i.aspect(), path,
                            who.equals(i.assignedReviewer()) ? "  (assigned to you)"
                                    : i.assignedReviewer() != null ? "  (reviewer: " + i.assignedReviewer() + ")" : "");
                }
                out.printf("%d submitted items to review for %s%n", items.size(), who);
            }
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = "Per person: aspects assigned to them (overlap assignments count for each of their"
                    + " people), how many they submitted themselves, and the aspects by queue state.")
    public static final class Progress implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

        @Override
        public Integer call() {
            try (ProjectStore p = project.open()) {
                Map<String, Map<String, Long>> table = new TreeMap<>();
                for (CountRow r : p.stateCounts(ProjectStore.GroupBy.ANNOTATOR)) {
                    table.computeIfAbsent(r.group().isEmpty() ? "(unassigned)" : r.group(), k -> new TreeMap<>())
                            .merge(r.column(), r.count(), Long::sum);
                }
                Map<String, Long> own = p.ownSubmissions();
                PrintWriter out = spec.commandLine().getOut();
                table.forEach((user, counts) -> {
                    long assigned = counts.values().stream().mapToLong(Long::longValue).sum();
                    StringBuilder sb = new StringBuilder(user).append(':');
                    if (!user.equals("(unassigned)")) {
                        sb.append(" assigned=").append(assigned).append(" submitted-by-them=")
                                .append(own.getOrDefault(user, 0L)).append(" |");
                    }
                    counts.forEach((st, n) -> sb.append(' ').append(st).append('=').append(n));
                    out.println(sb);
                });
            }
            return ChaiCommand.EXIT_OK;
        }
    }
}
