// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** One SQLite connection with a cache of prepared statements. Not thread-safe: the store serializes access. */
final class Db implements AutoCloseable {
    final Connection connection;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    Db(Connection connection) {
        this.connection = connection;
    }

    /** A cached prepared statement (parameters are cleared); the caller closes only its result sets. */
    PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = cache.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            cache.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Closes the cached statements but not the connection. */
    void closeStatements() throws SQLException {
        for (PreparedStatement ps : cache.values()) {
            ps.close();
        }
        cache.clear();
    }

    @Override
    public void close() throws SQLException {
        closeStatements();
        connection.close();
    }
}
