// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.inference.batch.BatchOptions;
import io.chai.inference.batch.BatchProgress;
import io.chai.inference.batch.BatchReport;
import io.chai.inference.batch.PrecaptionBatch;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.ModelServerException;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.SecretStore;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.model.jobs.JobKey;
import io.chai.model.jobs.JobRecord;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.ProjectStoreException;
import io.chai.model.store.SqliteJobQueue;
import io.chai.model.workflow.WorkflowState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chai precaption}: batch pre-captioning of a project through its persistent job queue (resumable, shared
 * by several runners without duplicates). Progress on stderr, summary and problems on stdout.
 */
@Command(name = "precaption", mixinStandardHelpOptions = true,
        description = {"Pre-caption many clips with a model server, through the project's persistent queue.",
            "Resumable: run it again after Ctrl-C or a crash (with no --aspect/--all it only resumes); no"
                    + " (clip, aspect) is done twice; several runners may share one project."})
public final class PrecaptionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectCommands.ProjectOption project = new ProjectCommands.ProjectOption();

    @Option(names = "--server", paramLabel = "NAME",
            description = "model server profile (see 'chai models list'; default: the only one configured)")
    String server;

    @Option(names = "--aspect", split = ",", paramLabel = "A", description = "aspects to queue (repeatable, or a,b)")
    List<String> aspects = new ArrayList<>();

    @Option(names = "--all", description = "queue every aspect")
    boolean all;

    @Option(names = "--best-of", paramLabel = "N", description = "candidates per caption, the best by reward score"
            + " wins (default: ${DEFAULT-VALUE})")
    int bestOf = 1;

    @Option(names = "--concurrency", paramLabel = "K", description = "requests in flight (default: ${DEFAULT-VALUE})")
    int concurrency = 2;

    @Option(names = "--retries", paramLabel = "N",
            description = "retries of a server failure before the job is reported failed (default: ${DEFAULT-VALUE})")
    int retries = 3;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "state=S (default: not_started; 'any' for"
            + " all), assignee=U ('' for unassigned), tag=T; repeatable")
    List<String> filters = new ArrayList<>();

    @Option(names = "--override-dependencies",
            description = "pre-caption aspects whose dependencies are not approved, using their current captions")
    boolean overrideDependencies;

    @Option(names = "--frames", paramLabel = "N", description = "frames sampled per clip (default: ${DEFAULT-VALUE})")
    int frames = 8;

    @Option(names = "--author", paramLabel = "NAME",
            description = "author of the pre-caption revisions (default: $CHAI_USER or the login name)")
    String author = ProjectCommands.defaultAuthor();

    @Option(names = "--spec", paramLabel = "FILE", description = "specification (default: the bundled one)")
    Path specFile;

    @Option(names = "--config-dir", hidden = true, description = "settings directory (default: the user's)")
    Path configDir;

    @Override
    public Integer call() {
        if (all && !aspects.isEmpty()) {
            throw new UserFacingException("give either --aspect or --all, not both");
        }
        List<String> selected = all ? ProjectStore.ASPECTS : aspects.stream().map(a -> a.strip()).toList();
        selected.forEach(ProjectCommands::aspect);
        BatchOptions options = options(selected);
        Specification specification = specFile == null ? Specifications.bundled() : Specifications.load(specFile);
        Path dir = configDir != null ? configDir : ConfigPaths.configDir();
        ServerProfile profile = profile(ServerSettings.load(dir));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = project.open();
                ModelServerClient client = new ModelServerClient(profile,
                        new ApiKeys(System.getenv(), new SecretStore(dir)))) {
            SqliteJobQueue queue = new SqliteJobQueue(store);
            if (selected.isEmpty() && queue.counts(JobKey.PRE_CAPTION).open() == 0
                    && queue.counts(JobKey.PRE_CAPTION).failed() + queue.counts(JobKey.PRE_CAPTION).skipped() == 0) {
                throw new UserFacingException("nothing queued to resume: pass --aspect A (or --all) to pre-caption");
            }
            checkReachable(client, profile);
            ProgressLine line = new ProgressLine(err);
            PrecaptionBatch batch = new PrecaptionBatch(store, queue, specification,
                    new ModelRoles(specification, client, Clock.systemUTC()), options, line::update,
                    Clock.systemUTC());
            BatchReport report = runWithCtrlC(batch, line);
            printReport(out, report);
            return report.failed().isEmpty() ? ChaiCommand.EXIT_OK : ChaiCommand.EXIT_USER_ERROR;
        }
    }

    private BatchOptions options(List<String> selected) {
        WorkflowState state = WorkflowState.NOT_STARTED;
        String assignee = null;
        String tag = null;
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new UserFacingException("--filter takes KEY=VALUE (state, assignee or tag), not '" + f + "'");
            }
            String key = f.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = f.substring(eq + 1).strip();
            switch (key) {
                case "state" -> state = value.equalsIgnoreCase("any") ? null : ProjectCommands.state(value);
                case "assignee" -> assignee = value;
                case "tag" -> tag = value;
                default -> throw new UserFacingException("unknown --filter key '" + key
                        + "' (known: state, assignee, tag)");
            }
        }
        try {
            return BatchOptions.of(selected, author).withFilter(state, assignee, tag).withBestOf(bestOf)
                    .withConcurrency(concurrency).withRetries(retries, Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .withOverrideDependencies(overrideDependencies)
                    .withFrames(frames);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    private ServerProfile profile(ServerSettings settings) {
        if (server != null) {
            return settings.require(server);
        }
        if (settings.profiles().size() == 1) {
            return settings.profiles().get(0);
        }
        throw new UserFacingException(settings.profiles().isEmpty()
                ? "no model server configured: add one with 'chai models add NAME --url URL --model MODEL'"
                : "several model servers are configured: choose one with --server NAME ('chai models list')");
    }

    private static void checkReachable(ModelServerClient client, ServerProfile profile) {
        List<String> models;
        try {
            models = client.listModels();
        } catch (ModelServerException e) {
            throw new UserFacingException("model server '" + profile.name() + "' is not usable, nothing was started: "
                    + e.getMessage());
        }
        if (!models.isEmpty() && !models.contains(profile.model())) {
            throw new UserFacingException("model server '" + profile.name() + "' does not serve '" + profile.model()
                    + "' (it serves " + String.join(", ", models) + "), nothing was started");
        }
    }

    /** Ctrl-C cancels the batch; the hook waits until the held jobs are given back and the summary is printed. */
    private static BatchReport runWithCtrlC(PrecaptionBatch batch, ProgressLine line) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            batch.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicReference<BatchReport> report = new AtomicReference<>();
        try {
            report.set(batch.run());
            line.finish();
            return report.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has just been released
            }
        }
    }

    private static void printReport(PrintWriter out, BatchReport r) {
        for (JobRecord j : r.failed()) {
            out.println("failed " + j.key().clipId().substring(0, 12) + " " + j.key().aspect() + ": " + j.lastError());
        }
        for (JobRecord j : r.skipped()) {
            out.println("skipped " + j.key().clipId().substring(0, 12) + " " + j.key().aspect() + ": "
                    + j.lastError());
        }
        StringBuilder s = new StringBuilder();
        s.append(r.cancelled() ? "cancelled: " : "").append("pre-captioned ").append(r.written())
                .append(r.written() == 1 ? " aspect" : " aspects").append(" (").append(r.queued())
                .append(" newly queued), ").append(r.skipped().size()).append(" skipped, ").append(r.failed().size())
                .append(" failed in ").append(ProgressLine.duration(r.elapsed()));
        if (r.remaining() > 0) {
            s.append("; ").append(r.remaining()).append(" left: run 'chai precaption' again to resume");
        }
        out.println(s);
        out.flush();
    }

    /** One progress line on stderr, rewritten in place: bar, counts, rate and ETA. */
    static final class ProgressLine {
        private final PrintWriter err;
        private long lastPrint;
        private String last = "";
        private int width;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(BatchProgress p) {
            long now = System.currentTimeMillis();
            if (now - lastPrint < 200 && p.finished() < p.total()) {
                return;
            }
            lastPrint = now;
            last = render(p);
            err.print("\r" + last + " ".repeat(Math.max(0, width - last.length())));
            width = last.length();
            err.flush();
        }

        synchronized void finish() {
            if (!last.isEmpty()) {
                err.println();
                err.flush();
            }
        }

        static String render(BatchProgress p) {
            int cells = 24;
            int filled = p.total() == 0 ? cells : (int) (cells * Math.min(1.0, p.finished() / (double) p.total()));
            String bar = "#".repeat(filled) + ".".repeat(cells - filled);
            return String.format(Locale.ROOT, "[%s] %d/%d  %.1f/min  ETA %s  (%d written, %d skipped, %d failed)",
                    bar, p.finished(), p.total(), p.perMinute(), p.eta().map(ProgressLine::duration).orElse("--"),
                    p.written(), p.skipped(), p.failed());
        }

        static String duration(Duration d) {
            long s = Math.max(0, d.toSeconds());
            return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                    : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
        }
    }
}
