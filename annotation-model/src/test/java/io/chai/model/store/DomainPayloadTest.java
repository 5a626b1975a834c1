// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.domain.Aspect;
import io.chai.model.domain.ClipId;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Rating;
import io.chai.model.json.ChaiJson;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domain records stored as payloads: they round-trip, drive the queue state and are searchable. */
class DomainPayloadTest {
    @TempDir
    Path tmp;

    @Test
    void domainRecordsRoundTripAndDriveTheState() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "p", "chai-spec", "1.0.0")) {
            ClipId clip = ClipId.of(StoreFixtures.addClips(store, 1).get(0));
            PreCaption pre = PreCaption.imported("A heron lands on a mossy rock.", "Birds v1",
                    Instant.parse("2026-02-01T08:00:00Z"));
            store.append(RevisionDraft.ofRecord(clip, Aspect.SUBJECT, RevisionKind.PRE_CAPTION, "ana", pre));
            assertThat(store.state(clip.hex(), "subject")).isEqualTo(WorkflowState.PRECAPTIONED);
            store.append(RevisionDraft.ofRecord(clip, Aspect.SUBJECT, RevisionKind.RATING, "ana", Rating.of(3)));
            store.append(RevisionDraft.ofRecord(clip, Aspect.SUBJECT, RevisionKind.CRITIQUE, "ana",
                    Critique.typed("It is an egret, not a heron.", List.of())));
            assertThat(store.state(clip.hex(), "subject")).isEqualTo(WorkflowState.CRITIQUED);
            store.append(RevisionDraft.ofRecord(clip, Aspect.SUBJECT, RevisionKind.POST_CAPTION, "ana",
                    PostCaption.handWritten("An egret lands on a mossy rock.")));
            assertThat(store.state(clip.hex(), "subject")).isEqualTo(WorkflowState.REVISED);
            // a newer critique makes the caption stale again
            store.append(RevisionDraft.ofRecord(clip, Aspect.SUBJECT, RevisionKind.CRITIQUE, "ana",
                    Critique.typed("It is a little egret.", List.of())));
            assertThat(store.state(clip.hex(), "subject")).isEqualTo(WorkflowState.CRITIQUED);

            PreCaption back = ChaiJson.read(ChaiJson.newMapper(),
                    store.current(clip.hex(), "subject", RevisionKind.PRE_CAPTION).orElseThrow().payload(),
                    PreCaption.class, "payload");
            assertThat(back).isEqualTo(pre);
            Rating rating = ChaiJson.read(ChaiJson.newMapper(),
                    store.current(clip.hex(), "subject", RevisionKind.RATING).orElseThrow().payload(), Rating.class,
                    "payload");
            assertThat(rating).isEqualTo(Rating.of(3));
            assertThat(store.search("egret", 10)).extracting(SearchHit::kind)
                    .containsExactlyInAnyOrder(RevisionKind.CRITIQUE, RevisionKind.POST_CAPTION);
            assertThat(store.search("heron", 10)).extracting(SearchHit::kind)
                    .containsExactly(RevisionKind.PRE_CAPTION);
        }
    }
}
