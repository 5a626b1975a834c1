// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database itself refuses what a person may not do: plain SQL over each person's own connection (no CHAI
 * client code in between), against real roles on a real PostgreSQL server.
 */
class PgSecurityTest {
    static PgFixture pg;
    static final String CLIP = "a".repeat(64);
    static final String ASPECT = "subject";
    String url;

    @BeforeAll
    static void start() throws Exception {
        pg = new PgFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void team() throws Exception {
        url = pg.newDatabase();
        PostgresStore.init(url, "postgres", null, "chai-caption-spec", "1.0.0");
        try (PostgresStore admin = PostgresStore.open(url, "postgres", null)) {
            admin.addUser("alice", "pw", "annotator");
            admin.addUser("bob", "pw", "annotator");
            admin.addUser("rita", "pw", "reviewer");
        }
    }

    private Connection as(String user) throws SQLException {
        return DriverManager.getConnection(url, user, "pw");
    }

    private static UUID insert(Connection c, String author, String kind, String payload) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chai_revisions(uuid, clip_id, aspect, kind,"
                + " author, device, hlc, parents, payload, spec_id, spec_version)"
                + " VALUES (?, ?, ?, ?, ?, 'dev1', '1700000000000-00000-dev1', '[]', ?, 'chai-caption-spec', '1.0.0')")) {
            ps.setObject(1, id);
            ps.setString(2, CLIP);
            ps.setString(3, ASPECT);
            ps.setString(4, kind);
            ps.setString(5, author);
            ps.setString(6, payload);
            ps.executeUpdate();
        }
        return id;
    }

    private static String state(SQLException e) {
        return e.getSQLState();
    }

    @Test
    void anAnnotatorCannotWriteAsSomeoneElse() throws Exception {
        try (Connection alice = as("alice")) {
            insert(alice, "alice", "rating", "4");
            assertThatThrownBy(() -> insert(alice, "bob", "rating", "1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security")
                    .satisfies(e -> assertThat(state((SQLException) e)).isEqualTo("42501"));
        }
    }

    @Test
    void nobodyCanUpdateOrDeleteARevision() throws Exception {
        UUID id;
        try (Connection alice = as("alice")) {
            id = insert(alice, "alice", "rating", "4");
            try (Statement st = alice.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE chai_revisions SET payload = '5'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM chai_revisions"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("TRUNCATE chai_revisions"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        // not even the owner (a superuser here): the trigger refuses
        try (Connection owner = DriverManager.getConnection(url, "postgres", ""); Statement st = owner.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE chai_revisions SET payload = '1'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM chai_revisions"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            try (ResultSet rs = st.executeQuery("SELECT payload FROM chai_revisions WHERE uuid = '" + id + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("4");
            }
        }
    }

    @Test
    void nobodyApprovesTheirOwnWork() throws Exception {
        String approve = "{\"decision\":\"approve\"}";
        try (Connection alice = as("alice")) {
            insert(alice, "alice", "post_caption", "{\"final_caption\":\"a dog\"}");
            insert(alice, "alice", "submission", "{\"submitted\":true}");
            assertThatThrownBy(() -> insert(alice, "alice", "review", approve)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
        try (Connection rita = as("rita")) {
            // a reviewer who worked on this aspect cannot review it either
            insert(rita, "rita", "critique", "{\"final_feedback\":\"too short\"}");
            assertThatThrownBy(() -> insert(rita, "rita", "review", approve)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
        try (Connection bobConn = as("bob")) {
            assertThatThrownBy(() -> insert(bobConn, "bob", "review", approve))
                    .as("an annotator is no reviewer").isInstanceOf(SQLException.class);
        }
        try (PostgresStore admin = PostgresStore.open(url, "postgres", null)) {
            admin.addUser("ravi", "pw", "reviewer");
        }
        try (Connection ravi = as("ravi")) {
            insert(ravi, "ravi", "review", approve); // someone else's work: allowed
        }
    }

    @Test
    void onlyAdminsChangeAssignmentsAndRoles() throws Exception {
        try (Connection alice = as("alice")) {
            assertThatThrownBy(() -> insert(alice, "alice", "assignment", "{\"assignee\":\"alice\"}"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            try (Statement st = alice.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("INSERT INTO chai_users(username, role)"
                        + " VALUES ('mallory', 'admin')")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
                assertThat(st.executeUpdate("UPDATE chai_users SET role = 'admin' WHERE username = 'alice'"))
                        .as("the policy hides every row from a non-admin update").isZero();
                try (ResultSet rs = st.executeQuery("SELECT role FROM chai_users WHERE username = 'alice'")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("annotator");
                }
                assertThatThrownBy(() -> st.executeUpdate("INSERT INTO chai_push_cursors(device, username, seq,"
                        + " clip_no) VALUES ('x', 'bob', 1, 1)")).isInstanceOf(SQLException.class);
            }
        }
        try (Connection owner = DriverManager.getConnection(url, "postgres", "")) {
            insert(owner, "postgres", "assignment", "{\"assignee\":\"alice\"}");
        }
    }

    /** A model-written pre-caption as the pipeline stores it: source model, source_name = provenance model. */
    private static String modelCaption(String sourceName, String provenanceModel) {
        String provenance = provenanceModel == null ? "null"
                : "{\"model\":\"" + provenanceModel + "\",\"server\":\"local\",\"dialect\":\"openai\","
                        + "\"prompt\":\"describe the subject\",\"mode\":\"Video\"}";
        return "{\"pre_caption\":\"a woman in a red coat\",\"source\":\"model\",\"source_name\":\"" + sourceName
                + "\",\"provenance\":" + provenance + ",\"created_at\":\"2026-11-29T10:00:00Z\"}";
    }

    @Test
    void modelWrittenRevisionsAreSignedByThePersonWhoRanTheModel() throws Exception {
        try (Connection alice = as("alice")) {
            // the person who ran the model is the author (actor); the model is named in the provenance
            UUID ok = insert(alice, "alice", "pre_caption", modelCaption("qwen2.5-vl", "qwen2.5-vl"));
            // a polished critique and a revised caption carry their model too
            insert(alice, "alice", "critique", "{\"initial_feedback\":\"too short\",\"gpt_feedback\":\"Too short.\","
                    + "\"polisher\":{\"model\":\"gemma\",\"prompt\":\"p\"},\"final_feedback\":\"Too short.\"}");
            // claiming another actor: refused, model output or not
            assertThatThrownBy(() -> insert(alice, "bob", "pre_caption", modelCaption("qwen2.5-vl", "qwen2.5-vl")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security")
                    .satisfies(e -> assertThat(state((SQLException) e)).isEqualTo("42501"));
            // the model itself as the author: refused (a model is no database role and never the actor)
            assertThatThrownBy(() -> insert(alice, "qwen2.5-vl", "pre_caption",
                    modelCaption("qwen2.5-vl", "qwen2.5-vl"))).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            // model output that hides its model, or names another one than its provenance: refused
            assertThatThrownBy(() -> insert(alice, "alice", "pre_caption", modelCaption("qwen2.5-vl", null)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            assertThatThrownBy(() -> insert(alice, "alice", "pre_caption", modelCaption("gpt-4o", "qwen2.5-vl")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            // a key spelled with a JSON escape is the same key to the database
            assertThatThrownBy(() -> insert(alice, "alice", "pre_caption",
                    "{\"pre_caption\":\"x\",\"\\u0073ource\":\"model\",\"source_name\":\"m\"}"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            assertThatThrownBy(() -> insert(alice, "alice", "post_caption",
                    "{\"final_caption\":\"x\",\"reviser\":{\"model\":\" \"}}")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            try (Statement st = alice.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT author, payload::jsonb #>> '{provenance,model}' FROM chai_revisions WHERE uuid = '" + ok
                            + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("alice");
                assertThat(rs.getString(2)).isEqualTo("qwen2.5-vl");
            }
        }
    }

    @Test
    void overlapAssignmentsAreAdminsOnlyToo() throws Exception {
        String overlap = "{\"assignee\":\"alice\",\"assignees\":[\"alice\",\"bob\"]}";
        try (Connection alice = as("alice")) {
            assertThatThrownBy(() -> insert(alice, "alice", "assignment", overlap))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        }
        try (Connection rita = as("rita")) {
            assertThatThrownBy(() -> insert(rita, "rita", "assignment", overlap))
                    .as("a reviewer is no admin").isInstanceOf(SQLException.class);
        }
        try (PostgresStore admin = PostgresStore.open(url, "postgres", null)) {
            admin.addUser("ada", "pw", "admin");
        }
        try (Connection ada = as("ada")) {
            insert(ada, "ada", "assignment", overlap);
        }
    }
}
