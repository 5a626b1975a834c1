// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync;

import io.chai.app.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.sync.viewmodel.SharedStoreConfig;
import io.chai.app.ui.sync.viewmodel.SyncViewModel;
import io.chai.app.ui.tasks.TaskCenter;
import io.chai.app.ui.team.TeamView;
import io.chai.app.ui.team.viewmodel.TeamStatsCalculator;
import io.chai.app.ui.team.viewmodel.TeamViewModel;
import io.chai.model.domain.Critique;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.sync.Conflicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's sync indicator, the conflicts window and the team view, headless (Monocle), on two real project
 * copies that edited the same critique offline and sync through a real folder store.
 */
@ExtendWith(ApplicationExtension.class)
class SyncIndicatorUiTest {
    static final Specification SPEC = Specifications.bundled();
    static final String CLIP = "e".repeat(64);

    @TempDir
    static Path tmp;

    private ProjectStore a;
    private ProjectStore b;
    private TaskCenter tasks;
    private NotificationCenter notifications;
    private SyncIndicator indicator;
    private TeamView team;
    private final java.util.concurrent.atomic.AtomicInteger pulls = new java.util.concurrent.atomic.AtomicInteger();

    static ProjectStore copy(Path dir, Path shared) throws Exception {
        ProjectStore p = ProjectStore.create(dir, "team", SPEC.id(), SPEC.version().toString());
        p.addClips(List.of(new NewClip(CLIP, "media/e.mp4", 10, 0, null, new MediaInfo(2.0, 25, 1, 320, 240, 50,
                "h264"), List.of())));
        Files.createDirectories(dir.resolve("sync"));
        Files.writeString(SharedStoreConfig.file(dir), "{\"kind\":\"folder\",\"location\":"
                + ChaiJson.newMapper().writeValueAsString(shared.toString()) + "}");
        return p;
    }

    @Start
    void start(Stage stage) throws Exception {
        Path session = tmp.resolve("s" + System.nanoTime());
        Path shared = session.resolve("shared");
        a = copy(session.resolve("a"), shared);
        b = copy(session.resolve("b"), shared);
        JsonMapper json = ChaiJson.newMapper();
        a.append(RevisionDraft.of(CLIP, "subject", RevisionKind.CRITIQUE, "anna",
                json.writeValueAsString(Critique.typed("The coat is blue, not red.", List.of()))));
        b.append(RevisionDraft.of(CLIP, "subject", RevisionKind.CRITIQUE, "bob",
                json.writeValueAsString(Critique.typed("The coat is green.", List.of()))));
        new SyncViewModel(a, SharedStoreConfig.load(a.directory()), ZoneOffset.UTC).syncNow(() -> false, s -> { });
        notifications = new NotificationCenter();
        tasks = new TaskCenter(notifications);
        indicator = new SyncIndicator(new SyncViewModel(b, SharedStoreConfig.load(b.directory()), ZoneOffset.UTC),
                tasks, notifications, () -> "bob");
        indicator.setOnPulled(pulls::incrementAndGet);
        team = new TeamView(new TeamViewModel(b, new TeamStatsCalculator(SPEC, ZoneOffset.UTC)), tasks);
        stage.setScene(new Scene(new VBox(indicator, team), 1000, 700));
        stage.show();
        indicator.refresh();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            tasks.close();
            UiTests.closeStages();
        });
        a.close();
        b.close();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Stage conflictsStage() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && "Sync conflicts — CHAI Workstation".equals(s.getTitle()) && s.isShowing()).map(w -> (Stage) w)
                .findFirst().orElse(null));
    }

    private String state(FxRobot robot) {
        return robot.lookup("#sync-state").queryAs(Label.class).getText();
    }

    @Test
    void syncNowShowsTheConflictAndKeepingAVersionResolvesIt(FxRobot robot) {
        UiTests.waitFor(30, () -> state(robot).equals("Never synced · 1 to push"));
        assertThat(robot.lookup("#sync-conflicts").queryAs(Node.class).isVisible()).isFalse();
        robot.clickOn("#sync-now");
        UiTests.waitFor(30, () -> state(robot).endsWith(" · 0 to push · 1 conflict"));
        assertThat(state(robot)).startsWith("Synced ");
        assertThat(notifications.all()).anySatisfy(n -> assertThat(n.message())
                .startsWith("Synced: pushed 1 revisions, applied 1 from others; 1 conflict(s) to resolve"));
        // the window reloads its library when others' work arrived
        assertThat(pulls.get()).isEqualTo(1);

        assertThat(robot.lookup("#sync-conflicts").queryButton().getText()).isEqualTo("Conflicts (1)");
        robot.clickOn("#sync-conflicts");
        UiTests.waitFor(30, () -> conflictsStage() != null);
        Stage conflicts = conflictsStage();
        List<String> texts = onFx(() -> conflicts.getScene().getRoot().lookupAll(".text-area").stream()
                .map(n -> ((javafx.scene.control.TextArea) n).getText()).toList());
        assertThat(texts).containsExactlyInAnyOrder("The coat is blue, not red.", "The coat is green.");
        String annasVersion = b.history(CLIP, "subject").stream().filter(r -> r.author().equals("anna"))
                .findFirst().orElseThrow().uuid().toString();
        assertThat(onFx(() -> conflicts.getScene().getRoot().lookup("#keep-" + annasVersion))).isNotNull();
        robot.clickOn(onFx(() -> conflicts.getScene().getRoot().lookup("#keep-" + annasVersion)));
        UiTests.waitFor(30, () -> Conflicts.all(b).isEmpty());
        UiTests.waitFor(30, () -> state(robot).endsWith(" · 1 to push"));
        assertThat(robot.lookup("#sync-conflicts").queryAs(Node.class).isVisible()).isFalse();
        assertThat(b.current(CLIP, "subject", RevisionKind.CRITIQUE).orElseThrow().author()).isEqualTo("bob");
        assertThat(b.current(CLIP, "subject", RevisionKind.CRITIQUE).orElseThrow().payload())
                .contains("The coat is blue, not red.");
    }

    @Test
    void theTeamViewComputesInATaskAndFillsItsTables(FxRobot robot) {
        robot.clickOn("#team-refresh");
        UiTests.waitFor(30, () -> team.viewModel().statsProperty().get().revisions() == 1);
        // one critique with no pre-caption or submission: nothing to count yet, and the view says so
        UiTests.waitFor(30, () -> robot.lookup("#team-summary").queryAs(Label.class).getText().startsWith("0 people · 0 items"));
        assertThat(robot.lookup("#team-annotators").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(onFx(() -> tasks.tasks().stream().map(t -> t.getTitle()).toList()))
                .contains("Team and quality figures");
    }
}
