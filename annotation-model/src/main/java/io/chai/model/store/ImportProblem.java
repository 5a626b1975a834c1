// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/**
 * Something an import skipped: {@code where} is a file path or a manifest row ({@code shots.csv row 7}),
 * {@code reason} says why in one line.
 */
public record ImportProblem(String where, String reason) {
    @Override
    public String toString() {
        return where + ": " + reason;
    }
}
