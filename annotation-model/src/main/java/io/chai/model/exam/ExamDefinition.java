// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What makes a project an exam: the expert whose answers are the references, where they came from, and the
 * reference of every exam clip. Kept in {@code exam.json} beside the project database ({@link ExamFile}), never
 * in the revision log, so no view that shows a clip's current values can show a reference.
 *
 * @param format        always {@code chai-exam}
 * @param version       the file format version, {@value #VERSION}
 * @param examId        identifies the exam across trainees' copies of the folder
 * @param expert        whose answers are the references (never scored as a trainee)
 * @param sourceProject name of the project the references were taken from
 */
public record ExamDefinition(
        @JsonProperty("format") String format,
        @JsonProperty("version") int version,
        @JsonProperty("exam_id") UUID examId,
        @JsonProperty("name") String name,
        @JsonProperty("expert") UserId expert,
        @JsonProperty("source_project") String sourceProject,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("items") List<ExamItem> items) {
    public static final String FORMAT = "chai-exam";
    public static final int VERSION = 1;

    public ExamDefinition {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a CHAI exam (format is '" + format + "', expected '" + FORMAT
                    + "')");
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("exam format version " + version + " (this CHAI reads version "
                    + VERSION + ")");
        }
        Objects.requireNonNull(examId, "exam_id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expert, "expert");
        sourceProject = sourceProject == null ? "" : sourceProject;
        Objects.requireNonNull(createdAt, "created_at");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an exam needs at least one item");
        }
        if (items.stream().map(ExamItem::clipId).distinct().count() != items.size()) {
            throw new IllegalArgumentException("an exam lists a clip twice");
        }
    }

    /** A new exam of {@code items}. */
    public static ExamDefinition of(String name, UserId expert, String sourceProject, Instant createdAt,
            List<ExamItem> items) {
        return new ExamDefinition(FORMAT, VERSION, UUID.randomUUID(), name, expert, sourceProject, createdAt, items);
    }

    /** The item of clip {@code clipId}, if it is part of the exam. */
    public Optional<ExamItem> item(String clipId) {
        return items.stream().filter(i -> i.clipId().equals(clipId)).findFirst();
    }
}
