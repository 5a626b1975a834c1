// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.captions.viewmodel.CaptionStepperViewModel;
import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.exam.viewmodel.ExamAccess;
import io.chai.app.ui.exam.viewmodel.ExamViewModel;
import io.chai.app.ui.exam.viewmodel.TraineeSummaryViewModel;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.common.UserFacingException;
import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamFile;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.ProjectTeam;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Adds the exam to the main window when the opened project is an exam ({@code exam.json} beside its database):
 * an <b>Exam</b> tab after the checklist (the trainee's feedback) and a <b>Trainees</b> tab (the lead's summary).
 * The Trainees and Review tabs are there for the exam's lead only ({@link ExamAccess}): a trainee sees neither, as
 * both would show other trainees' work and reviewing is not part of an exam. While the Exam tab is not shown, each
 * verdict also appears as a notification (the newest only), so the trainee sees it while still on the checklist.
 * The window tells it about clip switches ({@link #showContent}) and user switches ({@link #setUser}).
 */
public final class ExamTabs {
    private final ExamViewModel exam;
    private final TraineeSummaryViewModel trainees;
    private final ExamView examView;
    private final TraineeSummaryView traineesView;
    private final Tab examTab;
    private final Tab traineesTab;
    private final ChangeListener<Number> onCaptionStep;
    private final ExamDefinition def;
    private final ProjectStore store;
    private final TabPane tabs;
    private final Tab reviewTab;
    private final NotificationCenter notifications;
    private int reviewIndex = -1;
    private boolean lead;
    private CaptionStepperViewModel captions;
    private NotificationCenter.Notification lastVerdict;

    private ExamTabs(ExamDefinition def, WorkstationContent content, ProjectStore store, ChecklistViewModel checklist,
            CaptionStepperViewModel captions, String user, TabPane tabs, Tab reviewTab,
            NotificationCenter notifications) {
        this.def = def;
        this.store = store;
        this.tabs = tabs;
        this.reviewTab = reviewTab;
        this.notifications = notifications;
        String clip = content.captions().orElseThrow().clip().hex();
        exam = new ExamViewModel(content.specification(), def, store, checklist.answers(), clip, user,
                javafx.application.Platform::runLater);
        trainees = new TraineeSummaryViewModel(content.specification(), def, store);
        examView = new ExamView(exam);
        traineesView = new TraineeSummaryView(trainees);
        examTab = new Tab("Exam", examView);
        examTab.setId("tab-exam");
        traineesTab = new Tab("Trainees", traineesView);
        traineesTab.setId("tab-trainees");
        exam.setOnVerdict(r -> {
            // while the Exam tab is hidden, the verdict is a notification; only the newest one stays
            if (lastVerdict != null) {
                notifications.dismiss(lastVerdict);
                lastVerdict = null;
            }
            if (!examTab.isSelected()) {
                lastVerdict = notifications.post(r.right() ? NotificationCenter.Level.INFO
                        : NotificationCenter.Level.WARNING, r.sentence(), r.definition());
            }
        });
        traineesTab.setOnSelectionChanged(e -> {
            if (traineesTab.isSelected()) {
                trainees.refresh();
            }
        });
        examTab.setOnSelectionChanged(e -> {
            if (examTab.isSelected()) {
                exam.refresh();
            }
        });
        onCaptionStep = (o, a, b) -> {
            exam.refresh();
            trainees.refresh();
        };
        follow(captions);
    }

    /**
     * The exam tabs for {@code content} added to {@code tabs} (Exam after the first tab; for the lead, Trainees
     * last), or empty when the content is not an exam project. For a trainee {@code reviewTab} (may be null) is
     * taken out of {@code tabs}, and put back when a lead switches in. An unreadable exam.json is an error
     * notification and no tabs.
     */
    public static Optional<ExamTabs> attach(WorkstationContent content, ChecklistViewModel checklist,
            CaptionStepperViewModel captions, String user, TabPane tabs, Tab reviewTab,
            NotificationCenter notifications) {
        if (content.captions().isEmpty() || captions == null || user == null) {
            return Optional.empty();
        }
        ProjectStore store = content.captions().get().works().store();
        Optional<ExamDefinition> def;
        try {
            def = ExamFile.find(store.directory());
        } catch (UserFacingException e) {
            notifications.error(e.getMessage(), e.getCause());
            return Optional.empty();
        }
        if (def.isEmpty()) {
            return Optional.empty();
        }
        ExamTabs t = new ExamTabs(def.get(), content, store, checklist, captions, user, tabs, reviewTab,
                notifications);
        tabs.getTabs().add(Math.min(1, tabs.getTabs().size()), t.examTab);
        t.showTabsFor(user);
        return Optional.of(t);
    }

    /** After a clip switch: the new clip's content and caption stepper (the checklist now holds its answers). */
    public void showContent(WorkstationContent content, CaptionStepperViewModel stepper) {
        content.captions().ifPresent(s -> exam.showClip(s.clip().hex()));
        follow(stepper);
        trainees.refresh();
    }

    /** After a user switch: the exam now gives feedback to {@code user}, and shows the lead's tabs to a lead. */
    public void setUser(String user) {
        exam.setTrainee(user);
        showTabsFor(user);
    }

    /** Whether the current user leads the exam (sees the Trainees and Review tabs). */
    public boolean lead() {
        return lead;
    }

    /** Shows the Trainees and Review tabs to a lead, takes them away from a trainee. */
    private void showTabsFor(String user) {
        try {
            lead = ExamAccess.lead(def, ProjectTeam.roles(store), user);
        } catch (RuntimeException e) {
            // an unreadable team record: only the expert leads (the message says how to repair it)
            notifications.error(e.getMessage(), e);
            lead = ExamAccess.lead(def, java.util.Map.of(), user);
        }
        if (reviewTab != null) {
            int at = tabs.getTabs().indexOf(reviewTab);
            if (at >= 0) {
                reviewIndex = at;
            }
            if (!lead && at >= 0) {
                tabs.getTabs().remove(reviewTab);
            } else if (lead && at < 0 && reviewIndex >= 0) {
                tabs.getTabs().add(Math.min(reviewIndex, tabs.getTabs().size()), reviewTab);
            }
        }
        boolean shown = tabs.getTabs().contains(traineesTab);
        if (lead && !shown) {
            tabs.getTabs().add(traineesTab);
        } else if (!lead && shown) {
            tabs.getTabs().remove(traineesTab);
        }
    }

    private void follow(CaptionStepperViewModel stepper) {
        if (captions != null) {
            captions.revisionProperty().removeListener(onCaptionStep);
        }
        captions = stepper;
        if (captions != null) {
            captions.revisionProperty().addListener(onCaptionStep);
        }
    }

    public ExamViewModel exam() {
        return exam;
    }

    public TraineeSummaryViewModel trainees() {
        return trainees;
    }

    public ExamView examView() {
        return examView;
    }

    public TraineeSummaryView traineesView() {
        return traineesView;
    }

    public Tab examTab() {
        return examTab;
    }

    public Tab traineesTab() {
        return traineesTab;
    }

    /** Stops following the checklist and the caption stepper. */
    public void close() {
        exam.close();
        follow(null);
    }
}
