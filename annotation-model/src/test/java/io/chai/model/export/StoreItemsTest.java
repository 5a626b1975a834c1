// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.Rating;
import io.chai.model.domain.Review;
import io.chai.model.json.ChaiJson;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.Fixtures;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items assembled from a real SQLite project store. */
class StoreItemsTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    void assemblesWorkFromCurrentValues(@TempDir Path dir) throws Exception {
        JsonMapper json = ChaiJson.newMapper();
        try (ProjectStore store = ProjectStore.create(dir, "t", "chai-spec", "1.0.0")) {
            MediaInfo media = new MediaInfo(2.5, 24000, 1001, 640, 360, 60, "h264");
            store.addClips(List.of(new NewClip(A, "media/a.mp4", 10, 0, null, media, List.of()),
                    new NewClip(B, "media/b.mp4", 10, 0, null, media, List.of())));
            String s = Aspect.SUBJECT.key();
            store.append(RevisionDraft.of(A, s, RevisionKind.PRE_CAPTION, "anna",
                    json.writeValueAsString(Fixtures.pre())));
            store.append(RevisionDraft.of(A, s, RevisionKind.RATING, "anna", json.writeValueAsString(Rating.of(3))));
            store.append(RevisionDraft.of(A, s, RevisionKind.CRITIQUE, "anna",
                    json.writeValueAsString(Critique.typed("The coat is blue, not red.", List.of()))));
            store.append(RevisionDraft.of(A, s, RevisionKind.POST_CAPTION, "anna", json.writeValueAsString(
                    PostCaption.revisedBy("A man in a blue coat walks left across a snowy street.",
                            Fixtures.reviser()))));
            store.append(RevisionDraft.of(A, s, RevisionKind.SUBMISSION, "anna", "{\"submitted\":true}"));
            Review approve = Fixtures.approved().review().orElseThrow();
            store.append(RevisionDraft.of(A, s, RevisionKind.REVIEW, "rex", json.writeValueAsString(approve)));
            store.append(RevisionDraft.of(B, Aspect.CAMERA.key(), RevisionKind.PRE_CAPTION, "anna",
                    json.writeValueAsString(Fixtures.pre("The camera pans right."))));
            store.append(RevisionDraft.of(B, Aspect.CAMERA.key(), RevisionKind.RATING, "anna",
                    json.writeValueAsString(Rating.PERFECT)));

            StoreItems.Loaded loaded = StoreItems.load(store, Fixtures.SENTINEL, dir);
            assertThat(loaded.skipped()).isEmpty();
            assertThat(loaded.items()).hasSize(2);
            AspectWork a = loaded.items().get(0).work().get(Aspect.SUBJECT);
            assertThat(a.state()).isEqualTo(WorkflowState.APPROVED);
            assertThat(a.submitter().orElseThrow().value()).isEqualTo("anna");
            assertThat(a.captionData().orElseThrow().caption().text()).contains("blue coat");
            assertThat(loaded.items().get(0).mediaPath()).isEqualTo("media/a.mp4");
            AspectWork b = loaded.items().get(1).work().get(Aspect.CAMERA);
            assertThat(b.state()).isEqualTo(WorkflowState.REVISED);
            assertThat(b.postCaption().orElseThrow().text()).isEqualTo("The camera pans right.");
            assertThat(b.critique().orElseThrow().finalText()).isEqualTo(Fixtures.SENTINEL);

            Path out = dir.resolve("export");
            new Exporter(GoldenExportTest.SPEC, ExportOptions.defaults(GoldenExportTest.AT))
                    .export(loaded.items(), ExportFormat.CAPTION, out, Optional.empty());
            assertThat(java.nio.file.Files.readAllLines(out.resolve("caption_generation.jsonl"))).hasSize(1);
        }
    }
}
