// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations ({@code migrations/V<n>__<what>.sql} beside this class), applied in order on open,
 * each in its own transaction that also sets {@code PRAGMA user_version}. A database whose version is newer than
 * {@link #LATEST} is refused.
 */
final class Migrations {
    /** The scripts, in order; script i (0-based) brings the schema to version i + 1. */
    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__import.sql", "V3__queue_indexes.sql",
            "V4__jobs.sql", "V5__assignees.sql");
    /**
     * Databases older than this are rebuilt from the log after migrating (the derivation rules changed: v2 renamed
     * the queue states, v5 derives every assignee of overlap assignments).
     */
    static final int DERIVED_RULES_VERSION = 5;
    static final int LATEST = SCRIPTS.size();

    private Migrations() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies every missing migration; returns the version found before migrating. When the database was older than
     * {@link #DERIVED_RULES_VERSION}, the derived tables are rebuilt from the log in the same transaction as that
     * migration, so a crash leaves either the old schema or the new one with consistent derived state.
     */
    static int migrate(Connection c, String what) throws SQLException {
        int found = version(c);
        if (found > LATEST) {
            throw new ProjectStoreException(what + " was written by a newer CHAI (schema version " + found
                    + "; this version reads up to " + LATEST + "): update CHAI to open it");
        }
        if (found == 0 && hasForeignTables(c)) {
            throw new ProjectStoreException(what + " is an SQLite database but not a CHAI project");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = found + 1; v <= LATEST; v++) {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(load(SCRIPTS.get(v - 1)))) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + v);
                }
                if (v == DERIVED_RULES_VERSION && found > 0) {
                    Db db = new Db(c);
                    try {
                        new DerivedState(db).rebuild();
                    } finally {
                        db.closeStatements();
                    }
                }
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return found;
    }

    private static boolean hasForeignTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script into statements: {@code --} comments are dropped, statements end with {@code ;} at the end of
     * a line, and a {@code CREATE TRIGGER} runs until its {@code END;}.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : script.split("\n")) {
            int comment = raw.indexOf("--");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            String text = current.toString().strip();
            boolean trigger = text.regionMatches(true, 0, "CREATE TRIGGER", 0, 14);
            boolean ends = trigger ? text.toUpperCase(java.util.Locale.ROOT).endsWith("END;") : line.endsWith(";");
            if (ends) {
                out.add(text.substring(0, text.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration script ends without ';': " + current);
        }
        return out;
    }
}
