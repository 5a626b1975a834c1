// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.MediaException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a clip's content cheaply, so that a persisted {@link FrameIndex} is reused only for the very same
 * bytes: file size, last-modified time (milliseconds) and SHA-256 over the first and the last MiB of the file.
 * Any change to size, mtime, head or tail gives a new {@link #key()} and therefore a re-scan.
 *
 * @param size file size in bytes
 * @param modifiedMillis last-modified time
 * @param sampleSha256 hex SHA-256 of the first MiB followed by the last MiB
 */
public record ClipFingerprint(long size, long modifiedMillis, String sampleSha256) {
    static final int SAMPLE = 1 << 20;

    public static ClipFingerprint of(Path clip) {
        Path p = clip.toAbsolutePath();
        long size = Demuxer.checkReadable(p);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(ch, 0, Math.min(SAMPLE, size), sha);
            long tail = Math.max(0, size - SAMPLE);
            digest(ch, tail, size - tail, sha);
            long mtime = Files.getLastModifiedTime(p).toMillis();
            return new ClipFingerprint(size, mtime, HexFormat.of().formatHex(sha.digest()));
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (IOException e) {
            throw new MediaException(Kind.UNREADABLE, p + ": cannot read (" + e + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(FileChannel ch, long from, long length, MessageDigest sha) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        long pos = from;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        buf.flip();
        sha.update(buf);
    }

    /** A file-name-safe key: SHA-256 (hex, 40 chars kept) over size, mtime and the sample digest. */
    public String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((size + ":" + modifiedMillis + ":" + sampleSha256).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
