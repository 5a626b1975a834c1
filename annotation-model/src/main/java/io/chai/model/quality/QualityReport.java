// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.CaptionVersion;
import io.chai.model.workflow.WorkflowState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Runs the critique-quality checks over work items and sums them per annotator. */
public final class QualityReport {
    private QualityReport() {
    }

    /**
     * Checks one item's submitted version; empty before submission. A pre-caption rated 5 (sentinel critique,
     * caption unchanged) raises nothing except a rejection.
     */
    public static Optional<ItemQuality> check(AspectWork work, String sentinel) {
        return check(work, sentinel, Optional.empty());
    }

    /**
     * As {@link #check(AspectWork, String)}, and when the rule-based detector lets a critique pass, asks
     * {@code judge} (if given) whether it is constructive; a negative verdict raises {@code non_constructive} with
     * the judge's model and reason as detail.
     */
    public static Optional<ItemQuality> check(AspectWork work, String sentinel, Optional<CritiqueJudge> judge) {
        Optional<CaptionVersion> sub = work.submittedVersion();
        if (sub.isEmpty() || work.preCaption().isEmpty()) {
            return Optional.empty();
        }
        CaptionVersion v = sub.get();
        String pre = work.preCaption().get().text();
        String critique = v.critique().finalText();
        String post = v.caption().text();
        List<Finding> findings = new ArrayList<>();
        if (!v.rating().isPerfect()) {
            CritiqueChecks.nitpickOnly(pre, critique, post, v.critique().items()).ifPresent(findings::add);
            CritiqueChecks.globalEdit(pre, post).ifPresent(findings::add);
            CritiqueChecks.directEdit(pre, critique, post).ifPresent(findings::add);
            Optional<Finding> rule = CritiqueChecks.nonConstructive(critique);
            if (rule.isPresent()) {
                findings.add(rule.get());
            } else if (judge.isPresent() && !critique.isBlank() && !critique.strip().equals(sentinel)) {
                CritiqueJudge.Verdict verdict = judge.get().judge(work.aspect(), pre, critique);
                if (!verdict.constructive()) {
                    findings.add(new Finding(QualityFlag.NON_CONSTRUCTIVE, "model judge (" + verdict.model() + ")"
                            + (verdict.reason().isBlank() ? "" : ": " + CritiqueChecks.abbreviate(verdict.reason()))));
                }
            }
        }
        Optional<CritiqueAlignment> alignment = Optional.empty();
        if (work.state() == WorkflowState.REJECTED) {
            var review = work.review().orElseThrow();
            findings.add(new Finding(QualityFlag.REVIEWER_REJECTED, "rejected by " + review.reviewer().value()
                    + review.reason().map(r -> ": " + CritiqueChecks.abbreviate(r)).orElse("")));
            alignment = review.redo().map(r -> CritiqueAlignment.align(critique, r.critique().finalText(), sentinel));
        }
        return Optional.of(new ItemQuality(work.clip().hex(), work.aspect().key(), v.author().value(), findings,
                alignment));
    }

    /** Checks every submitted item, in the order given. */
    public static List<ItemQuality> checkAll(Collection<AspectWork> work, String sentinel) {
        return checkAll(work, sentinel, Optional.empty());
    }

    /** Checks every submitted item, in the order given, consulting {@code judge} as {@link #check} does. */
    public static List<ItemQuality> checkAll(Collection<AspectWork> work, String sentinel,
            Optional<CritiqueJudge> judge) {
        List<ItemQuality> out = new ArrayList<>();
        for (AspectWork w : work) {
            check(w, sentinel, judge).ifPresent(out::add);
        }
        return out;
    }

    /** Sums item results per annotator, sorted by annotator id. */
    public static List<AnnotatorQuality> byAnnotator(List<ItemQuality> items) {
        Map<String, List<ItemQuality>> groups = new TreeMap<>();
        for (ItemQuality q : items) {
            groups.computeIfAbsent(q.annotator(), k -> new ArrayList<>()).add(q);
        }
        List<AnnotatorQuality> out = new ArrayList<>();
        groups.forEach((who, list) -> {
            Map<String, Integer> flags = new LinkedHashMap<>();
            for (QualityFlag f : QualityFlag.values()) {
                flags.put(f.id(), (int) list.stream().filter(q -> q.has(f)).count());
            }
            int rewritten = (int) list.stream().filter(q -> q.alignment().isPresent()).count();
            OptionalDouble p = list.stream().flatMap(q -> q.alignment().stream())
                    .filter(a -> a.precision().isPresent()).mapToDouble(a -> a.precision().getAsDouble()).average();
            OptionalDouble r = list.stream().flatMap(q -> q.alignment().stream())
                    .filter(a -> a.recall().isPresent()).mapToDouble(a -> a.recall().getAsDouble()).average();
            out.add(new AnnotatorQuality(who, list.size(), flags, rewritten, p, r));
        });
        return out;
    }
}
