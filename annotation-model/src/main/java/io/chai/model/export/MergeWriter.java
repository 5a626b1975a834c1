// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.spec.PromptTemplate;

/**
 * Writes a merged caption from the rendered {@code merge} prompt (specification §4.10). Implemented outside this
 * module by the local-inference wiring, so that annotation-model does not depend on a model client.
 */
public interface MergeWriter {
    /** The model's answer. */
    record Answer(String text, String model, int inputTokens, int outputTokens) {
    }

    /**
     * Asks the model; failures surface as a {@code UserFacingException} with one line.
     *
     * @param prompt the rendered {@code merge} template
     */
    Answer write(PromptTemplate.Rendered prompt);
}
