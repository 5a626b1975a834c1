// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions;

import io.chai.app.ui.captions.viewmodel.ReviewViewModel;
import io.chai.app.ui.captions.viewmodel.TeamRoles;
import io.chai.model.domain.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The project's team: who holds which role (annotator, reviewer, admin). Anyone may record the first roles; once
 * the project records roles, only admins change them (the view model refuses others with one line), and the team
 * always keeps an admin. Non-modal; changes are written at once.
 */
public final class TeamDialog extends Dialog<Void> {
    private final ReviewViewModel vm;
    private final ListView<String> members = new ListView<>();
    private final TextField name = new TextField();
    private final Map<Role, CheckBox> boxes = new java.util.EnumMap<>(Role.class);

    public TeamDialog(ReviewViewModel vm) {
        this.vm = vm;
        setTitle("Team");
        setHeaderText("Roles in this project (enforced once any are recorded)");
        members.setId("team-members");
        members.setPrefHeight(140);
        members.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                String id = b.substring(0, b.indexOf(" — "));
                name.setText(id);
                SortedSet<Role> roles = vm.works().team().recorded().getOrDefault(id, new java.util.TreeSet<>());
                boxes.forEach((r, cb) -> cb.setSelected(roles.contains(r)));
            }
        });
        name.setId("team-user");
        name.setPromptText("user name");
        HBox checks = new HBox(8);
        for (Role r : Role.values()) {
            CheckBox cb = new CheckBox(r.name().toLowerCase(Locale.ROOT));
            cb.setId("team-role-" + r.name().toLowerCase(Locale.ROOT));
            boxes.put(r, cb);
            checks.getChildren().add(cb);
        }
        javafx.scene.control.Button save = new javafx.scene.control.Button("Save roles");
        save.setId("team-save");
        save.setOnAction(e -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            boxes.forEach((r, cb) -> {
                if (cb.isSelected()) {
                    roles.add(r);
                }
            });
            if (vm.setRoles(name.getText(), roles)) {
                showMembers();
            }
        });
        Label hint = new Label("No role ticked removes the user. " + "As " + vm.userProperty().get().id().value()
                + " (" + TeamRoles.describe(vm.userProperty().get()) + ").");
        hint.getStyleClass().add("chai-muted");
        hint.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add("caption-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label status = new Label();
        status.getStyleClass().add("chai-muted");
        status.textProperty().bind(vm.statusProperty());
        VBox box = new VBox(6, members, name, checks, save, hint, error, status);
        box.setPadding(new Insets(8));
        box.setPrefWidth(460);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        showMembers();
    }

    private void showMembers() {
        members.getItems().clear();
        vm.works().team().recorded().forEach((id, roles) -> members.getItems().add(id + " — " + roles.stream()
                .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "))));
        if (members.getItems().isEmpty()) {
            members.setPlaceholder(new Label("No roles recorded: everyone may do everything."));
        }
    }
}
