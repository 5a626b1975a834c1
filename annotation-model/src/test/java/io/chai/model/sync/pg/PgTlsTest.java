// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.sync.SyncException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS options pass through to PostgreSQL: a real server started with {@code ssl=on} and a certificate made at test
 * time; {@code sslmode=verify-full} with the right CA connects over TLS, a wrong CA is refused with one clear line.
 */
class PgTlsTest {
    @TempDir
    static Path certs;
    static EmbeddedPostgres pg;
    static TestCertificates.Server server;
    static Path wrongCa;

    @BeforeAll
    static void start() throws Exception {
        server = TestCertificates.server(certs);
        wrongCa = TestCertificates.ca(certs, "other-ca");
        pg = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", server.certPem().toString())
                .setServerConfig("ssl_key_file", server.keyPem().toString()).start();
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE tls");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static String url(String params) {
        return "postgresql://localhost:" + pg.getPort() + "/tls?" + params;
    }

    @Test
    void verifyFullWithTheRightCaConnectsOverTls() throws Exception {
        String url = url("sslmode=verify-full&sslrootcert=" + server.caPem());
        assertThat(PostgresStore.init(url, "postgres", null, "chai-caption-spec", "1.0.0"))
                .isEqualTo(PostgresStore.SCHEMA_VERSION);
        try (PostgresStore store = PostgresStore.open(url, "postgres", null);
                Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("the session is encrypted").isTrue();
            assertThat(rs.getString(2)).startsWith("TLS");
            assertThat(store.info().specId()).isEqualTo("chai-caption-spec");
        }
    }

    @Test
    void aWrongCaIsRefusedWithOneClearLine() {
        String url = url("sslmode=verify-full&sslrootcert=" + wrongCa);
        assertThatThrownBy(() -> PostgresStore.open(url, "postgres", null)).isInstanceOf(SyncException.class)
                .hasMessageContaining("TLS")
                .hasMessageContaining("not signed by the CA in sslrootcert")
                .hasMessageContaining(wrongCa.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        // the certificate names "localhost" only: the same server reached as 127.0.0.1 is not verified
        String url = "postgresql://127.0.0.1:" + pg.getPort() + "/tls?sslmode=verify-full&sslrootcert="
                + server.caPem();
        assertThatThrownBy(() -> PostgresStore.open(url, "postgres", null)).isInstanceOf(SyncException.class)
                .hasMessageContaining("TLS: the server certificate does not name the host")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
