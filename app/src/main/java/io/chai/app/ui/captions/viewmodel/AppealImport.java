// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Appeal;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the appeals an earlier workstation kept beside the database ({@code appeals.jsonl}: one
 * {@code {"clip_id", "aspect", "appeal"}} object per line, the newest line of a (clip, aspect) being its appeal)
 * into the project store as {@code appeal} revisions, once: every line becomes a revision in file order (an open
 * appeal authored by its annotator, a ruled one by the ruling admin), lines already in the store are not added
 * again, all in one transaction; then the file is renamed {@code appeals.jsonl.imported} (kept, never deleted).
 * An unreadable line, or one naming a clip the project lacks, stops the import with one line and leaves the file
 * in place, so nothing is lost and the next opening tries again; {@link #tryRun} reports that as a failed
 * {@link Result} instead of throwing, so the project still opens.
 */
public final class AppealImport {
    public static final String FILE = "appeals.jsonl";
    public static final String DONE = "appeals.jsonl.imported";

    /** One line of the old file. */
    record Entry(@JsonProperty("clip_id") ClipId clip, @JsonProperty("aspect") Aspect aspect,
            @JsonProperty("appeal") Appeal appeal) {
    }

    /**
     * What an import did.
     *
     * @param imported  revisions added
     * @param already   lines that were already in the store
     * @param keptAs    where the old file now is
     */
    public record Result(int imported, int already, Path keptAs, Optional<String> problem) {
        /** A failed import: nothing was imported and the file stays in place. */
        static Result failed(String problem) {
            return new Result(0, 0, null, Optional.of(problem));
        }

        /** One line for the status bar. */
        public String summary() {
            if (problem.isPresent()) {
                return "Old appeals not imported: " + problem.get();
            }
            return "Imported " + imported + " appeal revision" + (imported == 1 ? "" : "s") + " from " + FILE
                    + " into the project store" + (already > 0 ? " (" + already + " already there)" : "")
                    + "; the old file is kept as " + keptAs.getFileName() + ".";
        }
    }

    private AppealImport() {
    }

    /** As {@link #run}, but a failure is a {@link Result} with its one-line problem (the project still opens). */
    public static Optional<Result> tryRun(ProjectStore store) {
        try {
            return run(store);
        } catch (UserFacingException e) {
            return Optional.of(Result.failed(e.getMessage()));
        }
    }

    /** Imports {@code appeals.jsonl} of {@code store}'s folder if there is one; empty when there is none. */
    public static Optional<Result> run(ProjectStore store) {
        Path file = store.directory().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonMapper json = ChaiJson.newMapper();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("cannot read the old appeals in " + file + ": " + e.getMessage(), e);
        }
        List<RevisionDraft> drafts = new ArrayList<>();
        int already = 0;
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Entry e = ChaiJson.read(json, line, Entry.class, file.getFileName() + " line " + n);
            String clip = e.clip().hex();
            if (store.clip(clip).isEmpty()) {
                throw new UserFacingException(file.getFileName() + " line " + n + " names clip " + clip.substring(0, 12)
                        + ", which is not in this project; the appeals were not imported (the file is unchanged).");
            }
            String key = clip + '/' + e.aspect().key() + '/' + e.appeal();
            if (!seen.add(key)) {
                continue;
            }
            if (inStore(store, json, e)) {
                already++;
                continue;
            }
            String author = e.appeal().ruling().map(r -> r.admin().value()).orElse(e.appeal().author().value());
            drafts.add(RevisionDraft.ofRecord(e.clip(), e.aspect(), RevisionKind.APPEAL, author, e.appeal()));
        }
        if (!drafts.isEmpty()) {
            store.appendAll(drafts);
        }
        Path target = store.directory().resolve(DONE);
        for (int i = 2; Files.exists(target); i++) {
            target = store.directory().resolve(DONE + "-" + i);
        }
        try {
            Files.move(file, target);
        } catch (IOException e) {
            throw new UserFacingException("imported the old appeals into the store but cannot rename " + file + " to "
                    + target.getFileName() + ": " + e.getMessage(), e);
        }
        return Optional.of(new Result(drafts.size(), already, target, Optional.empty()));
    }

    private static boolean inStore(ProjectStore store, JsonMapper json, Entry e) {
        for (Revision r : store.history(e.clip().hex(), e.aspect().key())) {
            if (r.kind() == RevisionKind.APPEAL && !r.payload().equals("null")
                    && ChaiJson.read(json, r.payload(), Appeal.class, "appeal revision").equals(e.appeal())) {
                return true;
            }
        }
        return false;
    }
}
