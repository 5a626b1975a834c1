// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chai.model.domain.PreCaption;
import io.chai.model.json.ChaiJson;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {
    @TempDir
    Path tmp;

    private ProjectStore project() {
        return ProjectStore.create(tmp.resolve("project"), "import test", "chai-spec", "1.0.0");
    }

    private static ImportReport run(ProjectStore store, MediaProber prober, Path... inputs) {
        return new MediaImporter(store, prober, 2).importPaths(List.of(inputs), MediaImporter.DEFAULT_EXTENSIONS,
                "importer", ImportListener.NONE, new AtomicBoolean());
    }

    @Test
    void importsAFolderOnceDeduplicatesAndReportsUnreadableFiles() throws Exception {
        Path media = tmp.resolve("media");
        Path a = Y4mProber.write(media.resolve("a.y4m"), 1, 3);
        Y4mProber.write(media.resolve("day2/b.Y4M"), 2, 5);
        Files.copy(a, media.resolve("day2/copy-of-a.y4m"));
        Files.writeString(media.resolve("corrupt.y4m"), "this is not video");
        Files.createFile(media.resolve("empty.mp4"));
        Files.writeString(media.resolve("notes.txt"), "ignored: not a video extension");
        Files.createSymbolicLink(media.resolve("gone.mov"), media.resolve("deleted-long-ago.mov"));
        Y4mProber prober = new Y4mProber();
        try (ProjectStore store = project()) {
            ImportReport r = run(store, prober, media);
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.duplicates()).isEqualTo(1);
            assertThat(r.cancelled()).isFalse();
            assertThat(r.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                    media.resolve("corrupt.y4m") + ": not readable media: not a YUV4MPEG2 stream",
                    media.resolve("empty.mp4") + ": not readable media: not a YUV4MPEG2 stream",
                    media.resolve("gone.mov") + ": file not found");
            assertThat(r.summary()).isEqualTo("imported 2 clips, 1 duplicate, 3 skipped");
            assertThat(store.clipCount()).isEqualTo(2);

            String idA = store.resolveClip(a.toString());
            assertThat(store.resolveClip(media.resolve("day2/copy-of-a.y4m").toString())).isEqualTo(idA);
            ClipRecord clipA = store.clip(idA).orElseThrow();
            assertThat(clipA.media()).isEqualTo(new MediaInfo(3 / 25.0, 25, 1, 16, 8, 3, "rawvideo"));
            assertThat(clipA.states().values()).containsOnly(WorkflowState.NOT_STARTED);
            int probes = prober.calls.get();

            // a second import of the same folder: cached hashes, nothing probed, nothing new
            ImportReport again = run(store, prober, media);
            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isEqualTo(3);
            assertThat(prober.calls.get()).isEqualTo(probes + 2); // only the two unreadable files again
            assertThat(store.clipCount()).isEqualTo(2);
        }
    }

    @Test
    void manifestsCarryMetadataAndCaptionsAndReportMalformedRows() throws Exception {
        Path media = tmp.resolve("media");
        Y4mProber.write(media.resolve("one.y4m"), 1, 2);
        Y4mProber.write(media.resolve("two.y4m"), 2, 2);
        Path csv = media.resolve("shots.csv");
        Files.writeString(csv, String.join("\n",
                "path,external_id,tags,assignee,caption_subject,caption,caption_source,colour",
                "one.y4m,vid-001,harbour;dusk,alice,\"A man in a grey coat, holding \"\"the\"\" rope.\",,OldSet v2,x",
                ",vid-002,,,,,,",
                "two.y4m,vid-003,,,,\"A whole caption\nover two lines.\",,",
                "missing.y4m,vid-004,,,,,,",
                "two.y4m,vid-003,,bob,,,,",
                "one.y4m,x,,,,,,,extra",
                "two.y4m,\"unterminated,,,,,,,") + "\n");
        Path jsonl = media.resolve("more.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"path\": \"two.y4m\", \"tags\": [\"night\"], \"captions\": {\"camera\": \"Static wide shot.\"},"
                        + " \"caption_source\": \"Dataset X\"}",
                "{\"path\": \"two.y4m\", \"captions\": {\"lighting\": \"Warm.\"}}",
                "{not json",
                "",
                "[1, 2]") + "\n");
        try (ProjectStore store = project()) {
            ImportReport r = run(store, new Y4mProber(), csv, jsonl);
            assertThat(r.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                    "shots.csv row 1: unknown column 'colour' ignored (known: path, external_id, tags, assignee,"
                            + " caption, caption_<aspect>, caption_source)",
                    "shots.csv row 3: missing path",
                    "shots.csv row 8: has 9 fields, the header has 8",
                    "shots.csv row 9: unterminated quoted field",
                    "more.jsonl row 2: unknown aspect 'lighting' in captions (known: subject, scene, motion,"
                            + " spatial, camera)",
                    "more.jsonl row 3: not valid JSON: Unexpected character ('n' (code 110)): was expecting"
                            + " double-quote to start field name",
                    "more.jsonl row 5: must be a JSON object",
                    "shots.csv row 6 (" + media.resolve("missing.y4m") + "): file not found");
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.duplicates()).isEqualTo(2);
            assertThat(r.preCaptions()).isEqualTo(3);

            String one = store.resolveClip("vid-001");
            ClipRecord c1 = store.clip(one).orElseThrow();
            assertThat(c1.tags()).containsExactly("dusk", "harbour");
            assertThat(c1.assignees()).containsOnlyKeys(ProjectStore.ASPECTS).containsValue("alice");
            assertThat(c1.states().get("subject")).isEqualTo(WorkflowState.PRECAPTIONED);
            PreCaption pre = ChaiJson.read(ChaiJson.newMapper(),
                    store.current(one, "subject", RevisionKind.PRE_CAPTION).orElseThrow().payload(), PreCaption.class,
                    "payload");
            assertThat(pre.text()).isEqualTo("A man in a grey coat, holding \"the\" rope.");
            assertThat(pre.source()).isEqualTo(PreCaption.Source.IMPORTED);
            assertThat(pre.sourceName()).isEqualTo("OldSet v2");

            String two = store.resolveClip(media.resolve("two.y4m").toString());
            assertThat(store.resolveClip("vid-003")).isEqualTo(two);
            assertThat(store.clip(two).orElseThrow().tags()).containsExactly("night");
            assertThat(store.clip(two).orElseThrow().assignees()).containsValue("bob");
            JsonNode camera = Json.parse(store.current(two, "camera", RevisionKind.PRE_CAPTION).orElseThrow()
                    .payload());
            assertThat(camera.get("source_name").asText()).isEqualTo("Dataset X");
            JsonNode whole = Json.parse(store.current(two, "", RevisionKind.PRE_CAPTION).orElseThrow().payload());
            assertThat(whole.get("pre_caption").asText()).isEqualTo("A whole caption\nover two lines.");
            assertThat(whole.get("source_name").asText()).isEqualTo("shots.csv");
            assertThat(store.search("rope", 5)).extracting(SearchHit::clipId).containsExactly(one);

            // importing the same manifest again adds no revision: values are unchanged
            long revisions = store.revisionCount();
            run(store, new Y4mProber(), csv, jsonl);
            assertThat(store.revisionCount()).isEqualTo(revisions);
        }
    }

    @Test
    void relinkFindsMovedMediaByContent() throws Exception {
        Path media = tmp.resolve("shoot/media");
        for (int i = 0; i < 4; i++) {
            Y4mProber.write(media.resolve("cam" + (i % 2) + "/c" + i + ".y4m"), i, 2 + i);
        }
        Path project = tmp.resolve("project");
        try (ProjectStore store = project()) {
            assertThat(run(store, new Y4mProber(), media).imported()).isEqualTo(4);
        }
        Path moved = tmp.resolve("archive/2026/media");
        Files.createDirectories(moved.getParent());
        Files.move(media, moved);
        Files.writeString(moved.resolve("unrelated.bin"), "x".repeat(300)); // size of no clip: never hashed
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.clips(null, null, null, null, 0, 10)).allSatisfy(c -> assertThat(c.path()).doesNotExist());
            RelinkReport r = new Relinker(store, 2).relink(moved.getParent());
            assertThat(r.missingBefore()).isEqualTo(4);
            assertThat(r.relinked()).hasSize(4);
            assertThat(r.stillMissing()).isZero();
            assertThat(store.clips(null, null, null, null, 0, 10)).allSatisfy(c -> {
                assertThat(c.path()).exists().startsWith(moved);
                assertThat(c.path().getFileName().toString()).endsWith(".y4m");
            });
            assertThat(new Relinker(store, 2).relink(moved).relinked()).isEmpty();
            assertThatThrownBy(() -> new Relinker(store, 1).relink(tmp.resolve("nope")))
                    .hasMessageContaining("not a folder");
        }
    }

    @Test
    void aCancelledImportSaysWhatItImportedAndResumes() throws Exception {
        Path media = tmp.resolve("media");
        for (int i = 0; i < 30; i++) {
            Y4mProber.write(media.resolve("c" + i + ".y4m"), i, 2);
        }
        AtomicBoolean cancel = new AtomicBoolean();
        Y4mProber inner = new Y4mProber();
        MediaProber cancelling = file -> {
            if (inner.calls.get() >= 5) {
                cancel.set(true);
            }
            return inner.probe(file);
        };
        try (ProjectStore store = project()) {
            MediaImporter importer = new MediaImporter(store, cancelling, 1);
            ImportReport first = importer.importPaths(List.of(media), Set.of("y4m"), "me", ImportListener.NONE, cancel);
            assertThat(first.cancelled()).isTrue();
            assertThat(first.imported()).isBetween(5, 29);
            assertThat(first.pending()).isEqualTo(30 - first.imported());
            assertThat(first.summary()).contains("resume with 'chai import --resume'");
            assertThat(store.clipCount()).isEqualTo(first.imported());
            assertThat(importer.unfinishedRun()).isPresent();

            cancel.set(false);
            int[] lastProgress = new int[2];
            ImportReport rest = new MediaImporter(store, inner, 2).resume((done, total, imp, dup, skip) -> {
                lastProgress[0] = done;
                lastProgress[1] = total;
            }, cancel);
            assertThat(rest.cancelled()).isFalse();
            assertThat(rest.imported()).isEqualTo(30);
            assertThat(lastProgress).containsExactly(30, 30);
            assertThat(store.clipCount()).isEqualTo(30);
            assertThat(importer.unfinishedRun()).isEmpty();
            assertThatThrownBy(() -> importer.resume(ImportListener.NONE, cancel))
                    .hasMessageContaining("no interrupted import");
        }
    }
}
