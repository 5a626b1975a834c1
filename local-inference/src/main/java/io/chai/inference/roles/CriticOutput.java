// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

/**
 * The critic's verdict: a critique, or the specification's sentinel sentence when the caption needs no edit
 * ({@link #noEditsNeeded()}; {@code output.text()} is then exactly the sentinel).
 */
public record CriticOutput(RoleOutput output, boolean noEditsNeeded) {
}
