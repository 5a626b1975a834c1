// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.List;

/** One structured caption key of an aspect, with its definition and writing rules. */
public record CaptionKey(String key, String definition, List<String> rules) {
    public CaptionKey {
        rules = List.copyOf(rules);
    }
}
