// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One finding anchored to a span of the pre-caption (specification §4.8, the authors' {@code segments[]}).
 * Offsets are Java {@code String} indices (UTF-16 code units) into the pre-caption text, end exclusive.
 *
 * @param start   first character of the span ({@code startIndex})
 * @param end     one past the last character ({@code endIndex}), greater than {@code start}
 * @param text    the quoted span, exactly {@code end - start} characters ({@code text})
 * @param context surrounding text, for re-anchoring after edits ({@code context}); may be empty
 * @param type    the kind of error
 * @param note    the correction or remark; may be empty
 */
public record CritiqueItem(
        @JsonProperty("start_index") int start,
        @JsonProperty("end_index") int end,
        @JsonProperty("text") String text,
        @JsonProperty("context") String context,
        @JsonProperty("type") ErrorType type,
        @JsonProperty("note") String note) {

    /** What is wrong with the span. */
    public enum ErrorType {
        /** States something that is not in the video. */
        @JsonProperty("hallucination") HALLUCINATION,
        /** Leaves out something important (anchored where it belongs). */
        @JsonProperty("omission") OMISSION,
        /** Right idea, wrong detail (left/right, size, count, angle…). */
        @JsonProperty("imprecision") IMPRECISION,
        /** Wording or style only: no visual correction. */
        @JsonProperty("writing") WRITING
    }

    public CritiqueItem {
        if (start < 0) {
            throw new InvalidValueException("Critique span start must not be negative, got " + start + ".");
        }
        if (end <= start) {
            throw new InvalidValueException("Critique span end (" + end + ") must be after its start (" + start
                    + ").");
        }
        Checks.required(text, "critique span text");
        if (text.length() != end - start) {
            throw new InvalidValueException("Critique span " + start + "–" + end + " covers " + (end - start)
                    + " characters but quotes " + text.length() + ".");
        }
        context = context == null ? "" : context;
        Checks.required(type, "critique error type");
        note = note == null ? "" : note;
    }

    /** A finding for {@code caption[start, end)}, quoting it, with no context. */
    public static CritiqueItem of(String caption, int start, int end, ErrorType type, String note) {
        if (start < 0 || end > caption.length() || end <= start) {
            throw new InvalidValueException("Critique span " + start + "–" + end + " lies outside the caption ("
                    + caption.length() + " characters).");
        }
        return new CritiqueItem(start, end, caption.substring(start, end), "", type, note);
    }

    /** Fails unless the span lies inside {@code caption} and quotes it exactly. */
    public void checkAnchoredIn(String caption) {
        if (end > caption.length()) {
            throw new InvalidValueException("Critique span " + start + "–" + end + " lies outside the pre-caption ("
                    + caption.length() + " characters).");
        }
        if (!caption.substring(start, end).equals(text)) {
            throw new InvalidValueException("Critique span " + start + "–" + end + " quotes '" + text
                    + "' but the pre-caption there reads '" + caption.substring(start, end) + "'.");
        }
    }
}
