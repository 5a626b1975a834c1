// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates made at test time with the JDK's own {@code keytool} (nothing else needed on the machine): a test CA,
 * a server certificate for {@code localhost} (only: not 127.0.0.1) signed by it, and the server's private key written
 * as PKCS#8 PEM (mode 0600, as PostgreSQL requires) from the PKCS#12 store.
 */
final class TestCertificates {
    private static final String PASS = "changeit";

    /** Files for a TLS server and the CA that signed it. */
    record Server(Path caPem, Path certPem, Path keyPem) {
    }

    private TestCertificates() {
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** A self-signed CA: {@code <name>.p12} and {@code <name>.pem} in {@code dir}. */
    static Path ca(Path dir, String name) throws IOException, InterruptedException {
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "bc:c", "-keystore", name + ".p12", "-storetype", "PKCS12",
                "-storepass", PASS);
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", name + ".p12", "-storepass", PASS, "-file",
                name + ".pem");
        return dir.resolve(name + ".pem");
    }

    /** A CA named {@code ca} and a server certificate for localhost signed by it. */
    static Server server(Path dir) throws Exception {
        Path ca = ca(dir, "ca");
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", PASS);
        keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-storepass", PASS, "-file",
                "server.csr");
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASS, "-infile", "server.csr",
                "-outfile", "server.pem", "-rfc", "-validity", "2", "-ext", "san=dns:localhost",
                "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=serverAuth");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            ks.load(in, PASS.toCharArray());
        }
        Key key = ks.getKey("server", PASS.toCharArray());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path keyFile = dir.resolve("server.key");
        Files.writeString(keyFile, pem, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        return new Server(ca, dir.resolve("server.pem"), keyFile);
    }
}
