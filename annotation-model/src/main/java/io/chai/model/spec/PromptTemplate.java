// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A prompt template with {@code {{name}}} variables and {@code {{#name}}...{{/name}}} sections; {@code system} may
 * be empty. {@link #render} fails with an IllegalArgumentException when a used variable is missing from the map
 * (pass "" or null to leave a section out). Collections render one item per line.
 */
public record PromptTemplate(String id, String description, List<String> variables,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String system, String user) {

    /** The templates every specification must define. */
    public static final List<String> REQUIRED = List.of("precaption", "critique_polish", "revision",
            "critique_generation", "reward_yes_no");

    public PromptTemplate {
        variables = List.copyOf(variables);
        system = system == null ? "" : system;
    }

    /** A rendered system + user prompt. */
    public record Rendered(String system, String user) {
    }

    public Rendered render(Map<String, ?> values) {
        return new Rendered(TemplateText.parse(system).render(id, values), TemplateText.parse(user).render(id, values));
    }

    /** Whether a system part is present. */
    @JsonIgnore
    public boolean hasSystem() {
        return !system.isEmpty();
    }
}
