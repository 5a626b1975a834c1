// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import io.chai.model.store.Revision;
import io.chai.model.sync.PullBatch;
import io.chai.model.sync.PushCursor;
import io.chai.model.sync.RecordCodec;
import io.chai.model.sync.SharedStore;
import io.chai.model.sync.StoreInfo;
import io.chai.model.sync.SyncException;
import io.chai.model.sync.SyncRecord;
import io.chai.model.store.Hlc;
import io.chai.model.store.RevisionKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The team shared store: a PostgreSQL database whose schema {@link #init} creates (versioned migrations). Each person
 * connects as their own database role; row-level security lets them insert only revisions they authored, lets
 * only reviewers review and never their own work, lets only admins assign, and nothing can update or delete a
 * revision (see docs/sync.md). Pushes are one transaction per batch (records and the push cursor together, so a
 * connection lost mid-push leaves either all or none); pulls read committed rows in (transaction id, sequence)
 * order below the oldest running transaction, so a transaction that commits late is never skipped. JDBC does not
 * leave this package.
 */
public final class PostgresStore implements SharedStore {
    /** Newest schema version this CHAI knows. */
    public static final int SCHEMA_VERSION = 2;
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Connection c;
    private final StoreInfo info;
    private final String user;

    private PostgresStore(Connection c, StoreInfo info, String user) {
        this.c = c;
        this.info = info;
        this.user = user;
    }

    /** Connects; {@code url} is a {@code jdbc:postgresql://} or {@code postgresql://} URL, TLS options included. */
    static Connection connect(String url, String user, String password) {
        String jdbc = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        if (!jdbc.startsWith("jdbc:postgresql:")) {
            throw new SyncException("not a PostgreSQL URL: " + url + " (expected postgresql://HOST[:PORT]/DATABASE)");
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(jdbc, p);
        } catch (SQLException e) {
            throw new SyncException(connectFailure(jdbc, e), e);
        }
    }

    /** One line saying why a connection failed; TLS failures say which check failed and what to do. */
    static String connectFailure(String jdbc, SQLException e) {
        String where = redact(jdbc);
        String msg = firstLine(e.getMessage());
        boolean untrusted = msg.contains("PKIX") || msg.contains("unable to find valid certification path");
        for (Throwable t = e; t != null && !untrusted; t = t.getCause()) {
            untrusted = t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException;
        }
        if (untrusted) {
            java.util.regex.Matcher m = Pattern.compile("[?&]sslrootcert=([^&]*)").matcher(jdbc);
            String ca = m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)
                    : "~/.postgresql/root.crt (the default; no sslrootcert given)";
            return "TLS: the server certificate of " + where + " is not signed by the CA in sslrootcert " + ca
                    + ": give the store's CA certificate (ask your admin) in sslrootcert";
        }
        if (msg.contains("hostnameverifier") || msg.contains("could not be verified")) {
            return "TLS: the server certificate does not name the host in " + where + " (sslmode=verify-full):"
                    + " connect with a host name its certificate lists";
        }
        if (msg.contains("does not support SSL")) {
            return "TLS: " + where + " does not offer TLS but the URL's sslmode requires it: enable ssl on the"
                    + " server (or, on a trusted network only, use sslmode=prefer)";
        }
        return "cannot connect to " + where + ": " + msg;
    }

    /**
     * Creates or upgrades the schema (as the database owner) and labels a new store with the specification; the
     * connecting role becomes its first admin. Returns the schema version now in place.
     */
    public static int init(String url, String user, String password, String specId, String specVersion) {
        try (Connection c = connect(url, user, password)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS chai_schema (version integer PRIMARY KEY,"
                        + " applied_at timestamptz NOT NULL DEFAULT now())");
                st.execute("LOCK TABLE chai_schema IN EXCLUSIVE MODE");
                int have;
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM chai_schema")) {
                    rs.next();
                    have = rs.getInt(1);
                }
                if (have > SCHEMA_VERSION) {
                    throw new SyncException("the store has schema version " + have + "; this CHAI knows up to "
                            + SCHEMA_VERSION + ": update CHAI");
                }
                for (int v = have + 1; v <= SCHEMA_VERSION; v++) {
                    st.execute(script(v));
                    st.execute("INSERT INTO chai_schema(version) VALUES (" + v + ")");
                }
                if (have == 0) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO chai_store_meta(key, value) VALUES ('store_id', ?), ('spec_id', ?),"
                                    + " ('spec_version', ?)")) {
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setString(2, specId);
                        ps.setString(3, specVersion);
                        ps.executeUpdate();
                    }
                    st.execute("INSERT INTO chai_users(username, role) VALUES (current_user, 'admin')");
                }
            }
            c.commit();
            return SCHEMA_VERSION;
        } catch (SQLException e) {
            throw new SyncException("cannot create the CHAI schema: " + firstLine(e.getMessage()), e);
        }
    }

    private static String script(int version) {
        String name = "V" + version + "__store.sql";
        try (InputStream in = PostgresStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Opens an initialized store as {@code user} (a database role registered with {@link #addUser}). */
    public static PostgresStore open(String url, String user, String password) {
        Connection c = connect(url, user, password);
        try {
            String who;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                who = rs.getString(1);
            }
            int version;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM chai_schema")) {
                rs.next();
                version = rs.getInt(1);
            } catch (SQLException e) {
                throw new SyncException(redact(url) + " holds no CHAI store readable by " + who + " ("
                        + firstLine(e.getMessage()) + "): create it with 'chai store init-postgres' or ask an admin"
                        + " to add you with 'chai team add-user'", e);
            }
            if (version > SCHEMA_VERSION) {
                throw new SyncException("the store has schema version " + version + "; this CHAI knows up to "
                        + SCHEMA_VERSION + ": update CHAI");
            }
            String storeId = null;
            String specId = null;
            String specVersion = null;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT key, value FROM chai_store_meta")) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "store_id" -> storeId = rs.getString(2);
                        case "spec_id" -> specId = rs.getString(2);
                        case "spec_version" -> specVersion = rs.getString(2);
                        default -> { }
                    }
                }
            }
            if (storeId == null || specId == null || specVersion == null) {
                throw new SyncException(redact(url) + " holds an incomplete CHAI store (no store id or specification)");
            }
            return new PostgresStore(c, new StoreInfo("postgres", redact(url), storeId, specId, specVersion), who);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // reporting the first error
            }
            if (e instanceof SyncException s) {
                throw s;
            }
            throw new SyncException("cannot open the CHAI store at " + redact(url) + ": " + firstLine(e.getMessage()),
                    e);
        }
    }

    @Override
    public StoreInfo info() {
        return info;
    }

    /** The database role this connection acts as. */
    public String user() {
        return user;
    }

    @Override
    public String identity() {
        return user;
    }

    @Override
    public boolean accepts(Revision r) {
        return r.author().equals(user);
    }

    @Override
    public synchronized PushCursor acknowledged(String deviceId) {
        return query(() -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, clip_no FROM chai_push_cursors WHERE device = ? AND username = current_user")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new PushCursor(rs.getLong(1), rs.getLong(2)) : PushCursor.START;
                }
            }
        });
    }

    @Override
    public synchronized void push(String deviceId, List<SyncRecord> records, PushCursor upTo) {
        transaction(() -> {
            try (PreparedStatement clips = c.prepareStatement(
                    "INSERT INTO chai_clips(clip_id, record) VALUES (?, ?) ON CONFLICT (clip_id) DO NOTHING");
                    PreparedStatement revs = c.prepareStatement("INSERT INTO chai_revisions(uuid, clip_id, aspect,"
                            + " kind, author, device, hlc, parents, payload, spec_id, spec_version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING")) {
                int nc = 0;
                int nr = 0;
                for (SyncRecord rec : records) {
                    if (rec instanceof SyncRecord.ClipEntry ce) {
                        clips.setString(1, ce.clip().clipId());
                        clips.setString(2, RecordCodec.toText(rec));
                        clips.addBatch();
                        nc++;
                    } else {
                        Revision r = ((SyncRecord.RevisionEntry) rec).revision();
                        revs.setObject(1, r.uuid());
                        revs.setString(2, r.clipId());
                        revs.setString(3, r.aspect());
                        revs.setString(4, r.kind().id());
                        revs.setString(5, r.author());
                        revs.setString(6, r.device());
                        revs.setString(7, r.hlc().toString());
                        revs.setString(8, parents(r.parents()));
                        revs.setString(9, r.payload());
                        revs.setString(10, r.specId());
                        revs.setString(11, r.specVersion());
                        revs.addBatch();
                        nr++;
                    }
                }
                if (nc > 0) {
                    clips.executeBatch();
                }
                if (nr > 0) {
                    revs.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chai_push_cursors(device, seq, clip_no)"
                    + " VALUES (?, ?, ?) ON CONFLICT (device, username) DO UPDATE SET"
                    + " seq = greatest(chai_push_cursors.seq, excluded.seq),"
                    + " clip_no = greatest(chai_push_cursors.clip_no, excluded.clip_no)")) {
                ps.setString(1, deviceId);
                ps.setLong(2, upTo.seq());
                ps.setLong(3, upTo.clipNo());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized PullBatch pull(String deviceId, String cursor, int limit) {
        long[] cur = parseCursor(cursor);
        return transaction(() -> {
            List<SyncRecord> out = new ArrayList<>();
            long cTx = cur[0];
            long cSeq = cur[1];
            long rTx = cur[2];
            long rSeq = cur[3];
            int fetched = 0;
            // clips first: revisions need them
            try (PreparedStatement ps = c.prepareStatement("SELECT txid::text::bigint, server_seq, record"
                    + " FROM chai_clips WHERE (txid, server_seq) > (?::text::xid8, ?)"
                    + " AND txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid, server_seq LIMIT ?")) {
                ps.setString(1, Long.toString(cTx));
                ps.setLong(2, cSeq);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cTx = rs.getLong(1);
                        cSeq = rs.getLong(2);
                        out.add(RecordCodec.decode(rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                        fetched++;
                    }
                }
            }
            if (fetched < limit) {
                try (PreparedStatement ps = c.prepareStatement("SELECT txid::text::bigint, server_seq, uuid, clip_id,"
                        + " aspect, kind, author, device, hlc, parents, payload, spec_id, spec_version"
                        + " FROM chai_revisions WHERE (txid, server_seq) > (?::text::xid8, ?)"
                        + " AND txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid, server_seq LIMIT ?")) {
                    ps.setString(1, Long.toString(rTx));
                    ps.setLong(2, rSeq);
                    ps.setInt(3, limit - fetched);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rTx = rs.getLong(1);
                            rSeq = rs.getLong(2);
                            fetched++;
                            if (rs.getString(8).equals(deviceId)) {
                                continue;
                            }
                            out.add(new SyncRecord.RevisionEntry(new Revision(0, (UUID) rs.getObject(3),
                                    rs.getString(4), rs.getString(5), RevisionKind.fromId(rs.getString(6)),
                                    rs.getString(7), rs.getString(8), Hlc.parse(rs.getString(9)),
                                    parseParents(rs.getString(10)), rs.getString(11), rs.getString(12),
                                    rs.getString(13))));
                        }
                    }
                }
            }
            String next = cTx + ":" + cSeq + ":" + rTx + ":" + rSeq;
            return new PullBatch(out, next, fetched >= limit);
        });
    }

    /** Registers a person: creates their login role (unless it exists) and records their CHAI role. Admins only. */
    public synchronized void addUser(String name, String password, String role) {
        if (!ROLE.matcher(name).matches()) {
            throw new SyncException("user names are 1-63 characters of a-z, 0-9 and _, starting with a letter or _: "
                    + name);
        }
        if (!List.of("annotator", "reviewer", "admin").contains(role)) {
            throw new SyncException("role must be annotator, reviewer or admin: " + role);
        }
        transaction(() -> {
            String sql;
            try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE"
                    + " rolname = ?) THEN format('GRANT chai_member TO %I', ?::text) ELSE"
                    + " format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE chai_member', ?::text, ?::text) END")) {
                ps.setString(1, name);
                ps.setString(2, name);
                ps.setString(3, name);
                ps.setString(4, password == null ? "" : password);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sql = rs.getString(1);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chai_users(username, role) VALUES (?, ?)"
                    + " ON CONFLICT (username) DO UPDATE SET role = excluded.role")) {
                ps.setString(1, name);
                ps.setString(2, role);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A registered person and their CHAI role. */
    public record User(String name, String role) {
    }

    /** Everybody registered, by name. */
    public synchronized List<User> users() {
        return query(() -> {
            List<User> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT username, role FROM chai_users ORDER BY username")) {
                while (rs.next()) {
                    out.add(new User(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        });
    }

    /** Revisions and clips held, for status displays. */
    public synchronized long[] counts() {
        return query(() -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT (SELECT count(*) FROM chai_revisions), (SELECT count(*) FROM chai_clips)")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
    }

    /** The shared work queue (job leases) of this store. */
    public JobQueue jobs() {
        return new JobQueue(this);
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing; nothing pending
        }
    }

    // ---------------------------------------------------------------- plumbing (package-private for JobQueue)

    interface Work<T> {
        T run() throws SQLException;
    }

    Connection connection() {
        return c;
    }

    synchronized <T> T transaction(Work<T> work) {
        try {
            c.setAutoCommit(false);
            try {
                T t = work.run();
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // broken connection: the next call reports it
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    synchronized <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private SyncException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42501")) {
            return new SyncException("the database refused this for user " + user + ": " + firstLine(e.getMessage()),
                    e);
        }
        if (state.startsWith("08")) {
            return new SyncException("lost the connection to " + info.location() + " (" + firstLine(e.getMessage())
                    + "); run the sync again: it resumes where it stopped", e);
        }
        return new SyncException("database error at " + info.location() + ": " + firstLine(e.getMessage()), e);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The URL without any password parameter. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    private static long[] parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new long[4];
        }
        String[] parts = cursor.split(":");
        if (parts.length != 4) {
            throw new SyncException("the local sync cursor is damaged; delete the project's sync/ file for this store"
                    + " to pull everything again (nothing is duplicated)");
        }
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    private static String parents(List<UUID> parents) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < parents.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(parents.get(i)).append('"');
        }
        return sb.append(']').toString();
    }

    private static List<UUID> parseParents(String json) {
        List<UUID> out = new ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("[0-9a-fA-F-]{36}").matcher(json);
        while (m.find()) {
            out.add(UUID.fromString(m.group()));
        }
        return out;
    }

    static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        return d;
    }
}
