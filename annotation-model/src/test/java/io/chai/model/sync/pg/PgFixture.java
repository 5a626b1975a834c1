// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL server (embedded binaries from Maven) per test class, and a fresh database per test. */
final class PgFixture implements AutoCloseable {
    private static final AtomicInteger DBS = new AtomicInteger();
    final EmbeddedPostgres pg;

    PgFixture() throws IOException {
        pg = EmbeddedPostgres.builder().start();
    }

    /** A new empty database; returns its URL. */
    String newDatabase() throws SQLException {
        String name = "chai_" + DBS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
