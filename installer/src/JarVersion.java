// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * Prints the Maven version recorded in an app jar's {@code io/chai/app/version.properties} (the package version
 * comes from it). {@code java JarVersion.java app/target/chai-app-X.jar}; exit 1 with one line when it has none.
 */
public final class JarVersion {
    private JarVersion() {
    }

    public static void main(String[] args) throws IOException {
        try (JarFile jar = new JarFile(args[0])) {
            var entry = jar.getEntry("io/chai/app/version.properties");
            Properties p = new Properties();
            if (entry != null) {
                try (InputStream in = jar.getInputStream(entry)) {
                    p.load(in);
                }
            }
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                System.err.println("JarVersion: " + args[0] + " records no version");
                System.exit(1);
            }
            System.out.println(v.strip());
        }
    }
}
