// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.app.ui.project.DemoProject;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.CritiqueItem;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.MediaProber;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo exam ({@code chai exam demo DIR}): the demo project's three generated clips with <em>canned</em> expert
 * answers (labels and an approved subject caption per clip, written by the user {@value #EXPERT} and approved by
 * {@value #LEAD}), made into an exam with {@link ExamBuilder} exactly as {@code chai exam create} does. The canned
 * answers describe the generated test sources; they are examples, not an expert's real work.
 */
public final class ExamDemo {
    public static final String EXPERT = "expert";
    public static final String LEAD = "lead";
    public static final String SOURCE = "CHAI demo exam (canned expert answers, not a model output)";

    private ExamDemo() {
    }

    /** One clip's canned answers: labels, pre-caption, rating, critique with quoted spans, post-caption. */
    record Canned(Map<String, LabelValue> labels, String pre, int rating, String critique, List<String[]> spans,
            String post) {
    }

    /** In the demo project's clip order (test pattern, Mandelbrot zoom, cellular automaton). */
    static final List<Canned> CANNED = List.of(
            new Canned(Map.of("shot_type", new LabelValue.Choice("scenery"),
                    "shot_size", LabelValue.StartEnd.unchanged("wide"),
                    "has_overlays", new LabelValue.TriState(LabelValue.Answer.YES),
                    "overlay_types", LabelValue.MultiChoice.of(List.of("title")),
                    "steadiness", new LabelValue.Choice("static"),
                    "camera_movement", new LabelValue.Choice("no")),
                    "A video game screen shows a racing car driving through a colourful city at night.", 1,
                    "There is no game, car or city: this is a computer-generated test pattern with colour bars and a "
                            + "running frame counter.",
                    List.of(new String[] {"A video game screen", "hallucination"},
                            new String[] {"a racing car driving through a colourful city at night", "hallucination"}),
                    "A computer-generated test pattern with colour bars and a running frame counter."),
            new Canned(Map.of("shot_type", new LabelValue.Choice("scenery"),
                    "shot_size", new LabelValue.StartEnd("wide", "extreme_close_up", false),
                    "has_overlays", new LabelValue.TriState(LabelValue.Answer.NO),
                    "steadiness", new LabelValue.Choice("very_smooth"),
                    "camera_movement", new LabelValue.Choice("minor")),
                    "A static image of a blue fractal.", 2,
                    "It is not static: the view zooms steadily into the fractal, whose colours shift.",
                    List.of(new String[] {"static", "imprecision"}, new String[] {"blue", "imprecision"}),
                    "A colourful fractal pattern that the view zooms steadily into."),
            new Canned(Map.of("shot_type", new LabelValue.Choice("scenery"),
                    "shot_size", LabelValue.StartEnd.unchanged("wide"),
                    "has_overlays", new LabelValue.TriState(LabelValue.Answer.NO),
                    "steadiness", new LabelValue.Choice("static"),
                    "camera_movement", new LabelValue.Choice("no")),
                    "Small dots appear, grow and vanish on a dark background, like a cellular automaton.", 5,
                    null, List.of(), null));

    /**
     * Creates the demo exam in {@code out} (must not exist or be empty): generates the demo clips in a scratch
     * project beside it, writes the canned expert answers there, builds the exam, removes the scratch project.
     */
    public static ExamBuilder.Result create(Path out, Function<Path, MediaProber> proberFor, Clock clock) {
        Path parent = out.toAbsolutePath().getParent();
        Path scratch;
        try {
            Files.createDirectories(parent);
            scratch = Files.createTempDirectory(parent, ".chai-demo-exam-source-");
        } catch (IOException e) {
            throw new UserFacingException("cannot create the demo exam beside " + out + ": " + e.getMessage(), e);
        }
        try {
            DemoProject.ensure(scratch);
            try (ProjectStore src = ProjectStore.open(scratch)) {
                writeCanned(src, clock);
            }
            return ExamBuilder.create(scratch, EXPERT, out, List.of(), null, "CHAI demo exam", proberFor, clock);
        } finally {
            ExamBuilder.cleanUp(scratch, true);
        }
    }

    private static void writeCanned(ProjectStore src, Clock clock) {
        List<ClipRecord> clips = src.clips(null, null, null, null, 0, CANNED.size());
        if (clips.size() != CANNED.size()) {
            throw new IllegalStateException("the demo project has " + clips.size() + " clips, expected "
                    + CANNED.size());
        }
        UserId expert = UserId.of(EXPERT);
        for (int i = 0; i < clips.size(); i++) {
            Canned c = CANNED.get(i);
            ClipId id = ClipId.of(clips.get(i).clipId());
            List<RevisionDraft> drafts = new ArrayList<>();
            drafts.add(RevisionDraft.ofRecord(id, null, RevisionKind.PRIMITIVE_LABELS, EXPERT,
                    PrimitiveLabels.of(c.labels(), expert, clock.instant())));
            PreCaption pre = PreCaption.imported(c.pre(), SOURCE, clock.instant());
            drafts.add(RevisionDraft.ofRecord(id, Aspect.SUBJECT, RevisionKind.PRE_CAPTION, EXPERT, pre));
            drafts.add(RevisionDraft.ofRecord(id, Aspect.SUBJECT, RevisionKind.RATING, EXPERT, Rating.of(c.rating())));
            if (c.critique() != null) {
                List<CritiqueItem> items = new ArrayList<>();
                for (String[] s : c.spans()) {
                    int at = c.pre().indexOf(s[0]);
                    items.add(CritiqueItem.of(c.pre(), at, at + s[0].length(),
                            CritiqueItem.ErrorType.valueOf(s[1].toUpperCase(java.util.Locale.ROOT)), ""));
                }
                drafts.add(RevisionDraft.ofRecord(id, Aspect.SUBJECT, RevisionKind.CRITIQUE, EXPERT,
                        Critique.typed(c.critique(), items)));
                drafts.add(RevisionDraft.ofRecord(id, Aspect.SUBJECT, RevisionKind.POST_CAPTION, EXPERT,
                        PostCaption.handWritten(c.post())));
            }
            drafts.add(RevisionDraft.of(id.hex(), Aspect.SUBJECT.key(), RevisionKind.SUBMISSION, EXPERT,
                    "{\"submitted\": true}"));
            drafts.add(RevisionDraft.ofRecord(id, Aspect.SUBJECT, RevisionKind.REVIEW, LEAD, new Review(UserId.of(LEAD),
                    Review.Decision.APPROVE, Optional.empty(), clock.instant(), Optional.empty())));
            // one draft per revision in order: each gets a later clock value than the one before
            for (RevisionDraft d : drafts) {
                src.append(d);
            }
        }
    }
}
