// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.common.UserFacingException;
import io.chai.model.json.ChaiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes an exam project's {@code exam.json} (the {@link ExamDefinition}). Writing goes through a
 * temporary file and an atomic rename, so a crash never leaves half a file.
 */
public final class ExamFile {
    public static final String FILE = "exam.json";

    private ExamFile() {
    }

    /** Whether the project folder {@code projectDir} is an exam. */
    public static boolean isExam(Path projectDir) {
        return Files.isRegularFile(projectDir.resolve(FILE));
    }

    /** The exam of {@code projectDir}, or empty when it is an ordinary project. */
    public static Optional<ExamDefinition> find(Path projectDir) {
        return isExam(projectDir) ? Optional.of(read(projectDir)) : Optional.empty();
    }

    /** Reads the exam of {@code projectDir}; a missing or malformed file is a one-line user error. */
    public static ExamDefinition read(Path projectDir) {
        Path file = projectDir.resolve(FILE);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException(projectDir + " is not an exam project (cannot read " + FILE + ": "
                    + e.getMessage() + "); make one with 'chai exam create'", e);
        }
        try {
            return mapper().readValue(json, ExamDefinition.class);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    || root instanceof UserFacingException ? root.getMessage() : e.getOriginalMessage();
            int nl = why == null ? -1 : why.indexOf('\n');
            throw new UserFacingException(file + " is unreadable: " + (nl >= 0 ? why.substring(0, nl) : why), e);
        }
    }

    /** Writes {@code exam} to {@code projectDir/exam.json} atomically. */
    public static void write(Path projectDir, ExamDefinition exam) {
        Path file = projectDir.resolve(FILE);
        Path tmp = projectDir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, mapper().writeValueAsString(exam) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonMapper mapper() {
        JsonMapper m = ChaiJson.newMapper();
        return m.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
