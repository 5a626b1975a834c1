// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A clip's identity: the SHA-256 of the media file's bytes, as 64 lowercase hex digits. Identical files get the
 * same id wherever they live, so moving or renaming a clip keeps its annotations. JSON form: the hex string.
 *
 * @param hex 64 lowercase hexadecimal digits
 */
public record ClipId(String hex) implements Comparable<ClipId> {
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    public ClipId {
        Checks.required(hex, "clip id");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new InvalidValueException("Clip id '" + abbreviate(hex)
                    + "' is not a SHA-256 content hash (64 lowercase hexadecimal digits).");
        }
    }

    /** Parses a clip id (JSON creator). */
    @JsonCreator
    public static ClipId of(String hex) {
        return new ClipId(hex);
    }

    /** The clip id of a 32-byte SHA-256 digest. */
    public static ClipId fromDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new InvalidValueException("A SHA-256 digest has 32 bytes, got "
                    + (digest == null ? "none" : String.valueOf(digest.length)) + ".");
        }
        return new ClipId(HexFormat.of().formatHex(digest));
    }

    /** Hashes a stream to its clip id, reading it to the end (the caller closes it). */
    public static ClipId hash(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return fromDigest(sha.digest());
    }

    /** Hashes a file's bytes to its clip id. */
    public static ClipId hashFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hash(in);
        }
    }

    /** The JSON and display form: the 64 hex digits. */
    @JsonValue
    @Override
    public String hex() {
        return hex;
    }

    /** The first 12 hex digits, enough to tell clips apart in messages. */
    public String shortForm() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(ClipId other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
