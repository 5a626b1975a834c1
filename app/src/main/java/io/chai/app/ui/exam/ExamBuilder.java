// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.common.UserFacingException;
import io.chai.model.domain.UserId;
import io.chai.model.exam.ExamDefinition;
import io.chai.model.exam.ExamFile;
import io.chai.model.exam.ExamItem;
import io.chai.model.exam.ExamReferences;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.ImportListener;
import io.chai.model.store.ImportReport;
import io.chai.model.store.MediaImporter;
import io.chai.model.store.MediaProber;
import io.chai.model.store.ProjectInfo;
import io.chai.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Makes an exam project from an expert's work in another project ({@code chai exam create}): a new project folder
 * with copies of the chosen clips (imported and indexed like {@code chai import}), the pre-captions the expert
 * critiqued as the trainee's starting drafts, and {@code exam.json} holding the references (written last: a
 * folder that failed half-way is never an exam, and is removed).
 */
public final class ExamBuilder {
    /** What was made. */
    public record Result(Path folder, ExamDefinition exam, int labelled, int captions, List<String> skipped) {
    }

    private ExamBuilder() {
    }

    /**
     * @param from      the source project folder (or a folder inside it)
     * @param expert    whose labels and approved captions become the references
     * @param out       the new exam folder: must not exist, or be empty
     * @param clipRefs  clips to take (id, prefix, external id or path); empty = every clip with a reference
     * @param tag       only clips with this tag (null = any)
     * @param name      the exam's name (null: "Exam: " + source name)
     * @param proberFor the media prober for the new project folder (indexes each clip into its cache)
     */
    public static Result create(Path from, String expert, Path out, List<String> clipRefs, String tag, String name,
            Function<Path, MediaProber> proberFor, Clock clock) {
        UserId expertId;
        try {
            expertId = UserId.of(expert);
        } catch (RuntimeException e) {
            throw new UserFacingException("--expert: " + e.getMessage(), e);
        }
        Path root = ProjectStore.locate(from.toAbsolutePath()).orElseThrow(() -> new UserFacingException(
                "no CHAI project in " + from + " or above it"));
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new UserFacingException("exam folder " + out + " already exists and is not empty; choose a new one");
        }
        Specification spec = Specifications.bundled();
        Map<ClipRecord, ExamItem> chosen = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        String sourceName;
        try (ProjectStore src = ProjectStore.open(root)) {
            ProjectInfo info = src.info();
            if (!spec.id().equals(info.specId())) {
                throw new UserFacingException("project " + root + " uses specification " + info.specId()
                        + "; exams use the bundled " + spec.id());
            }
            sourceName = info.name();
            List<ClipRecord> clips = new ArrayList<>();
            if (clipRefs.isEmpty()) {
                clips.addAll(src.clips(null, null, null, tag, 0, Integer.MAX_VALUE));
            } else {
                for (String ref : clipRefs) {
                    ClipRecord c = src.clip(src.resolveClip(ref)).orElseThrow();
                    if (tag == null || c.tags().contains(tag)) {
                        clips.add(c);
                    }
                }
            }
            ExamReferences refs = new ExamReferences(src, spec.sentinel(), expertId);
            for (ClipRecord c : clips) {
                Optional<ExamItem> item = refs.collect(c);
                if (item.isEmpty()) {
                    skipped.add(c.path().getFileName() + ": no labels or approved captions by " + expert);
                    continue;
                }
                Path media = c.path().isAbsolute() ? c.path() : root.resolve(c.path());
                if (!Files.isRegularFile(media)) {
                    throw new UserFacingException("the media of clip " + c.clipId().substring(0, 12) + " is missing at "
                            + media + " (find it with 'chai relink')");
                }
                chosen.put(c, item.get());
            }
        }
        if (chosen.isEmpty()) {
            throw new UserFacingException("no clip of " + root + " has labels or approved captions by " + expert
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " looked at)") + "; nothing to examine");
        }
        boolean created = !Files.exists(out);
        try {
            Path mediaDir = Files.createDirectories(out.resolve("media"));
            List<Path> files = new ArrayList<>();
            for (ClipRecord c : chosen.keySet()) {
                Path src = c.path().isAbsolute() ? c.path() : root.resolve(c.path());
                Path copy = mediaDir.resolve(String.format("%03d-%s", c.clipNo(), src.getFileName()));
                Files.copy(src, copy, StandardCopyOption.COPY_ATTRIBUTES);
                files.add(copy);
            }
            List<ExamItem> items = new ArrayList<>(chosen.values());
            ExamDefinition exam = ExamDefinition.of(name != null ? name : "Exam: " + sourceName, expertId,
                    sourceName, clock.instant(), items);
            try (ProjectStore store = ProjectStore.create(out, exam.name(), spec.id(), spec.version().toString())) {
                ImportReport report = new MediaImporter(store, proberFor.apply(out), 1).importPaths(files,
                        MediaImporter.DEFAULT_EXTENSIONS, expert, ImportListener.NONE, new AtomicBoolean());
                if (!report.problems().isEmpty()) {
                    throw new UserFacingException("cannot import the exam clips: " + report.problems().get(0));
                }
                ExamReferences.seedPreCaptions(store, exam);
            }
            ExamFile.write(out, exam);
            int labelled = (int) items.stream().filter(i -> i.labels().isPresent()).count();
            int captions = items.stream().mapToInt(i -> i.captions().size()).sum();
            return new Result(out, exam, labelled, captions, skipped);
        } catch (IOException e) {
            cleanUp(out, created);
            throw new UserFacingException("cannot create the exam in " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cleanUp(out, created);
            throw e;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes what this run made in {@code out} (the folder too when it created it). */
    static void cleanUp(Path out, boolean removeFolder) {
        try {
            if (removeFolder) {
                io.chai.app.Folders.deleteTree(out);
            } else {
                io.chai.app.Folders.deleteContents(out);
            }
        } catch (IOException e) {
            System.err.println("chai: could not remove the unfinished exam folder " + out + ": " + e.getMessage());
        }
    }
}
