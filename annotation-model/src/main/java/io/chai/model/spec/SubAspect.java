// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.List;

/** A sub-aspect: the caption keys it covers and the primitive groups that inform it. */
public record SubAspect(String id, String name, List<String> captionKeys, List<String> primitiveGroups) {
    public SubAspect {
        captionKeys = List.copyOf(captionKeys);
        primitiveGroups = List.copyOf(primitiveGroups);
    }
}
