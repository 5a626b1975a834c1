// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.team.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.model.agreement.AgreementReport;
import io.chai.model.agreement.GroupAgreement;
import io.chai.model.agreement.UnsurePolicy;
import io.chai.model.export.StoreItems;
import io.chai.model.quality.AnnotatorQuality;
import io.chai.model.quality.ItemQuality;
import io.chai.model.quality.QualityFlag;
import io.chai.model.quality.QualityReport;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import io.chai.app.ui.team.viewmodel.TeamStats.AnnotatorRow;
import io.chai.app.ui.team.viewmodel.TeamStats.DayCount;
import io.chai.app.ui.team.viewmodel.TeamStats.Step;
import io.chai.app.ui.team.viewmodel.TeamStats.StepTime;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Computes {@link TeamStats} from a project store: one pass over the revision log (in pages, oldest first) for
 * throughput, step times and review decisions, then the quality checks and agreement exactly as {@code chai quality}
 * and {@code chai agreement} compute them. Runs on any thread; the store's methods are synchronized.
 *
 * <p>Definitions (docs/ui.md, "Team and quality"). Times are the revisions' clock times (HLC wall time). Per
 * (clip, aspect), in clock order: P = the first pre-caption; C = the first rating or critique at or after P; R = the
 * first post-caption at or after C; S = the first submission at or after R. Steps: C − P (pre-caption → critique,
 * the critic's), R − C (critique → revise, the reviser's), S − R (revise → submit, the submitter's); a step is
 * measured only when both of its ends exist. An item counts for throughput once, on the day (in {@code zone}) of its
 * first submission, for its submitter. A review decision counts for the author of the latest submission of that
 * item before it.
 */
public final class TeamStatsCalculator {
    private static final int PAGE = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Specification spec;
    private final ZoneId zone;

    public TeamStatsCalculator(Specification spec, ZoneId zone) {
        this.spec = Objects.requireNonNull(spec);
        this.zone = Objects.requireNonNull(zone);
    }

    /** Reads the whole store; {@code cancelled} is polled between pages (then CancellationException). */
    public TeamStats compute(ProjectStore store, BooleanSupplier cancelled) {
        Map<String, List<Event>> byItem = new HashMap<>();
        long after = 0;
        long read = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            List<Revision> page = store.revisionsAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Revision r : page) {
                read++;
                Event e = event(r);
                if (e != null) {
                    byItem.computeIfAbsent(r.clipId() + "\u0000" + r.aspect(), k -> new ArrayList<>()).add(e);
                }
            }
            after = page.get(page.size() - 1).seq();
        }

        Map<String, TreeMap<LocalDate, Integer>> perDay = new TreeMap<>();
        Map<String, Map<Step, List<Long>>> stepMillis = new TreeMap<>();
        Map<String, int[]> decisions = new TreeMap<>();   // [approved, rejected]
        for (List<Event> events : byItem.values()) {
            events.sort(Comparator.comparing((Event e) -> e.hlc).thenComparing(e -> e.uuid));
            Event p = null;
            Event c = null;
            Event rv = null;
            Event s = null;
            Event firstSubmission = null;
            Event lastSubmission = null;
            for (Event e : events) {
                switch (e.what) {
                    case PRE -> {
                        if (p == null) {
                            p = e;
                        }
                    }
                    case CRITIQUE -> {
                        if (p != null && c == null) {
                            c = e;
                        }
                    }
                    case POST -> {
                        if (c != null && rv == null) {
                            rv = e;
                        }
                    }
                    case SUBMIT -> {
                        if (rv != null && s == null) {
                            s = e;
                        }
                        if (firstSubmission == null) {
                            firstSubmission = e;
                        }
                        lastSubmission = e;
                    }
                    case APPROVE, REJECT -> {
                        if (lastSubmission != null) {
                            int[] d = decisions.computeIfAbsent(lastSubmission.author, k -> new int[2]);
                            d[e.what == What.APPROVE ? 0 : 1]++;
                        }
                    }
                }
            }
            if (firstSubmission != null) {
                LocalDate day = Instant.ofEpochMilli(firstSubmission.millis).atZone(zone).toLocalDate();
                perDay.computeIfAbsent(firstSubmission.author, k -> new TreeMap<>()).merge(day, 1, Integer::sum);
            }
            addStep(stepMillis, Step.CRITIQUE, p, c);
            addStep(stepMillis, Step.REVISE, c, rv);
            addStep(stepMillis, Step.SUBMIT, rv, s);
        }

        StoreItems.Loaded loaded = StoreItems.load(store, spec.sentinel(), store.directory());
        List<ItemQuality> quality = QualityReport.checkAll(
                loaded.items().stream().flatMap(i -> i.work().values().stream()).toList(), spec.sentinel());
        Map<String, AnnotatorQuality> qualityBy = new HashMap<>();
        QualityReport.byAnnotator(quality).forEach(q -> qualityBy.put(q.annotator(), q));
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
        List<GroupAgreement> agreement = AgreementReport.compute(spec, StoreItems.labelsByAuthor(store),
                UnsurePolicy.MISSING);

        TreeSet<String> people = new TreeSet<>();
        people.addAll(perDay.keySet());
        people.addAll(stepMillis.keySet());
        people.addAll(decisions.keySet());
        people.addAll(qualityBy.keySet());
        List<AnnotatorRow> rows = new ArrayList<>();
        List<DayCount> days = new ArrayList<>();
        List<StepTime> steps = new ArrayList<>();
        for (String who : people) {
            TreeMap<LocalDate, Integer> d = perDay.getOrDefault(who, new TreeMap<>());
            int submitted = d.values().stream().mapToInt(Integer::intValue).sum();
            d.forEach((day, n) -> days.add(new DayCount(who, day, n)));
            int[] dec = decisions.getOrDefault(who, new int[2]);
            AnnotatorQuality q = qualityBy.get(who);
            Map<String, Integer> flags = new LinkedHashMap<>();
            for (QualityFlag f : QualityFlag.values()) {
                flags.put(f.id(), q == null ? 0 : q.flags().getOrDefault(f.id(), 0));
            }
            rows.add(new AnnotatorRow(who, submitted, d.size(), d.isEmpty() ? 0 : (double) submitted / d.size(),
                    dec[0], dec[1], dec[0] + dec[1] == 0 ? Double.NaN : (double) dec[0] / (dec[0] + dec[1]), flags,
                    q == null ? 0 : q.rewritten(), q == null ? OptionalDouble.empty() : q.meanPrecision(),
                    q == null ? OptionalDouble.empty() : q.meanRecall()));
            Map<Step, List<Long>> sm = stepMillis.getOrDefault(who, Map.of());
            for (Step st : Step.values()) {
                List<Long> ms = sm.get(st);
                if (ms != null && !ms.isEmpty()) {
                    steps.add(new StepTime(who, st, ms.size(), ms.stream().mapToLong(Long::longValue).average()
                            .orElseThrow() / 1000.0, median(ms) / 1000.0));
                }
            }
        }
        return new TeamStats(rows, days, steps, quality, agreement, read);
    }

    private static void addStep(Map<String, Map<Step, List<Long>>> out, Step step, Event from, Event to) {
        if (from != null && to != null) {
            out.computeIfAbsent(to.author, k -> new EnumMap<>(Step.class))
                    .computeIfAbsent(step, k -> new ArrayList<>()).add(to.millis - from.millis);
        }
    }

    private static double median(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    }

    private enum What { PRE, CRITIQUE, POST, SUBMIT, APPROVE, REJECT }

    private record Event(What what, String author, long millis, io.chai.model.store.Hlc hlc, String uuid) {
    }

    private static Event event(Revision r) {
        if (r.aspect().isEmpty() || "null".equals(r.payload().strip())) {
            return null;
        }
        What w = switch (r.kind()) {
            case PRE_CAPTION -> What.PRE;
            case RATING, CRITIQUE -> What.CRITIQUE;
            case POST_CAPTION -> What.POST;
            case SUBMISSION -> submitted(r) ? What.SUBMIT : null;
            case REVIEW -> decision(r);
            default -> null;
        };
        return w == null ? null : new Event(w, r.author(), r.hlc().wallMillis(), r.hlc(), r.uuid().toString());
    }

    private static boolean submitted(Revision r) {
        try {
            return JSON.readTree(r.payload()).path("submitted").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static What decision(Revision r) {
        try {
            JsonNode d = JSON.readTree(r.payload()).path("decision");
            return switch (d.asText()) {
                case "approve" -> What.APPROVE;
                case "reject" -> What.REJECT;
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }
}
