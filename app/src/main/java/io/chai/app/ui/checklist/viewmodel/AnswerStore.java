// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import java.util.Map;

/**
 * Where one clip's checklist answers are kept: the project store (a {@code primitive_labels} revision per save)
 * or, for the demo, a JSON file. Answers use the checklist's stored form (value id, Boolean or {@code unknown},
 * Set of value ids, text). Failures are {@link io.chai.common.UserFacingException}s with one-line messages.
 */
public interface AnswerStore extends AutoCloseable {
    /** The saved answers, empty when there are none yet. */
    Map<String, Object> load();

    /** Saves a full snapshot of the answers. */
    void save(Map<String, Object> answers);

    /** Where the answers go, for the status bar (e.g. a file name or "project store"). */
    String describe();

    @Override
    default void close() {
    }
}
