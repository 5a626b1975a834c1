// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist.viewmodel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chai.common.UserFacingException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workstation's autosave file for one clip's checklist answers: JSON
 * {@code {"specification": "chai-spec 1.0.0", "clip": "...", "answers": {field: value}}}, written atomically
 * (temp file + rename) so a crash never leaves a half-written file.
 */
public final class AnswerFile {
    /** This file as the answer store of one clip under one specification. */
    public AnswerStore store(String specification, String clip) {
        AnswerFile self = this;
        return new AnswerStore() {
            @Override
            public Map<String, Object> load() {
                return self.load();
            }

            @Override
            public void save(Map<String, Object> answers) {
                self.save(specification, clip, answers);
            }

            @Override
            public String describe() {
                return file.getFileName().toString();
            }
        };
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;

    public AnswerFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Writes the answers; throws {@link UserFacingException} naming the file when it cannot be written. */
    public void save(String specification, String clip, Map<String, Object> answers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("specification", specification);
        doc.put("clip", clip);
        doc.put("answers", new TreeMap<>(answers));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            JSON.writeValue(tmp.toFile(), doc);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot save answers to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The saved answers, or an empty map when the file does not exist. A file that is not valid JSON is moved
     * aside to {@code NAME.unreadable-<time>} (nothing is lost) and reported as a {@link UserFacingException}.
     */
    public Map<String, Object> load() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Map<String, Object> doc = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
            Object answers = doc.get("answers");
            if (!(answers instanceof Map<?, ?> m)) {
                throw new IOException("no \"answers\" object");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), v));
            return out;
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + Instant.now().getEpochSecond());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                aside = file;
            }
            throw new UserFacingException("saved answers " + file + " are unreadable (" + firstLine(e.getMessage())
                    + "); kept as " + aside.getFileName() + ", starting empty", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
