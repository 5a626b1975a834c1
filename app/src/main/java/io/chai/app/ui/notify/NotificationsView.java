// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.notify;

import io.chai.app.ui.notify.NotificationCenter.Notification;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Toasts in the corner of the window, newest at the bottom: info and warnings fade after a few seconds,
 * errors stay until dismissed; details (e.g. a stack trace) expand in place. Never modal.
 */
public final class NotificationsView extends VBox {
    public static final int MAX_VISIBLE = 4;
    private final NotificationCenter center;
    private final Set<Long> hidden = new HashSet<>();

    public NotificationsView(NotificationCenter center) {
        this.center = center;
        setId("notifications");
        getStyleClass().add("notifications");
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        center.all().addListener((ListChangeListener<Notification>) c -> {
            while (c.next()) {
                for (Notification n : c.getAddedSubList()) {
                    if (n.level() != NotificationCenter.Level.ERROR) {
                        PauseTransition p = new PauseTransition(Duration.seconds(6));
                        p.setOnFinished(e -> {
                            hidden.add(n.id());
                            rebuild();
                        });
                        p.play();
                    }
                }
            }
            rebuild();
        });
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        int shown = 0;
        for (Notification n : center.all()) {
            if (hidden.contains(n.id())) {
                continue;
            }
            if (shown++ >= MAX_VISIBLE) {
                break;
            }
            getChildren().add(0, toast(n));
        }
    }

    private VBox toast(Notification n) {
        Label msg = new Label(n.message());
        msg.setWrapText(true);
        msg.setMaxWidth(420);
        Button close = new Button("✕");
        close.setAccessibleText("Dismiss notification");
        close.setOnAction(e -> {
            hidden.add(n.id());
            rebuild();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, msg, spacer, close);
        VBox box = new VBox(top);
        box.getStyleClass().addAll("toast", n.level().name().toLowerCase(Locale.ROOT));
        box.setAccessibleText(n.level() + ": " + n.message());
        if (!n.details().isBlank()) {
            TextArea details = new TextArea(n.details());
            details.setEditable(false);
            details.setPrefRowCount(8);
            TitledPane tp = new TitledPane("Details", details);
            tp.setExpanded(false);
            box.getChildren().add(tp);
        }
        return box;
    }
}
