// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the application's jars into a package input folder, dropping the native libraries that jars carry for
 * other platforms (SQLite JDBC, ONNX Runtime, DJL tokenizers and JNA ship every OS and CPU in one jar) so a
 * package holds only its own platform's natives. A native file is dropped when its path names a platform folder
 * and that platform is not the target; natives without a platform folder are kept. Signed jars are copied
 * unchanged (removing entries would break the signature). Prints one line per jar that changed.
 *
 * <p>Run with the JDK's source launcher: {@code java TrimNatives.java TARGET SRC_DIR DEST_DIR}, where TARGET is
 * {@code linux-x86_64}, {@code windows-x86_64}, {@code macos-x86_64} or {@code macos-aarch64}.
 */
public final class TrimNatives {
    private static final Pattern NATIVE = Pattern.compile(
            "(?i).*(\\.so(\\.[0-9]+)*|\\.dll|\\.pdb|\\.lib|\\.dylib|\\.jnilib|\\.dsym/.*)$");
    /** A path segment naming an OS (with or without the CPU), as the jars above spell them. */
    private static final Pattern PLATFORM = Pattern.compile(
            "(?i)(^|.*/)(linux|linux-musl|windows|win|win32|mac|macosx|osx|darwin|freebsd|openbsd|dragonflybsd|"
                    + "sunos|aix|android|linux-android)([-_/][^/]*)?/.*");

    private TrimNatives() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java TrimNatives.java linux-x86_64|windows-x86_64|macos-x86_64|macos-aarch64 SRC DEST");
            System.exit(1);
        }
        Pattern keep = keepPattern(args[0]);
        Path src = Path.of(args[1]);
        Path dest = Path.of(args[2]);
        Files.createDirectories(dest);
        long before = 0;
        long after = 0;
        List<Path> jars = new ArrayList<>();
        try (var s = Files.list(src)) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        for (Path jar : jars) {
            Path out = dest.resolve(jar.getFileName());
            long[] sizes = trim(jar, out, keep);
            before += sizes[0];
            after += sizes[1];
            if (sizes[0] != sizes[1]) {
                System.out.printf("trimmed %-48s %7.1f MB -> %6.1f MB (%d other-platform natives dropped)%n",
                        jar.getFileName(), sizes[0] / 1e6, sizes[1] / 1e6, sizes[2]);
            }
        }
        System.out.printf("%d jars: %.1f MB -> %.1f MB%n", jars.size(), before / 1e6, after / 1e6);
    }

    static Pattern keepPattern(String target) {
        return switch (target) {
            case "linux-x86_64" -> Pattern.compile("(?i)(^|.*/)linux[-_/](x86[-_]64|x64|amd64)/.*");
            case "windows-x86_64" -> Pattern.compile("(?i)(^|.*/)(windows|win|win32)[-_/](x86[-_]64|x64|amd64)/.*");
            case "macos-x86_64" -> Pattern.compile("(?i)(^|.*/)(mac|macosx|osx|darwin)[-_/](x86[-_]64|x64)/.*");
            case "macos-aarch64" -> Pattern.compile("(?i)(^|.*/)(mac|macosx|osx|darwin)[-_/](aarch64|arm64)/.*");
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
    }

    /** Returns {size before, size after, entries dropped}. */
    private static long[] trim(Path jar, Path out, Pattern keep) throws IOException {
        long size = Files.size(jar);
        List<String> drop = new ArrayList<>();
        boolean signed = false;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                String upper = name.toUpperCase(Locale.ROOT);
                if (upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
                        || upper.endsWith(".EC") || upper.endsWith(".DSA"))) {
                    signed = true;
                }
                if (NATIVE.matcher(name).matches() && PLATFORM.matcher(name).matches() && !keep.matcher(name).matches()) {
                    drop.add(name);
                }
            }
            if (drop.isEmpty() || signed) {
                if (signed && !drop.isEmpty()) {
                    System.out.println("kept signed jar unchanged: " + jar.getFileName());
                }
                Files.copy(jar, out, StandardCopyOption.REPLACE_EXISTING);
                return new long[] {size, size, 0};
            }
            try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
                for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (drop.contains(entry.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    zos.putNextEntry(copy);
                    try (InputStream in = z.getInputStream(entry)) {
                        in.transferTo(zos);
                    }
                    zos.closeEntry();
                }
            }
        }
        return new long[] {size, Files.size(out), drop.size()};
    }
}
