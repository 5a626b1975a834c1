// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.domain.InvalidValueException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The export formats. Each writes {@code <stem>.jsonl} (or {@code <stem>.<split>.jsonl} with a split) and a
 * {@code manifest.json}; the record layout of each is documented in {@code docs/exports.md}. {@link #version()}
 * changes whenever a format's records change.
 */
public enum ExportFormat {
    /** Video + aspect instruction → post-caption (CHAI caption-generation task). */
    CAPTION("caption", "caption_generation", 1),
    /** Video + instruction + caption → critique, sentinel for a correct caption (CHAI critique-generation task). */
    CRITIQUE("critique", "critique_generation", 1),
    /** Video + caption + alignment question → Yes / No (CHAI reward task). */
    YES_NO("yes-no", "caption_yes_no", 1),
    /** The three tasks as LLaMA-Factory sharegpt messages with {@code videos}, plus {@code dataset_info.json}. */
    SFT_LLAMAFACTORY("sft-llamafactory", "sft_llamafactory", 1),
    /** The three tasks as ms-swift {@code messages} with {@code <video>} tags and {@code videos}. */
    SFT_SWIFT("sft-swift", "sft_swift", 1),
    /** The three tasks as TRL conversational {@code messages} with typed content parts and {@code videos}. */
    SFT_TRL("sft-trl", "sft_trl", 1),
    /** Preference pairs as TRL conversational prompt / chosen / rejected. */
    DPO_TRL("dpo-trl", "dpo_trl", 1),
    /** Preference pairs as LLaMA-Factory sharegpt ranking data, plus {@code dataset_info.json}. */
    DPO_LLAMAFACTORY("dpo-llamafactory", "dpo_llamafactory", 1),
    /** Preference pairs as ms-swift RLHF data: {@code messages} ending in the chosen answer, plus
     * {@code rejected_response} and {@code videos}. */
    DPO_SWIFT("dpo-swift", "dpo_swift", 1),
    /** Token-level diffs between pre- and post-caption for dense rewards. */
    DENSE_DIFF("dense-diff", "dense_diff", 1),
    /** Balanced yes/no VQA items per derived primitive label. */
    PRIMITIVE_VQA("primitive-vqa", "primitive_vqa", 1),
    /** Every field of every clip's work, reviews and negative examples, with provenance. */
    FULL("full", "full_records", 1),
    /** One model-written merged caption per fully reviewed clip, checked. */
    MERGED("merged", "merged_captions", 1),
    /** One model-written video-generation prompt (at most 400 words) per fully reviewed clip, checked. */
    GENERATION_PROMPT("generation-prompt", "generation_prompts", 1);

    private final String id;
    private final String stem;
    private final int version;

    ExportFormat(String id, String stem, int version) {
        this.id = id;
        this.stem = stem;
        this.version = version;
    }

    public String id() {
        return id;
    }

    public String stem() {
        return stem;
    }

    public int version() {
        return version;
    }

    /** Whether records are written by a model ({@code --model}): one model call per clip. */
    public boolean needsModel() {
        return this == MERGED || this == GENERATION_PROMPT;
    }

    public static ExportFormat fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("Unknown export format '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")) + "."));
    }
}
