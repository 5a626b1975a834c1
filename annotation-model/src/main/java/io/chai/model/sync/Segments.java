// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The folder store's segment file format: the 8-byte magic {@code CHAISEG1}, then records, each a big-endian
 * 32-bit payload length, a big-endian 32-bit CRC32C of the payload, and the payload (UTF-8 JSON). Reading stops at
 * the first record that is incomplete or fails its checksum (a torn or still-arriving tail); what was read before it
 * is good, and reading resumes at that offset once the file has grown.
 */
public final class Segments {
    /** File magic. */
    public static final byte[] MAGIC = "CHAISEG1".getBytes(StandardCharsets.US_ASCII);
    /** Largest record payload accepted (a larger length is taken as damage). */
    public static final int MAX_RECORD = 16 * 1024 * 1024;

    private Segments() {
    }

    /** The valid records found from {@code offset}, and the offset just after the last of them. */
    public record ReadResult(List<byte[]> payloads, long endOffset, boolean damagedTail) {
    }

    /** Bytes of one framed record. */
    public static byte[] frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        return b.array();
    }

    /**
     * Writes a complete segment to {@code file} (which must not exist) and forces it to disk; the caller moves it
     * into place atomically.
     */
    public static void write(Path file, List<byte[]> payloads) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            buf.put(MAGIC);
            for (byte[] p : payloads) {
                byte[] framed = frame(p);
                if (framed.length > buf.remaining()) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    buf.clear();
                }
                if (framed.length > buf.capacity()) {
                    ByteBuffer big = ByteBuffer.wrap(framed);
                    while (big.hasRemaining()) {
                        ch.write(big);
                    }
                } else {
                    buf.put(framed);
                }
            }
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /**
     * Reads the records of {@code file} starting at {@code offset} (0 = the start, before the magic), up to
     * {@code maxRecords}.
     */
    public static ReadResult read(Path file, long offset, int maxRecords) throws IOException {
        return read(file, offset, maxRecords, Integer.MAX_VALUE - 16);
    }

    /** As {@link #read(Path, long, int)}, looking at no more than {@code maxBytes} bytes of the file. */
    public static ReadResult read(Path file, long offset, int maxRecords, int maxBytes) throws IOException {
        byte[] all;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size <= offset) {
                return new ReadResult(List.of(), offset, false);
            }
            all = new byte[(int) Math.min(maxBytes, size - offset)];
            ByteBuffer b = ByteBuffer.wrap(all);
            long pos = offset;
            while (b.hasRemaining()) {
                int n = ch.read(b, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
            if (b.hasRemaining()) {
                all = Arrays.copyOf(all, b.position());
            }
        }
        int p = 0;
        long base = offset;
        if (offset == 0) {
            if (all.length < MAGIC.length) {
                return new ReadResult(List.of(), 0, false);
            }
            if (!Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
                return new ReadResult(List.of(), 0, true);
            }
            p = MAGIC.length;
        }
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        boolean damaged = false;
        while (out.size() < maxRecords) {
            if (all.length - p < 8) {
                damaged = all.length != p;
                break;
            }
            int len = b.getInt(p);
            int crcValue = b.getInt(p + 4);
            if (len < 0 || len > MAX_RECORD) {
                damaged = true;
                break;
            }
            if (all.length - p - 8 < len) {
                damaged = true;
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(all, p + 8, len);
            if ((int) crc.getValue() != crcValue) {
                damaged = true;
                break;
            }
            out.add(Arrays.copyOfRange(all, p + 8, p + 8 + len));
            p += 8 + len;
        }
        return new ReadResult(out, base + p, damaged);
    }
}
