// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a migration fixture: a project created by the current schema with {@link StoreFixtures#sampleHistory}.
 * Run once per schema version, before the next migration is added (see fixtures/README.md); the test suite only
 * reads the fixtures.
 */
public final class WriteFixtureMain {
    private WriteFixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (ProjectStore store = ProjectStore.create(dir, "Fixture v" + Migrations.LATEST, "chai-spec", "1.0.0")) {
            StoreFixtures.sampleHistory(store, StoreFixtures.addClips(store, 6));
        }
        // fold the WAL into the main file so the fixture is one file
        try (var c = ProjectStore.connect(dir.resolve(ProjectStore.DATABASE_FILE)); var st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("PRAGMA journal_mode = DELETE");
        }
        Files.deleteIfExists(dir.resolve(ProjectStore.DATABASE_FILE + "-wal"));
        Files.deleteIfExists(dir.resolve(ProjectStore.DATABASE_FILE + "-shm"));
    }
}
