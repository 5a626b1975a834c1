// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import io.chai.model.domain.Aspect;
import io.chai.model.spec.Specification;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Scores every trainee of an exam: reads each exam clip's revisions (from one or more copies of the exam folder,
 * merged by revision uuid), splits them by author ({@link TraineeWork}; the expert is never a trainee), and scores
 * primitives (each question's first committed answer: {@link PrimitiveScoring#firstAnswers}) and submitted
 * captions ({@link CaptionScore}) against the references.
 */
public final class ExamScorer {
    private final Specification spec;
    private final ExamDefinition exam;

    public ExamScorer(Specification spec, ExamDefinition exam) {
        this.spec = spec;
        this.exam = exam;
    }

    /** The summary of every trainee found in {@code stores} (copies of the same exam), by trainee name. */
    public List<TraineeSummary> score(Collection<ProjectStore> stores) {
        Map<String, List<Revision>> history = new LinkedHashMap<>();
        for (ExamItem item : exam.items()) {
            List<Revision> all = new ArrayList<>();
            for (ProjectStore s : stores) {
                all.addAll(s.history(item.clipId(), null));
            }
            history.put(item.clipId(), all);
        }
        return score(history);
    }

    /** As {@link #score(Collection)} over clip id → that clip's revisions. */
    public List<TraineeSummary> score(Map<String, ? extends Collection<Revision>> history) {
        Map<String, List<ItemResult>> byTrainee = new TreeMap<>();
        for (ExamItem item : exam.items()) {
            Collection<Revision> revs = history.containsKey(item.clipId()) ? history.get(item.clipId()) : List.of();
            for (TraineeWork w : TraineeWork.read(item.clipId(), revs, exam.expert().value(), spec.sentinel())
                    .values()) {
                byTrainee.computeIfAbsent(w.trainee(), k -> new ArrayList<>()).add(item(item, w));
            }
        }
        List<TraineeSummary> out = new ArrayList<>();
        byTrainee.forEach((trainee, items) -> out.add(summary(trainee, items)));
        return out;
    }

    /** One trainee's result on one clip. */
    public ItemResult item(ExamItem item, TraineeWork w) {
        // the first answer to each question counts: its verdict showed the reference (PrimitiveScoring.firstAnswers)
        boolean labelled = !w.labelHistory().isEmpty();
        List<PrimitiveVerdict> verdicts = item.labels().isPresent() && labelled
                ? PrimitiveScoring.score(spec, PrimitiveScoring.firstAnswers(spec, w.labelHistory()),
                        item.labels().get().toStoredMap()) : List.of();
        Map<Aspect, CaptionScore> captions = new EnumMap<>(Aspect.class);
        w.submitted().forEach((a, s) -> item.caption(a).ifPresent(ref -> captions.put(a,
                CaptionScore.of(a, s.preCaption(), s.rating(), s.critique(), s.caption(), ref))));
        boolean done = (item.labels().isEmpty() || labelled)
                && captions.keySet().containsAll(item.captions().keySet());
        return new ItemResult(item.clipId(), item.displayName(), labelled, verdicts, captions, done,
                w.timeSpent());
    }

    private TraineeSummary summary(String trainee, List<ItemResult> items) {
        List<PrimitiveVerdict> all = new ArrayList<>();
        List<CaptionScore> captions = new ArrayList<>();
        Duration time = Duration.ZERO;
        for (ItemResult r : items) {
            all.addAll(r.primitives());
            captions.addAll(r.captions().values());
            time = time.plus(r.timeSpent());
        }
        Map<String, List<PrimitiveVerdict>> byForm = new TreeMap<>();
        Map<String, List<PrimitiveVerdict>> byGroup = new TreeMap<>();
        for (PrimitiveVerdict v : all) {
            byForm.computeIfAbsent(v.form(), k -> new ArrayList<>()).add(v);
            byGroup.computeIfAbsent(v.groupId(), k -> new ArrayList<>()).add(v);
        }
        Map<String, Double> formAcc = new TreeMap<>();
        byForm.forEach((k, v) -> formAcc.put(k, PrimitiveScoring.accuracy(v)));
        Map<String, Double> groupAcc = new TreeMap<>();
        byGroup.forEach((k, v) -> groupAcc.put(k, PrimitiveScoring.accuracy(v)));
        int right = (int) all.stream().filter(PrimitiveVerdict::right).count();
        return new TraineeSummary(trainee, (int) items.stream().filter(ItemResult::done).count(), items.size(),
                exam.items().size(), right, all.size(), all.isEmpty() ? null : (double) right / all.size(), formAcc,
                groupAcc, captions.size(), mean(captions, CaptionScore::captionF1),
                mean(captions, CaptionScore::critiqueF1), mean(captions, CaptionScore::coverage),
                mean(captions, c -> Math.abs(c.ratingDifference())), mean(captions, CaptionScore::score), time,
                items);
    }

    /** Mean of the non-NaN values, or null. */
    private static Double mean(List<CaptionScore> scores, ToDoubleFunction<CaptionScore> f) {
        double sum = 0;
        int n = 0;
        for (CaptionScore s : scores) {
            double v = f.applyAsDouble(s);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** The summary of {@code trainee}, if they did anything. */
    public static Optional<TraineeSummary> of(List<TraineeSummary> summaries, String trainee) {
        return summaries.stream().filter(s -> s.trainee().equals(trainee)).findFirst();
    }
}
