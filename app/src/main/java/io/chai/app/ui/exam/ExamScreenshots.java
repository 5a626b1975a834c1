// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.app.ui.FxImages;
import io.chai.app.ui.MainWindow;
import io.chai.model.domain.Aspect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;

/**
 * The exam screens for {@code chai exam demo DIR --open --screenshots SHOTS} (run by the workstation launcher's
 * screenshot sequence): answers a few primitives, one wrongly ({@code exam-primitives.png}), submits the subject
 * caption through the caption stepper ({@code exam-captions.png}), then switches to the exam's expert (its lead) and
 * shows the Trainees table ({@code exam-trainees.png}; trainees do not have that tab). The answers are written to
 * the exam's store as the current user's.
 */
public final class ExamScreenshots {
    private ExamScreenshots() {
    }

    /** The steps: (seconds to wait before, action), in order. */
    public static List<Map.Entry<Double, Runnable>> steps(MainWindow w, ExamTabs exam, Path dir) {
        List<Map.Entry<Double, Runnable>> out = new ArrayList<>();
        // the trainee is the user the exam was opened for (--as), whoever the screenshot settings remember
        String trainee = w.contentProperty().get().captions().orElseThrow().defaultUser();
        out.add(Map.entry(0.1, () -> {
            if (!trainee.equals(w.user())) {
                w.switchUser(trainee);
            }
            w.notifications().all().clear();
            if (w.taskPanelVisible()) {
                w.toggleTaskPanel();
            }
            w.sideTabs().getSelectionModel().select(0);
        }));
        // one answer per step: each is checked on its own, as when clicked; the shot type is corrected last (its
        // first answer, wrong, stays the scored one)
        String[][] answers = {{"shot_type", "human"}, {"shot_size_start", "wide"}, {"shot_size_end", "unknown"},
            {"has_overlays", "true"}, {"steadiness", "very_unsteady"}, {"shot_type", "scenery"}};
        for (String[] a : answers) {
            out.add(Map.entry(0.15, () -> w.checklist().set(a[0], "true".equals(a[1]) ? Boolean.TRUE : a[1])));
        }
        out.add(Map.entry(0.3, () -> w.sideTabs().getSelectionModel().select(exam.examTab())));
        out.add(Map.entry(0.8, () -> shot(w.scene(), dir.resolve("exam-primitives.png"))));
        out.add(Map.entry(0.1, () -> {
            var c = w.captions().orElseThrow();
            c.select(Aspect.SUBJECT);
            c.ratingProperty().set(2);
            c.critiqueProperty().set("There is no game or car: it is a test pattern with colour bars.");
            String pre = c.current().preCaption().map(p -> p.text()).orElse("");
            int end = pre.indexOf(" shows");
            if (end > 0) {
                c.addItem(0, end, io.chai.model.domain.CritiqueItem.ErrorType.HALLUCINATION, "a test pattern");
            }
            c.submitCritique();
            c.captionProperty().set("A test pattern with colour bars and a frame counter.");
            c.saveCaption();
            c.submit();
            w.notifications().all().clear();
            w.sideTabs().getSelectionModel().select(exam.examTab());
        }));
        out.add(Map.entry(0.5, () -> exam.examView().setVvalue(1.0)));
        out.add(Map.entry(0.8, () -> shot(w.scene(), dir.resolve("exam-captions.png"))));
        out.add(Map.entry(0.1, () -> {
            w.switchUser(exam.exam().exam().expert().value());
            w.notifications().all().clear();
            w.sideTabs().getSelectionModel().select(exam.traineesTab());
            exam.traineesView().table().getSelectionModel().select(0);
        }));
        out.add(Map.entry(0.8, () -> shot(w.scene(), dir.resolve("exam-trainees.png"))));
        out.add(Map.entry(0.1, () -> w.switchUser(trainee)));
        return out;
    }

    private static void shot(Scene scene, Path file) {
        try {
            FxImages.writePng(scene.snapshot(null), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file + ": " + e.getMessage(), e);
        }
    }
}
