// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import io.chai.inference.client.RouteTaken;
import io.chai.model.domain.Provenance;
import java.util.Objects;

/**
 * A model-written text (pre-caption, polished critique, revision, critique) with the provenance to store with it
 * and how the request went out.
 */
public record RoleOutput(String text, Provenance provenance, RouteTaken route) {
    public RoleOutput {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(route, "route");
    }
}
