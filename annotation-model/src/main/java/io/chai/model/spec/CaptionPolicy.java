// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.List;
import java.util.Map;

/** Caption-writing rules: {@code common} to every aspect plus one {@link AspectPolicy} per aspect id. */
public record CaptionPolicy(List<String> common, Map<String, AspectPolicy> aspects) {
    public CaptionPolicy {
        common = List.copyOf(common);
        aspects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aspects));
    }

    public AspectPolicy forAspect(String aspectId) {
        AspectPolicy p = aspects.get(aspectId);
        if (p == null) {
            throw new IllegalArgumentException("no caption policy for aspect " + aspectId);
        }
        return p;
    }
}
