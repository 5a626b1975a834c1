// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which derived labels an uncertainty rule targets (or excepts): every label ({@code all}), labels carrying one of
 * {@code tags}, or the labels named in {@code labels}. An empty selector selects nothing.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record LabelSelector(boolean all, List<String> tags, List<String> labels) {
    public static final LabelSelector NONE = new LabelSelector(false, List.of(), List.of());

    public LabelSelector {
        tags = List.copyOf(tags);
        labels = List.copyOf(labels);
    }

    public boolean selects(DerivedLabel label) {
        return all || labels.contains(label.id()) || label.tags().stream().anyMatch(tags::contains);
    }
}
