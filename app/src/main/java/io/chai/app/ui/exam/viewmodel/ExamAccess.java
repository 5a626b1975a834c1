// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.model.domain.Role;
import io.chai.model.exam.ExamDefinition;
import java.util.Map;
import java.util.Set;

/**
 * Who leads an exam project and who takes it. The <em>lead</em> sees the Trainees tab (every trainee's scores) and
 * the Review tab; a <em>trainee</em> sees neither (reviewing is not part of an exam, and both would show other
 * trainees' work). The lead is the exam's expert, or anyone the project's recorded roles make an admin. A project
 * that records no roles gives every user every role elsewhere in the workstation; here that would make every
 * trainee a lead, so then only the expert leads.
 */
public final class ExamAccess {
    private ExamAccess() {
    }

    /**
     * @param recorded the roles the project records (user id → roles; empty when it records none)
     * @return whether {@code user} leads {@code exam}
     */
    public static boolean lead(ExamDefinition exam, Map<String, ? extends Set<Role>> recorded, String user) {
        if (user == null) {
            return false;
        }
        if (exam.expert().value().equals(user)) {
            return true;
        }
        Set<Role> roles = recorded.get(user);
        return roles != null && roles.contains(Role.ADMIN);
    }
}
