// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.workflow.WorkflowState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {
    @TempDir
    Path tmp;

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void createsAFolderWithWalDatabaseCachesAndMetadata() throws Exception {
        Path dir = tmp.resolve("proj");
        try (ProjectStore store = ProjectStore.create(dir, "Plane edit", "chai-spec", "1.0.0")) {
            assertThat(store.info().name()).isEqualTo("Plane edit");
            assertThat(store.info().specId()).isEqualTo("chai-spec");
            assertThat(store.info().specVersion()).isEqualTo("1.0.0");
            assertThat(store.info().schemaVersion()).isEqualTo(Migrations.LATEST);
            assertThat(pragma(store.db().connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(store.db().connection, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(store.db().connection, "synchronous")).isEqualTo("2");
        }
        assertThat(dir.resolve("cache/frame-index")).isDirectory();
        assertThat(dir.resolve("cache/thumbnails")).isDirectory();
        try (ProjectStore again = ProjectStore.open(dir)) {
            assertThat(again.info().name()).isEqualTo("Plane edit");
        }
        assertThatThrownBy(() -> ProjectStore.create(dir, "again", "chai-spec", "1.0.0"))
                .isInstanceOf(ProjectStoreException.class).hasMessageContaining("already exists");
    }

    @Test
    void locatesTheNearestProjectAbove() throws Exception {
        Path dir = tmp.resolve("proj");
        ProjectStore.create(dir, "p", "chai-spec", "1.0.0").close();
        Path deep = Files.createDirectories(dir.resolve("media/day1"));
        assertThat(ProjectStore.locate(deep)).contains(dir.toAbsolutePath().normalize());
        assertThat(ProjectStore.locate(tmp)).isEmpty();
    }

    @Test
    void refusesMissingForeignAndNewerDatabases() throws Exception {
        assertThatThrownBy(() -> ProjectStore.open(tmp)).isInstanceOf(ProjectStoreException.class)
                .hasMessageContaining("no CHAI project").hasMessageContaining("chai init");

        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign.resolve(ProjectStore.DATABASE_FILE));
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE songs(title TEXT)");
        }
        assertThatThrownBy(() -> ProjectStore.open(foreign)).hasMessageContaining("not a CHAI project");

        Path newer = tmp.resolve("newer");
        ProjectStore.create(newer, "p", "chai-spec", "1.0.0").close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer.resolve(ProjectStore.DATABASE_FILE));
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (Migrations.LATEST + 5));
        }
        assertThatThrownBy(() -> ProjectStore.open(newer)).isInstanceOf(ProjectStoreException.class)
                .hasMessageContaining("newer CHAI").hasMessageContaining("schema version " + (Migrations.LATEST + 5))
                .hasMessageNotContaining("\n");
    }

    @Test
    void appendsDeriveCurrentValuesStateSearchAndCounts() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "p", "chai-spec", "1.0.0")) {
            List<String> ids = StoreFixtures.addClips(store, 6);
            StoreFixtures.sampleHistory(store, ids);
            String a = ids.get(0);

            assertThat(store.state(a, "subject")).isEqualTo(WorkflowState.APPROVED);
            assertThat(store.state(ids.get(1), "camera")).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(store.state(ids.get(1), "subject")).isEqualTo(WorkflowState.NOT_STARTED);
            assertThat(store.current(a, "subject", RevisionKind.CRITIQUE).orElseThrow().payload())
                    .contains("navy blue");
            // clip-level assignment applies to every aspect of the clip
            assertThat(store.workQueue(new QueueQuery(null, null, "alice", null, 0, 100))).hasSize(5);
            assertThat(store.workQueue(new QueueQuery("camera", WorkflowState.NOT_STARTED, null, null, 0, 100)))
                    .extracting(QueueEntry::clipId).containsExactly(ids.get(0), ids.get(2), ids.get(3), ids.get(4), ids.get(5));
            assertThat(store.workQueue(new QueueQuery("camera", null, "", "batch-a", 0, 100)))
                    .extracting(QueueEntry::clipId).containsExactly(ids.get(3));

            // the first critique was undone and replaced: only current text is found
            assertThat(store.search("navy", 10)).extracting(SearchHit::kind)
                    .containsExactlyInAnyOrder(RevisionKind.CRITIQUE, RevisionKind.POST_CAPTION);
            Revision zebra = store.append(RevisionDraft.of(ids.get(2), "scene", RevisionKind.CRITIQUE, "carol",
                    StoreFixtures.text("Mention the zebra crossing.")));
            assertThat(store.search("zebra", 10)).extracting(SearchHit::revisionUuid)
                    .containsExactly(zebra.uuid().toString());
            store.undo(zebra.uuid(), "carol");
            assertThat(store.search("zebra", 10)).isEmpty();
            assertThat(store.search("harb", 10)).singleElement().satisfies(h -> {
                assertThat(h.clipId()).isEqualTo(ids.get(1));
                assertThat(h.snippet()).contains("[harbour]");
            });
            assertThat(store.search("\"; DROP TABLE revisions; --", 10)).isEmpty();

            assertThat(store.annotatorCounts()).contains(new CountRow("alice", "critique", 3),
                    new CountRow("bob", "review", 1));
            assertThat(store.stateCounts(ProjectStore.GroupBy.STATE)).contains(
                    new CountRow("", "approved", 1), new CountRow("", "precaptioned", 1),
                    new CountRow("", "not_started", 28));
            assertThat(store.stateCounts(ProjectStore.GroupBy.ANNOTATOR)).contains(new CountRow("alice",
                    "approved", 1), new CountRow("alice", "not_started", 4), new CountRow("", "not_started", 24));
            assertThat(store.stepTimeStats()).singleElement().satisfies(s -> {
                assertThat(s.meanMillisToFirstEdit()).isEqualTo(5000);
                assertThat(s.meanMillisToSubmit()).isEqualTo(60000);
            });
            List<Revision> hist = store.history(a, "subject");
            assertThat(hist).extracting(Revision::kind).containsExactly(RevisionKind.PRE_CAPTION, RevisionKind.RATING,
                    RevisionKind.CRITIQUE, RevisionKind.CRITIQUE, RevisionKind.CRITIQUE, RevisionKind.POST_CAPTION,
                    RevisionKind.REVIEW, RevisionKind.STEP_TIMING);
            assertThat(hist.get(3).payload()).isEqualTo("null");
            assertThat(hist.get(3).parents()).containsExactly(hist.get(2).uuid());
            for (int i = 1; i < hist.size(); i++) {
                assertThat(hist.get(i).hlc()).isGreaterThan(hist.get(i - 1).hlc());
            }
        }
    }

    @Test
    void undoRestoresThePreviousValueAndRedoes() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "p", "chai-spec", "1.0.0")) {
            String c = StoreFixtures.addClips(store, 1).get(0);
            Revision r1 = store.append(RevisionDraft.of(c, "scene", RevisionKind.RATING, "u", "{\"score\":2}"));
            Revision r2 = store.append(RevisionDraft.of(c, "scene", RevisionKind.RATING, "u", "{\"score\":4}"));
            assertThat(r2.parents()).containsExactly(r1.uuid());
            assertThatThrownBy(() -> store.undo(r1.uuid(), "u")).hasMessageContaining("only the current");
            Revision u = store.undo(r2.uuid(), "u");
            assertThat(store.current(c, "scene", RevisionKind.RATING).orElseThrow().payload()).isEqualTo("{\"score\":2}");
            store.undo(u.uuid(), "u");
            assertThat(store.current(c, "scene", RevisionKind.RATING).orElseThrow().payload()).isEqualTo("{\"score\":4}");
            Revision u3 = store.undo(store.undo(
                    UUID.fromString(store.current(c, "scene", RevisionKind.RATING).orElseThrow().revisionUuid()), "u")
                    .uuid(), "u");
            assertThat(u3.payload()).isEqualTo("{\"score\":4}");
            assertThat(store.revisionCount()).isEqualTo(6);
        }
    }

    @Test
    void theLogRefusesUpdatesAndDeletes() throws Exception {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "p", "chai-spec", "1.0.0")) {
            String c = StoreFixtures.addClips(store, 1).get(0);
            store.append(RevisionDraft.of(c, "scene", RevisionKind.RATING, "u", "{\"score\":2}"));
            try (Statement st = store.db().connection.createStatement()) {
                assertThatThrownBy(() -> st.execute("UPDATE revisions SET payload = '{}'"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.execute("DELETE FROM revisions")).hasMessageContaining("append-only");
            }
            assertThat(store.revisionCount()).isEqualTo(1);
        }
    }

    @Test
    void rejectsBadChangesWithOneLineMessages() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "p", "chai-spec", "1.0.0")) {
            String c = StoreFixtures.addClips(store, 1).get(0);
            assertThatThrownBy(() -> store.append(RevisionDraft.of(c, "lighting", RevisionKind.RATING, "u", "{}")))
                    .hasMessageContaining("unknown aspect 'lighting'");
            assertThatThrownBy(() -> store.append(RevisionDraft.of(c, "", RevisionKind.CRITIQUE, "u", "{}")))
                    .hasMessageContaining("needs an aspect");
            assertThatThrownBy(() -> store.append(RevisionDraft.of("ab12", "scene", RevisionKind.RATING, "u", "{}")))
                    .hasMessageContaining("no clip ab12");
            assertThatThrownBy(() -> store.append(RevisionDraft.of(c, "scene", RevisionKind.RATING, "u", "{oops")))
                    .hasMessageContaining("not valid JSON");
            assertThatCode(() -> store.recordStepTiming(c, "scene", "rating", "u", Instant.EPOCH, null,
                    Instant.EPOCH.plusSeconds(3))).doesNotThrowAnyException();
            assertThat(store.revisionCount()).isEqualTo(1);
        }
    }

    @Test
    void remoteRevisionsAreIdempotentAndOrderedByClock() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "p", "chai-spec", "1.0.0")) {
            String c = StoreFixtures.addClips(store, 1).get(0);
            Revision local = store.append(RevisionDraft.of(c, "motion", RevisionKind.CRITIQUE, "u",
                    StoreFixtures.text("local")));
            Revision older = new Revision(0, UUID.randomUUID(), c, "motion", RevisionKind.CRITIQUE, "v", "laptop2",
                    new Hlc(local.hlc().wallMillis() - 10_000, 0, "laptop2"), List.of(), StoreFixtures.text("old"),
                    "chai-spec", "1.0.0");
            assertThat(store.appendRemote(older)).isTrue();
            assertThat(store.appendRemote(older)).isFalse();
            assertThat(store.current(c, "motion", RevisionKind.CRITIQUE).orElseThrow().payload()).contains("local");
            Revision newer = new Revision(0, UUID.randomUUID(), c, "motion", RevisionKind.CRITIQUE, "v", "laptop2",
                    new Hlc(local.hlc().wallMillis() + 3_600_000, 7, "laptop2"), List.of(local.uuid()),
                    StoreFixtures.text("new"), "chai-spec", "1.0.0");
            assertThat(store.appendRemote(newer)).isTrue();
            assertThat(store.current(c, "motion", RevisionKind.CRITIQUE).orElseThrow().payload()).contains("new");
            // the clock observed the remote time: a later local edit sorts after it
            Revision after = store.append(RevisionDraft.of(c, "motion", RevisionKind.RATING, "u", "{\"score\":1}"));
            assertThat(after.hlc()).isGreaterThan(newer.hlc());
            assertThat(store.revisionsAfter(0, 10)).extracting(Revision::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.revisionsAfter(2, 10)).hasSize(2);
        }
    }

    @Test
    void clipsAreListedResolvedAndRelativeToTheProject() throws Exception {
        Path dir = tmp.resolve("p");
        try (ProjectStore store = ProjectStore.create(dir, "p", "chai-spec", "1.0.0")) {
            List<String> ids = StoreFixtures.addClips(store, 4);
            assertThat(store.storedPath(dir.resolve("media/a.mp4"))).isEqualTo("media/a.mp4");
            assertThat(store.clips(null, null, null, "batch-a", 0, 10)).extracting(ClipRecord::clipId)
                    .containsExactly(ids.get(0), ids.get(3));
            ClipRecord first = store.clip(ids.get(0)).orElseThrow();
            assertThat(first.states()).containsOnlyKeys(ProjectStore.ASPECTS);
            assertThat(first.media().fpsNum()).isEqualTo(24000);
            assertThat(store.resolveClip(ids.get(2).substring(0, 10))).isEqualTo(ids.get(2));
            assertThat(store.resolveClip("ext-2")).isEqualTo(ids.get(2));
            assertThat(store.resolveClip("/media/clip-3.mp4")).isEqualTo(ids.get(3));
            assertThatThrownBy(() -> store.resolveClip("nothing-like-it")).hasMessageContaining("no clip matches");
        }
    }
}
