// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The caption policy of one aspect at three levels: short, summary, detailed rules; plus example captions. */
public record AspectPolicy(@JsonProperty("short") String shortPolicy, String summary, List<String> rules,
        List<String> examples) {
    public AspectPolicy {
        rules = List.copyOf(rules);
        examples = List.copyOf(examples);
    }
}
