// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.workflow.WorkflowState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationTest {
    @TempDir
    Path tmp;

    private static TreeSet<String> schema(Connection c) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void migratesAnEmptyFileToTheLatestSchema() throws Exception {
        Path file = tmp.resolve("empty.db");
        Files.createFile(file);
        try (Connection c = ProjectStore.connect(file)) {
            assertThat(Migrations.migrate(c, "empty.db")).isZero();
            assertThat(Migrations.version(c)).isEqualTo(Migrations.LATEST);
            assertThat(schema(c)).contains("table revisions", "table clips", "table current_values",
                    "table aspect_state", "table annotation_text", "table file_hashes", "table import_items",
                    "trigger revisions_no_update", "trigger revisions_no_delete", "index aspect_state_in_order");
            // migrating again is a no-op
            assertThat(Migrations.migrate(c, "empty.db")).isEqualTo(Migrations.LATEST);
        }
    }

    @Test
    void everyScriptIsSplitIntoWholeStatements() {
        for (String script : Migrations.SCRIPTS) {
            List<String> statements = Migrations.statements(Migrations.load(script));
            assertThat(statements).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
        }
        assertThat(Migrations.statements("CREATE TRIGGER t BEFORE DELETE ON x\nBEGIN SELECT 1; SELECT 2; END;\n"
                + "-- comment\nCREATE TABLE y(a);\n")).containsExactly(
                "CREATE TRIGGER t BEFORE DELETE ON x\nBEGIN SELECT 1; SELECT 2; END", "CREATE TABLE y(a)");
    }

    /** Fixture versions kept under test resources (every schema before the latest). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void migratesEveryEarlierSchemaFixtureWithoutLosingAnything(int version) throws Exception {
        assertThat(version).isLessThan(Migrations.LATEST);
        Path dir = Files.createDirectories(tmp.resolve("v" + version));
        try (InputStream in = getClass().getResourceAsStream("fixtures/v" + version + "/chai-project.db")) {
            assertThat(in).as("fixture v" + version).isNotNull();
            Files.copy(in, dir.resolve(ProjectStore.DATABASE_FILE));
        }
        List<String> before = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ProjectStore.DATABASE_FILE));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT uuid || payload || hlc FROM revisions ORDER BY seq")) {
            while (rs.next()) {
                before.add(rs.getString(1));
            }
            assertThat(Migrations.version(c)).isEqualTo(version);
        }
        assertThat(before).hasSize(11);
        try (ProjectStore store = ProjectStore.open(dir)) {
            assertThat(store.info().schemaVersion()).isEqualTo(Migrations.LATEST);
            assertThat(store.info().name()).isEqualTo("Fixture v" + version);
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.revisionsAfter(0, 100)).extracting(r -> r.uuid() + r.payload() + r.hlc())
                    .containsExactlyElementsOf(before);
            ReplayModel.assertConsistent(store);
            String a = StoreFixtures.clipId(0);
            assertThat(store.state(a, "subject")).isEqualTo(WorkflowState.APPROVED);
            assertThat(store.state(StoreFixtures.clipId(1), "camera")).isEqualTo(WorkflowState.PRECAPTIONED);
            assertThat(store.search("navy", 5)).isNotEmpty();
            // the migrated project takes new edits and imports
            store.append(RevisionDraft.of(a, "scene", RevisionKind.RATING, "alice", "5"));
            ReplayModel.assertConsistent(store);
        }
    }
}
