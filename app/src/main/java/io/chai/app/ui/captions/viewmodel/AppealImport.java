// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Appeal;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.json.ChaiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Appeals of rejections, kept beside the project database in {@code appeals.jsonl} (one JSON object per line,
 * appended and forced to disk, never rewritten), because the project store has no revision kind for appeals yet.
 * The newest line for a (clip, aspect) is its appeal.
 */
public final class AppealLog {
    public static final String FILE = "appeals.jsonl";

    /** One line: the item and its appeal. */
    public record Entry(@JsonProperty("clip_id") ClipId clip, @JsonProperty("aspect") Aspect aspect,
            @JsonProperty("appeal") Appeal appeal) {
    }

    private final Path file;
    private final JsonMapper json = ChaiJson.newMapper();

    public AppealLog(Path projectDir) {
        this.file = projectDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** Appends an appeal (durably). */
    public synchronized void append(ClipId clip, Aspect aspect, Appeal appeal) {
        try {
            String line = json.writeValueAsString(new Entry(clip, aspect, appeal)).replace("\n", " ") + "\n";
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot record the appeal in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The newest appeal of (clip, aspect), if any. */
    public synchronized Optional<Appeal> latest(ClipId clip, Aspect aspect) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("cannot read appeals from " + file + ": " + e.getMessage(), e);
        }
        Optional<Appeal> out = Optional.empty();
        int n = 0;
        for (String l : lines) {
            n++;
            if (l.isBlank()) {
                continue;
            }
            Entry e = ChaiJson.read(json, l, Entry.class, file.getFileName() + " line " + n);
            if (e.clip().equals(clip) && e.aspect() == aspect) {
                out = Optional.of(e.appeal());
            }
        }
        return out;
    }
}
