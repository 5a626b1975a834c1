// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.inference.client.ConnectionDroppedException;
import io.chai.inference.client.MalformedAnswerException;
import io.chai.inference.client.RateLimitedException;
import io.chai.inference.client.SchemaViolationException;
import io.chai.inference.client.ServerErrorException;
import io.chai.inference.client.ServerTimeoutException;
import io.chai.inference.client.ServerUnreachableException;
import io.chai.inference.roles.ClipInput;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.roles.RoleOutput;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.MediaException;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.jobs.JobCounts;
import io.chai.model.jobs.JobKey;
import io.chai.model.jobs.JobQueue;
import io.chai.model.jobs.JobStatus;
import io.chai.model.jobs.LeasedJob;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.Specification;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.CurrentValue;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.QueueEntry;
import io.chai.model.store.QueueQuery;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batch pre-captioning through a project's persistent {@link JobQueue}: queues one job per selected (clip, aspect)
 * (a job is never queued twice, so finished work is not redone), then {@code concurrency} workers lease the jobs of
 * one clip at a time, sample its frames once, and for each aspect in the fixed order either skip it (an aspect
 * whose dependencies are not approved, unless overridden) or ask the model (best-of-N through {@link ModelRoles})
 * and store the pre-caption with its provenance together with the job's completion. Retryable server failures go
 * back to the queue with a doubling backoff, then are reported as failed; {@link #cancel()} stops the workers and
 * gives their jobs back (nothing is half-written: a pre-caption and its job completion commit together). Several
 * runners, in one process or many, can work the same queue.
 */
public final class PrecaptionBatch {
    private static final JsonMapper JSON = ChaiJson.newMapper();
    private static final String KIND = JobKey.PRE_CAPTION;

    private final ProjectStore store;
    private final JobQueue queue;
    private final Specification spec;
    private final ModelRoles roles;
    private final BatchOptions options;
    private final BatchListener listener;
    private final Clock clock;
    private final IndexStore indexes;
    private final CancellationToken token = new CancellationToken();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Map<Long, LeasedJob> held = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Throwable> crashes = new CopyOnWriteArrayList<>();
    private volatile long startOpen;
    private volatile long startFinished;
    private volatile long startMillis;

    public PrecaptionBatch(ProjectStore store, JobQueue queue, Specification spec, ModelRoles roles,
            BatchOptions options, BatchListener listener, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = listener == null ? BatchListener.NONE : listener;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.indexes = new IndexStore(store.directory().resolve("cache/frame-index"));
    }

    /** Stops the run: workers finish no further job, in-flight calls are interrupted, held jobs are given back. */
    public void cancel() {
        token.cancel();
        workers.forEach(Thread::interrupt);
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    /**
     * Queues the (clip, aspect) pairs the options select, in import order with the aspects of a clip in the fixed
     * order; returns how many were new. Failed and skipped jobs of earlier runs are made pending again.
     */
    public int enqueue() {
        queue.retryFailedAndSkipped(KIND);
        if (options.aspects().isEmpty()) {
            return 0;
        }
        List<QueueEntry> pairs = new ArrayList<>();
        for (String aspect : options.aspects()) {
            long cursor = 0;
            while (true) {
                List<QueueEntry> page = store.workQueue(new QueueQuery(aspect, options.state(), options.assignee(),
                        options.tag(), cursor, 5000));
                pairs.addAll(page);
                if (page.size() < 5000) {
                    break;
                }
                cursor = page.get(page.size() - 1).clipNo();
            }
        }
        pairs.sort(Comparator.comparingLong(QueueEntry::clipNo)
                .thenComparingInt(e -> ProjectStore.ASPECTS.indexOf(e.aspect())));
        String params = "{\"best_of\":" + options.bestOf() + "}";
        int added = 0;
        for (int i = 0; i < pairs.size(); i += 2000) {
            added += queue.enqueue(pairs.subList(i, Math.min(pairs.size(), i + 2000)).stream()
                    .map(e -> new JobKey(e.clipId(), e.aspect(), KIND)).toList(), params);
        }
        return added;
    }

    /** Queues (see {@link #enqueue()}) and works the queue until it is empty or the run is cancelled. */
    public BatchReport run() {
        int queued = enqueue();
        return work(queued);
    }

    /** Works the open queue (without queuing anything) until it is empty or the run is cancelled. */
    public BatchReport work(int queued) {
        startMillis = clock.millis();
        JobCounts c = queue.counts(KIND);
        startOpen = c.open();
        startFinished = c.done() + c.failed() + c.skipped();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "precaption-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long renewMs = Math.max(50, options.lease().toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::renewLeases, renewMs, renewMs, TimeUnit.MILLISECONDS);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < options.concurrency(); i++) {
                String name = options.worker() + "#" + i;
                Thread t = new Thread(() -> workLoop(name), "precaption-" + i);
                workers.add(t);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                joinUninterruptibly(t);
            }
        } finally {
            ticker.shutdownNow();
            releaseHeld();
        }
        if (!crashes.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a batch worker failed: " + crashes.get(0), crashes.get(0));
            crashes.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        report();
        JobCounts end = queue.counts(KIND);
        return new BatchReport(queued, written.get(), queue.jobs(KIND, JobStatus.SKIPPED, 10_000),
                queue.jobs(KIND, JobStatus.FAILED, 10_000), end.open(), token.isCancelled(),
                Duration.ofMillis(clock.millis() - startMillis));
    }

    private void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                cancel();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void renewLeases() {
        for (LeasedJob j : held.values()) {
            try {
                if (!queue.renew(j, options.lease())) {
                    held.remove(j.id());
                }
            } catch (RuntimeException e) {
                // the next renewal or the completion reports a broken store
            }
        }
    }

    private void releaseHeld() {
        for (LeasedJob j : held.values()) {
            try {
                queue.release(j);
            } catch (RuntimeException e) {
                // the lease expires by itself; another run takes the job over then
            }
        }
        held.clear();
    }

    // ---------------------------------------------------------------- worker

    private void workLoop(String name) {
        try {
            int batch = Math.max(1, options.aspects().isEmpty() ? ProjectStore.ASPECTS.size()
                    : options.aspects().size());
            while (!token.isCancelled()) {
                List<LeasedJob> jobs = queue.lease(KIND, name, batch, options.lease());
                if (jobs.isEmpty()) {
                    if (queue.counts(KIND).open() == 0) {
                        return;
                    }
                    // jobs waiting for their retry time, or held by other workers (taken over when they expire)
                    Thread.sleep(Math.min(250, Math.max(10, options.initialBackoff().toMillis() / 2)));
                    continue;
                }
                jobs.forEach(j -> held.put(j.id(), j));
                Map<String, List<LeasedJob>> byClip = new LinkedHashMap<>();
                for (LeasedJob j : jobs) {
                    byClip.computeIfAbsent(j.key().clipId(), k -> new ArrayList<>()).add(j);
                }
                for (List<LeasedJob> clipJobs : byClip.values()) {
                    if (token.isCancelled()) {
                        break;
                    }
                    runClip(clipJobs);
                }
                releaseIfCancelled(jobs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (!token.isCancelled()) {
                crashes.add(e);
                cancel();
            }
        }
    }

    private void releaseIfCancelled(List<LeasedJob> jobs) {
        if (!token.isCancelled()) {
            return;
        }
        for (LeasedJob j : jobs) {
            if (held.remove(j.id()) != null) {
                queue.release(j);
            }
        }
    }

    private void runClip(List<LeasedJob> jobs) {
        String clipId = jobs.get(0).key().clipId();
        ClipInput input = null;
        for (LeasedJob job : jobs) {
            if (token.isCancelled()) {
                return;
            }
            String aspectId = job.key().aspect();
            try {
                Map<String, String> approved = new LinkedHashMap<>();
                Optional<String> missing = dependencies(clipId, aspectId, approved);
                if (missing.isPresent()) {
                    finish(job, () -> queue.skip(job, missing.get()), skipped);
                    continue;
                }
                if (input == null) {
                    input = sampleFrames(clipId);
                }
                PrimitiveLabels labels = labels(clipId);
                RoleOutput out = options.bestOf() == 1
                        ? roles.precaption(aspectId, labels, approved, null, null, input)
                        : roles.bestPrecaption(options.bestOf(), aspectId, labels, approved, null, null, input)
                                .best().output();
                if (token.isCancelled()) {
                    return;
                }
                PreCaption caption = PreCaption.generated(out.text(), out.provenance());
                RevisionDraft draft = RevisionDraft.ofRecord(ClipId.of(clipId), Aspect.fromKey(aspectId),
                        RevisionKind.PRE_CAPTION, options.author(), caption);
                finish(job, () -> queue.complete(job, List.of(draft)).isPresent(), written);
            } catch (RuntimeException e) {
                if (token.isCancelled()) {
                    return; // the job is given back, not failed
                }
                if (e instanceof MediaException m) {
                    // the clip cannot be shown to the model: every remaining aspect of it fails the same way
                    for (LeasedJob rest : jobs.subList(jobs.indexOf(job), jobs.size())) {
                        finish(rest, () -> queue.fail(rest, "media: " + m.getMessage(), Optional.empty()), failed);
                    }
                    return;
                }
                failOrRetry(job, e);
            }
        }
    }

    @FunctionalInterface
    private interface Outcome {
        boolean apply();
    }

    private void finish(LeasedJob job, Outcome outcome, AtomicLong counter) {
        boolean stillMine = outcome.apply();
        held.remove(job.id());
        if (stillMine && counter != null) {
            counter.incrementAndGet();
        }
        report();
    }

    private void failOrRetry(LeasedJob job, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int retry = job.attempts(); // the retry this failure would lead to (attempt n fails → retry n)
        if (retryable(e) && retry <= options.retries()) {
            Instant at = clock.instant().plus(options.backoff(retry));
            finish(job, () -> queue.fail(job, message, Optional.of(at)), null);
        } else {
            String error = retryable(e) ? message + " (after " + (retry - 1) + " retries)" : message;
            finish(job, () -> queue.fail(job, error, Optional.empty()), failed);
        }
    }

    /** Failures a later attempt may not see: the server or the network, not the request. */
    static boolean retryable(Throwable e) {
        return e instanceof ServerErrorException || e instanceof ServerUnreachableException
                || e instanceof ServerTimeoutException || e instanceof RateLimitedException
                || e instanceof ConnectionDroppedException || e instanceof MalformedAnswerException
                || e instanceof SchemaViolationException;
    }

    private ClipInput sampleFrames(String clipId) {
        ClipRecord clip = store.clip(clipId).orElseThrow(() -> new IllegalStateException("no clip " + clipId));
        return ClipFrames.sample(clip.path(), indexes, options.framesPerClip(), options.maxPixels(), token);
    }

    /**
     * Fills {@code approved} with the captions of the aspects {@code aspectId} depends on; returns the reason to
     * skip it when one is not approved (or, with the override, has no caption at all).
     */
    private Optional<String> dependencies(String clipId, String aspectId, Map<String, String> approved) {
        io.chai.model.spec.Aspect aspect = spec.aspect(aspectId).orElseThrow(
                () -> new IllegalStateException("the specification has no aspect " + aspectId));
        List<String> unapproved = new ArrayList<>();
        for (String dep : aspect.dependsOn()) {
            boolean isApproved = store.state(clipId, dep) == WorkflowState.APPROVED;
            Optional<String> text = captionOf(clipId, dep);
            if ((isApproved || options.overrideDependencies()) && text.isPresent()) {
                approved.put(dep, text.get());
            } else {
                unapproved.add(dep);
            }
        }
        if (unapproved.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(options.overrideDependencies()
                ? aspect.name() + " depends on " + String.join(", ", unapproved) + ", which has no caption yet"
                : aspect.name() + " depends on " + String.join(", ", unapproved)
                        + ", not approved yet (--override-dependencies uses the current captions)");
    }

    /** The current caption of an aspect: the post-caption when there is one, else the pre-caption. */
    private Optional<String> captionOf(String clipId, String aspect) {
        Optional<String> post = field(store.current(clipId, aspect, RevisionKind.POST_CAPTION), "final_caption");
        return post.isPresent() ? post : field(store.current(clipId, aspect, RevisionKind.PRE_CAPTION), "pre_caption");
    }

    private static Optional<String> field(Optional<CurrentValue> value, String name) {
        if (value.isEmpty() || value.get().payload() == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(value.get().payload()).get(name);
            return n == null || !n.isTextual() || n.asText().isBlank() ? Optional.empty() : Optional.of(n.asText());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private PrimitiveLabels labels(String clipId) {
        Optional<CurrentValue> v = store.current(clipId, "", RevisionKind.PRIMITIVE_LABELS);
        if (v.isEmpty() || v.get().payload() == null) {
            return null;
        }
        return ChaiJson.read(JSON, v.get().payload(), PrimitiveLabels.class, "primitive labels of " + clipId);
    }

    // ---------------------------------------------------------------- progress

    private void report() {
        JobCounts c = queue.counts(KIND);
        long finishedNow = c.done() + c.failed() + c.skipped() - startFinished;
        long finished = Math.max(0, finishedNow);
        long total = Math.max(startOpen, finished + c.open());
        double minutes = Math.max(1, clock.millis() - startMillis) / 60000.0;
        double rate = finished / minutes;
        Optional<Duration> eta = finished == 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) ((total - finished) / rate * 60000)));
        listener.onProgress(new BatchProgress(finished, total, written.get(), skipped.get(), failed.get(), rate, eta));
    }
}
