// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.agreement.GroupAgreement;
import io.chai.model.domain.Aspect;
import io.chai.model.quality.AnnotatorQuality;
import io.chai.model.quality.QualityFlag;
import io.chai.model.quality.TextDiff;
import io.chai.model.store.StepTimeStats;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.CaptionVersion;
import io.chai.model.workflow.WorkflowState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A self-contained HTML report (inline CSS and SVG, no scripts, no external resources, so it opens offline):
 * per-aspect acceptance of pre-captions, median words pre → post, review outcomes, critique-quality flags per
 * annotator, agreement per primitive group, and time per step.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * The report's inputs.
     *
     * @param title       project name shown as the heading
     * @param specVersion specification id and version
     * @param generatedAt the time shown
     * @param items       the project's clips and work
     * @param quality     critique-quality summary per annotator
     * @param agreement   agreement per primitive group
     * @param steps       time per annotation step and annotator
     */
    public record Data(String title, String specVersion, Instant generatedAt, List<ExportItem> items,
            List<AnnotatorQuality> quality, List<GroupAgreement> agreement, List<StepTimeStats> steps) {
    }

    /**
     * Statistics of one aspect over items submitted or later.
     *
     * @param aspect          the aspect key
     * @param submitted       items submitted, approved or rejected
     * @param kept            of those, pre-captions rated 5 (accepted as they were)
     * @param medianPreWords  median word count of the pre-captions
     * @param medianPostWords median word count of the post-captions (the export's caption data)
     * @param approved        approved items
     * @param rejected        rejected items
     * @param pending         submitted, not yet reviewed
     */
    public record AspectStats(String aspect, int submitted, int kept, double medianPreWords, double medianPostWords,
            int approved, int rejected, int pending) {
        public double acceptance() {
            return submitted == 0 ? Double.NaN : (double) kept / submitted;
        }
    }

    public static List<AspectStats> aspectStats(List<ExportItem> items) {
        List<AspectStats> out = new ArrayList<>();
        for (Aspect a : Aspect.values()) {
            int submitted = 0;
            int kept = 0;
            int approved = 0;
            int rejected = 0;
            int pending = 0;
            List<Integer> pre = new ArrayList<>();
            List<Integer> post = new ArrayList<>();
            for (ExportItem i : items) {
                AspectWork w = i.work().get(a);
                if (w == null || w.captionData().isEmpty()) {
                    continue;
                }
                submitted++;
                CaptionVersion sub = w.submittedVersion().orElseThrow();
                if (sub.rating().isPerfect()) {
                    kept++;
                }
                if (w.state() == WorkflowState.APPROVED) {
                    approved++;
                } else if (w.state() == WorkflowState.REJECTED) {
                    rejected++;
                } else {
                    pending++;
                }
                w.preCaption().ifPresent(p -> pre.add(TextDiff.wordCount(p.text())));
                post.add(TextDiff.wordCount(w.captionData().get().caption().text()));
            }
            out.add(new AspectStats(a.key(), submitted, kept, median(pre), median(post), approved, rejected, pending));
        }
        return out;
    }

    static double median(List<Integer> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Integer> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    public static String render(Data d) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(d.title())).append(" — CHAI report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
                .append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append("h2{margin-top:2em;border-bottom:1px solid #ddd}.note{color:#666;font-size:.9em}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(d.title())).append("</h1>\n<p class=\"note\">Specification ")
                .append(esc(d.specVersion())).append(" · generated ").append(esc(d.generatedAt().toString()))
                .append(" · ").append(d.items().size()).append(" clips</p>\n");

        List<AspectStats> stats = aspectStats(d.items());
        h.append("<h2>Pre-captions and review per aspect</h2>\n<table>\n<tr><th>aspect</th><th>submitted</th>")
                .append("<th>kept as is (rated 5)</th><th>acceptance</th><th>median words pre</th>")
                .append("<th>median words post</th><th>approved</th><th>rejected</th><th>awaiting review</th></tr>\n");
        for (AspectStats s : stats) {
            h.append("<tr><td>").append(s.aspect()).append("</td><td>").append(s.submitted()).append("</td><td>")
                    .append(s.kept()).append("</td><td>").append(pct(s.acceptance())).append("</td><td>")
                    .append(num(s.medianPreWords())).append("</td><td>").append(num(s.medianPostWords()))
                    .append("</td><td>").append(s.approved()).append("</td><td>").append(s.rejected())
                    .append("</td><td>").append(s.pending()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        List<String> labels = stats.stream().map(AspectStats::aspect).toList();
        h.append(bars("Acceptance rate of pre-captions", labels, stats.stream().map(s -> s.acceptance() * 100)
                .toList(), null, "%"));
        h.append(bars("Median words, pre-caption (grey) → post-caption (blue)", labels,
                stats.stream().map(AspectStats::medianPreWords).toList(),
                stats.stream().map(AspectStats::medianPostWords).toList(), ""));
        h.append(bars("Review outcomes: approved (grey) and rejected (blue)", labels,
                stats.stream().map(s -> (double) s.approved()).toList(),
                stats.stream().map(s -> (double) s.rejected()).toList(), ""));

        h.append("<h2>Critique quality per annotator</h2>\n");
        if (d.quality().isEmpty()) {
            h.append("<p>No submitted items yet.</p>\n");
        } else {
            h.append("<table>\n<tr><th>annotator</th><th>items</th>");
            for (QualityFlag f : QualityFlag.values()) {
                h.append("<th>").append(f.id().replace('_', ' ')).append("</th>");
            }
            h.append("<th>rewritten by reviewer</th><th>critique precision</th><th>critique recall</th></tr>\n");
            for (AnnotatorQuality q : d.quality()) {
                h.append("<tr><td>").append(esc(q.annotator())).append("</td><td>").append(q.items()).append("</td>");
                for (QualityFlag f : QualityFlag.values()) {
                    h.append("<td>").append(q.flags().getOrDefault(f.id(), 0)).append("</td>");
                }
                h.append("<td>").append(q.rewritten()).append("</td><td>").append(opt(q.meanPrecision()))
                        .append("</td><td>").append(opt(q.meanRecall())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Agreement on overlapping primitive labels</h2>\n");
        if (d.agreement().isEmpty()) {
            h.append("<p>No clip was labelled by two or more annotators.</p>\n");
        } else {
            h.append("<table>\n<tr><th>group</th><th>units</th><th>raters</th><th>unsure</th><th>raw</th>")
                    .append("<th>Cohen's κ</th><th>Fleiss' κ</th><th>Krippendorff's α</th><th>metric</th></tr>\n");
            for (GroupAgreement g : d.agreement()) {
                h.append("<tr><td>").append(esc(g.group())).append("</td><td>").append(g.units()).append("</td><td>")
                        .append(g.raters().size()).append("</td><td>").append(g.unsure()).append("</td><td>")
                        .append(num3(g.raw())).append("</td><td>").append(opt(g.cohenKappa())).append("</td><td>")
                        .append(num3(g.fleissKappa())).append("</td><td>").append(num3(g.alpha())).append("</td><td>")
                        .append(g.metric()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Time per step</h2>\n");
        if (d.steps().isEmpty()) {
            h.append("<p>No step timings recorded.</p>\n");
        } else {
            h.append("<table>\n<tr><th>annotator</th><th>step</th><th>count</th><th>mean s to first edit</th>")
                    .append("<th>mean s to submit</th></tr>\n");
            for (StepTimeStats s : d.steps()) {
                h.append("<tr><td>").append(esc(s.author())).append("</td><td>").append(esc(s.step()))
                        .append("</td><td>").append(s.count()).append("</td><td>")
                        .append(num(s.meanMillisToFirstEdit() / 1000)).append("</td><td>")
                        .append(num(s.meanMillisToSubmit() / 1000)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** A horizontal bar chart in inline SVG; a second series is drawn as a thinner blue bar. */
    private static String bars(String title, List<String> labels, List<Double> a, List<Double> b, String unit) {
        double max = 0;
        for (Double v : a) {
            max = Double.isNaN(v) ? max : Math.max(max, v);
        }
        if (b != null) {
            for (Double v : b) {
                max = Double.isNaN(v) ? max : Math.max(max, v);
            }
        }
        max = max <= 0 ? 1 : max;
        int rowH = 26;
        int w = 560;
        int left = 90;
        StringBuilder s = new StringBuilder();
        s.append("<figure><figcaption>").append(esc(title)).append("</figcaption>\n<svg")
                .append(" width=\"").append(w + 80).append("\" height=\"").append(labels.size() * rowH + 4)
                .append("\" role=\"img\">\n");
        for (int i = 0; i < labels.size(); i++) {
            int y = i * rowH + 2;
            s.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(esc(labels.get(i)))
                    .append("</text>");
            double va = a.get(i);
            int la = Double.isNaN(va) ? 0 : (int) Math.round(va / max * (w - left));
            s.append("<rect x=\"").append(left).append("\" y=\"").append(y + 2).append("\" width=\"").append(la)
                    .append("\" height=\"").append(b == null ? 18 : 10).append("\" fill=\"#999\"/>");
            String label = num(va) + unit;
            if (b != null) {
                double vb = b.get(i);
                int lb = Double.isNaN(vb) ? 0 : (int) Math.round(vb / max * (w - left));
                s.append("<rect x=\"").append(left).append("\" y=\"").append(y + 12).append("\" width=\"").append(lb)
                        .append("\" height=\"10\" fill=\"#3a6fb0\"/>");
                label = num(va) + " → " + num(vb) + unit;
            }
            s.append("<text x=\"").append(left + Math.max(la, 0) + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"12\">").append(esc(label)).append("</text>\n");
        }
        s.append("</svg></figure>\n");
        return s.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num3(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? num3(v.getAsDouble()) : "–";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
