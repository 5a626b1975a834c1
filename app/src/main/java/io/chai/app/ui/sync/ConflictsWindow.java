// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.sync.viewmodel.SyncViewModel;
import io.chai.app.ui.tasks.TaskCenter;
import io.chai.model.store.Revision;
import io.chai.model.sync.Conflict;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The unresolved conflicts of the project: for each (clip, aspect, kind) every concurrent version (author, time,
 * value) with "Keep this version", which appends a merge revision naming all versions as parents (shared by the next
 * sync). Nothing is lost either way: every version stays in the log.
 */
public final class ConflictsWindow {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncViewModel vm;
    private final TaskCenter tasks;
    private final NotificationCenter notifications;
    private final Supplier<String> user;
    private final Runnable afterResolve;
    private final Stage stage = new Stage();
    private final VBox list = new VBox(10);

    ConflictsWindow(SyncViewModel vm, TaskCenter tasks, NotificationCenter notifications, Supplier<String> user,
            Window owner, Runnable afterResolve) {
        this.vm = vm;
        this.tasks = tasks;
        this.notifications = notifications;
        this.user = user;
        this.afterResolve = afterResolve;
        stage.setTitle("Sync conflicts — CHAI Workstation");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Label head = new Label("Concurrent edits of the same value. Keep one version: a merge revision records the"
                + " choice (all versions stay in the log) and the next sync shares it.");
        head.setWrapText(true);
        list.setId("conflict-list");
        list.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox root = new VBox(8, head, scroll);
        root.setPadding(new Insets(10));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Scene scene = new Scene(root, 760, 520);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        stage.setScene(scene);
        vm.conflicts().addListener((ListChangeListener<Conflict>) c -> fill());
        fill();
    }

    public Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    private void fill() {
        list.getChildren().clear();
        if (vm.conflicts().isEmpty()) {
            list.getChildren().add(new Label("No conflicts."));
            return;
        }
        for (Conflict c : vm.conflicts()) {
            Label what = new Label("Clip " + c.clipId().substring(0, 12) + " · " + (c.aspect().isEmpty() ? "clip"
                    : c.aspect()) + " · " + c.kind().id() + " · " + c.heads().size() + " versions by "
                    + String.join(", ", c.authors()));
            what.getStyleClass().add("group-name");
            VBox box = new VBox(4, what);
            for (Revision h : c.heads()) {
                TextArea value = new TextArea(readable(h.payload()));
                value.setTooltip(new javafx.scene.control.Tooltip(h.payload()));
                value.setEditable(false);
                value.setWrapText(true);
                value.setPrefRowCount(3);
                HBox.setHgrow(value, Priority.ALWAYS);
                Button keep = new Button("Keep this version");
                keep.setId("keep-" + h.uuid());
                keep.setAccessibleText("Keep the version by " + h.author());
                keep.setOnAction(e -> resolve(c, h));
                keep.setMinWidth(Region.USE_PREF_SIZE);
                Label who = new Label(h.author() + "\n" + TIME.format(Instant.ofEpochMilli(h.hlc().wallMillis())));
                who.setMinWidth(140);
                box.getChildren().add(new HBox(8, who, value, keep));
            }
            box.getStyleClass().add("group-card");
            list.getChildren().add(box);
        }
    }

    /**
     * A version for people: the text of a critique, caption or review, the answers of primitive labels
     * ("field = value"), a rating's score; other payloads as stored (JSON).
     */
    static String readable(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            for (String text : List.of("final_feedback", "final_caption", "pre_caption")) {
                if (n.path(text).isTextual()) {
                    return n.path(text).asText();
                }
            }
            if (n.path("values").isObject()) {
                List<String> parts = new ArrayList<>();
                n.path("values").fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    String shown = v.has("value") ? v.path("value").asText()
                            : v.has("start") ? v.path("start").asText() + " → " + v.path("end").asText()
                            : v.has("values") ? v.path("values").toString() : v.has("text") ? v.path("text").asText()
                            : v.toString();
                    parts.add(e.getKey() + " = " + shown);
                });
                return String.join("\n", parts);
            }
            if (n.has("decision")) {
                return n.path("decision").asText() + (n.path("decision_reason").isTextual()
                        ? ": " + n.path("decision_reason").asText() : "");
            }
            if (n.isInt()) {
                return "rating " + n.asInt();
            }
            return payload;
        } catch (java.io.IOException e) {
            return payload;
        }
    }

    private void resolve(Conflict c, Revision keep) {
        String who = user.get();
        if (who == null || who.isBlank()) {
            notifications.warning("Choose who you are first (File > Switch user…).");
            return;
        }
        Task<Revision> t = new Task<>() {
            @Override
            protected Revision call() {
                updateTitle("Resolve conflict on " + c.kind().id());
                return vm.resolve(c, keep, who);
            }
        };
        t.setOnSucceeded(e -> {
            notifications.info("Kept " + keep.author() + "'s version; the next sync shares the choice.");
            afterResolve.run();
        });
        tasks.submit(t);
    }
}
