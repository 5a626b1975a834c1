// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chai.app.ui.WorkstationLauncher;
import io.chai.app.ui.exam.ExamBuilder;
import io.chai.app.ui.exam.ExamDemo;
import io.chai.app.ui.exam.viewmodel.ExamFormat;
import io.chai.app.ui.exam.viewmodel.TraineeSummaryViewModel;
import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.common.UserFacingException;
import io.chai.media.CancellationToken;
import io.chai.model.exam.CaptionScore;
import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamFile;
import io.chai.model.exam.ExamScorer;
import io.chai.model.exam.ItemResult;
import io.chai.model.exam.TraineeSummary;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chai exam create | report | demo}: onboarding exams made from an expert's work (see docs/exam.md).
 */
@Command(name = "exam", mixinStandardHelpOptions = true,
        description = "Onboarding exams: make one from an expert's work, score the trainees, or try the demo exam.",
        subcommands = {ExamCommand.Create.class, ExamCommand.Report.class, ExamCommand.Demo.class})
public final class ExamCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: create, report or demo (chai exam --help)");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Make an exam project from an expert's work: copies the clips the expert labelled or "
                    + "captioned (approved) into a new project, keeps the expert's answers as the hidden references "
                    + "(exam.json) and the pre-captions the expert critiqued as the trainees' drafts.",
                "Trainees open the exam with 'chai workstation --project DIR' (each in their own copy of the folder)."})
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", paramLabel = "PROJECT", required = true, description = "the project holding the "
                + "expert's work")
        Path from;

        @Option(names = "--expert", paramLabel = "USER", required = true, description = "whose labels and approved "
                + "captions are the references")
        String expert;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "the new exam folder (must not "
                + "exist, or be empty)")
        Path out;

        @Option(names = "--clip", paramLabel = "REF", description = "only this clip (id, prefix, external id or path;"
                + " repeatable; default: every clip with the expert's work)")
        List<String> clips = new ArrayList<>();

        @Option(names = "--tag", paramLabel = "TAG", description = "only clips with this tag")
        String tag;

        @Option(names = "--name", paramLabel = "NAME", description = "the exam's name (default: 'Exam: ' + the "
                + "project's name)")
        String name;

        @Override
        public Integer call() {
            ExamBuilder.Result r = ExamBuilder.create(from, expert, out, clips, tag, name,
                    dir -> new ProjectMediaProber(dir, CancellationToken.NONE), Clock.systemUTC());
            PrintWriter o = spec.commandLine().getOut();
            for (String s : r.skipped()) {
                o.println("skipped " + s);
            }
            o.println("exam '" + r.exam().name() + "' in " + r.folder() + ": " + r.exam().items().size() + " clips, "
                    + r.labelled() + " with reference labels, " + r.captions() + " reference captions (expert "
                    + expert + ")");
            o.flush();
            return ChaiCommand.EXIT_OK;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Score every trainee of an exam: items done, primitive accuracy (overall and per form), "
                    + "caption and critique word F1, coverage of the expert's span items, item score, time spent.",
                "Give several copies of the same exam folder (one per trainee) to report them together."})
    static final class Report implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..*", description = "exam folders (default: the current project)")
        List<Path> dirs = new ArrayList<>();

        @Option(names = "--json", description = "one JSON document with every trainee's summary and items")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<Path> roots = new ArrayList<>();
            if (dirs.isEmpty()) {
                roots.add(new ProjectCommands.ProjectOption().resolve());
            } else {
                for (Path d : dirs) {
                    roots.add(ProjectStore.locate(d.toAbsolutePath()).orElseThrow(() -> new UserFacingException(
                            "no CHAI project in " + d + " or above it")));
                }
            }
            ExamDefinition exam = ExamFile.read(roots.get(0));
            for (Path r : roots.subList(1, roots.size())) {
                ExamDefinition other = ExamFile.read(r);
                if (!other.examId().equals(exam.examId())) {
                    throw new UserFacingException(r + " holds another exam ('" + other.name() + "', not '"
                            + exam.name() + "'); report copies of one exam together");
                }
            }
            List<ProjectStore> stores = new ArrayList<>();
            try {
                for (Path r : roots) {
                    stores.add(ProjectStore.open(r));
                }
                List<TraineeSummary> all = new ExamScorer(Specifications.bundled(), exam).score(stores);
                PrintWriter o = spec.commandLine().getOut();
                if (json) {
                    JsonMapper m = ChaiJson.newMapper();
                    o.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(m, exam, all)));
                } else {
                    printTable(o, exam, all);
                }
                o.flush();
            } finally {
                stores.forEach(ProjectStore::close);
            }
            return ChaiCommand.EXIT_OK;
        }

        private static void printTable(PrintWriter o, ExamDefinition exam, List<TraineeSummary> all) {
            o.println("exam '" + exam.name() + "' · expert " + exam.expert().value() + " · " + exam.items().size()
                    + " clips · " + all.size() + " trainee" + (all.size() == 1 ? "" : "s"));
            if (all.isEmpty()) {
                o.println("no trainee has answered yet");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(TraineeSummaryViewModel.headers());
            all.forEach(s -> rows.add(TraineeSummaryViewModel.cells(s)));
            int[] w = new int[rows.get(0).size()];
            for (List<String> r : rows) {
                for (int i = 0; i < r.size(); i++) {
                    w[i] = Math.max(w[i], r.get(i).length());
                }
            }
            for (List<String> r : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    sb.append(i == 0 ? "" : "  ").append(String.format("%-" + w[i] + "s", r.get(i)));
                }
                o.println(sb.toString().stripTrailing());
            }
        }

        static ObjectNode toJson(JsonMapper m, ExamDefinition exam, List<TraineeSummary> all) {
            ObjectNode root = m.createObjectNode();
            root.put("exam_id", exam.examId().toString());
            root.put("name", exam.name());
            root.put("expert", exam.expert().value());
            root.put("clips", exam.items().size());
            ArrayNode trainees = root.putArray("trainees");
            for (TraineeSummary s : all) {
                ObjectNode t = trainees.addObject();
                t.put("trainee", s.trainee());
                t.put("items_done", s.itemsDone());
                t.put("items_started", s.itemsStarted());
                t.put("items_total", s.itemsTotal());
                ObjectNode p = t.putObject("primitives");
                p.put("right", s.primitiveRight());
                p.put("scored", s.primitiveScored());
                num(p, "accuracy", s.primitiveAccuracy());
                ObjectNode forms = p.putObject("accuracy_by_form");
                new java.util.TreeMap<>(s.accuracyByForm()).forEach((k, v) -> num(forms, k, v));
                ObjectNode groups = p.putObject("accuracy_by_group");
                new java.util.TreeMap<>(s.accuracyByGroup()).forEach((k, v) -> num(groups, k, v));
                ObjectNode c = t.putObject("captions");
                c.put("submitted", s.captionsSubmitted());
                num(c, "mean_caption_f1", s.meanCaptionF1());
                num(c, "mean_critique_f1", s.meanCritiqueF1());
                num(c, "mean_coverage", s.meanCoverage());
                num(c, "mean_abs_rating_difference", s.meanAbsRatingDiff());
                num(c, "mean_score", s.meanScore());
                t.put("time_spent_s", s.timeSpent().toMillis() / 1000.0);
                t.put("time_spent", ExamFormat.duration(s.timeSpent()));
                ArrayNode items = t.putArray("items");
                for (ItemResult r : s.items()) {
                    ObjectNode i = items.addObject();
                    i.put("clip_id", r.clipId());
                    i.put("display_name", r.displayName());
                    i.put("done", r.done());
                    i.put("labels_answered", r.labelsAnswered());
                    i.put("primitive_right", r.primitives().stream().filter(v -> v.right()).count());
                    i.put("primitive_scored", r.primitives().size());
                    num(i, "primitive_accuracy", r.primitiveAccuracy());
                    ObjectNode aspects = i.putObject("aspects");
                    for (CaptionScore cs : r.captions().values()) {
                        ObjectNode a = aspects.putObject(cs.aspect().key());
                        num(a, "score", cs.score());
                        num(a, "caption_f1", cs.captionF1());
                        num(a, "critique_f1", cs.critiqueF1());
                        num(a, "coverage", cs.coverage());
                        a.put("rating", cs.traineeRating().score());
                        a.put("expert_rating", cs.expertRating().score());
                        a.put("same_pre_caption", cs.samePreCaption());
                    }
                    i.put("time_spent_s", r.timeSpent().toMillis() / 1000.0);
                }
            }
            return root;
        }

        private static void num(ObjectNode n, String field, Double v) {
            if (v == null || v.isNaN()) {
                n.putNull(field);
            } else {
                n.put(field, Math.round(v * 1e6) / 1e6);
            }
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Make the demo exam in DIR: the demo project's three generated clips with canned expert "
                    + "answers (labels and an approved subject caption each, by user 'expert'), and, with --open, "
                    + "open it in the workstation with the canned demo model server.",
                "An existing demo exam in DIR is reused."})
    static final class Demo implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "the exam folder")
        Path dir;

        @Option(names = "--open", description = "open the exam in the workstation")
        boolean open;

        @Option(names = "--as", paramLabel = "USER", description = "with --open: who takes the exam (default: "
                + "$CHAI_USER or the login name; the workstation remembers File > Switch user)")
        String as;

        @Option(names = "--config-dir", paramLabel = "DIR", description = "settings folder (default: "
                + "$CHAI_CONFIG_DIR, $XDG_CONFIG_HOME/chai or ~/.config/chai)")
        Path configDir;

        @Option(names = "--screenshots", paramLabel = "DIR", description = "with --open, on a new exam DIR: answer a "
                + "few questions and a caption, write a PNG of each screen (the exam screens included) and exit "
                + "(run under xvfb-run)")
        Path screenshots;

        @Override
        public Integer call() {
            if (screenshots != null && !open) {
                throw new UserFacingException("--screenshots needs --open");
            }
            if (screenshots != null && ExamFile.isExam(dir)) {
                throw new UserFacingException("--screenshots answers the demo exam as a trainee: give a new DIR, not "
                        + "the exam in " + dir);
            }
            PrintWriter o = spec.commandLine().getOut();
            if (ExamFile.isExam(dir)) {
                o.println("using the exam already in " + dir + " ('" + ExamFile.read(dir).name() + "')");
            } else {
                ExamBuilder.Result r = ExamDemo.create(dir, d -> new ProjectMediaProber(d, CancellationToken.NONE),
                        Clock.systemUTC());
                o.println("demo exam in " + dir + ": " + r.exam().items().size() + " clips, " + r.labelled()
                        + " with reference labels, " + r.captions() + " reference captions (canned answers by '"
                        + ExamDemo.EXPERT + "')");
                if (!open) {
                    o.println("take it with: chai exam demo " + dir + " --open   (or chai workstation --project "
                            + dir + ")");
                }
            }
            o.flush();
            if (open) {
                Path config = configDir != null ? configDir : WorkstationSettings.defaultDir();
                String who = as != null ? as : ProjectCommands.defaultAuthor();
                WorkstationLauncher.run(() -> DemoProject.open(dir, null, who), config, screenshots, false);
            }
            return ChaiCommand.EXIT_OK;
        }
    }
}
