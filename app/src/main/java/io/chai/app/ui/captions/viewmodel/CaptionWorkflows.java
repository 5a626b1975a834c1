// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.model.domain.Aspect;
import io.chai.model.domain.Role;
import io.chai.model.domain.User;
import io.chai.model.spec.Specification;
import io.chai.model.workflow.Workflow;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Builds the workflow from a specification (sentinel, aspect dependencies) and the workstation's users. */
public final class CaptionWorkflows {
    private CaptionWorkflows() {
    }

    /** The workflow of {@code spec}: its sentinel and each aspect's {@code dependsOn}. */
    public static Workflow of(Specification spec) {
        Map<Aspect, Set<Aspect>> deps = new EnumMap<>(Aspect.class);
        for (io.chai.model.spec.Aspect a : spec.aspects()) {
            EnumSet<Aspect> d = EnumSet.noneOf(Aspect.class);
            for (String dep : a.dependsOn()) {
                d.add(Aspect.fromKey(dep));
            }
            deps.put(Aspect.fromKey(a.id()), d);
        }
        return new Workflow(spec.sentinel(), deps);
    }

    /**
     * The workstation user named {@code id} holding every role, as in a project that records no roles; the view
     * models replace it with the project's roles ({@link CaptionWorkStore#user(String)}). The workflow still
     * refuses reviewing (and ruling on) one's own submissions.
     */
    public static User user(String id) {
        return User.of(id, Role.ANNOTATOR, Role.REVIEWER, Role.ADMIN);
    }
}
