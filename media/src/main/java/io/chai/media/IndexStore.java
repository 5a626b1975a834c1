// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.MediaException.Kind;
import io.chai.media.time.FrameRate;
import io.chai.media.time.Rational;
import io.chai.media.time.Timecode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Persists {@link FrameIndex}es in a cache directory (the project passes {@code <project>/cache/frame-index/}; the
 * command line defaults to {@link #defaultDirectory()}), one file per clip content named
 * {@code <ClipFingerprint.key()>.fidx}, so a changed clip is re-scanned and an unchanged one never is. Files are
 * written atomically; an unreadable, foreign or older-format file counts as absent and is rewritten. Format: see
 * {@code docs/media.md} (magic {@code CHAIFIDX}, version {@value #VERSION}, gzip body).
 */
public final class IndexStore {
    static final int VERSION = 1;
    private static final byte[] MAGIC = {'C', 'H', 'A', 'I', 'F', 'I', 'D', 'X'};
    private static final int END = 0x454E4421;

    private final Path directory;

    public IndexStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** {@code $XDG_CACHE_HOME/chai/frame-index}, else {@code ~/.cache/chai/frame-index}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("chai").resolve("frame-index");
    }

    public Path directory() {
        return directory;
    }

    /** The file that holds (or would hold) the index for this content. */
    public Path fileFor(ClipFingerprint fp) {
        return directory.resolve(fp.key() + ".fidx");
    }

    /** The stored index of {@code clip}'s current content, or null when there is none (or it is unusable). */
    public FrameIndex load(Path clip) {
        return load(ClipFingerprint.of(clip));
    }

    public FrameIndex load(ClipFingerprint fp) {
        Path f = fileFor(fp);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return null;
            }
            DataInputStream head = new DataInputStream(in);
            if (head.readInt() != VERSION) {
                return null;
            }
            FrameIndex index = read(new DataInputStream(new GZIPInputStream(in, 1 << 16)));
            return index.fingerprint().equals(fp) ? index : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (EOFException | ZipException | IllegalArgumentException | ArithmeticException e) {
            return null; // damaged or foreign: re-scan and overwrite
        } catch (IOException e) {
            throw new MediaException(Kind.CACHE_IO, "cannot read frame index " + f + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code index} atomically; returns the file. */
    public Path save(FrameIndex index) {
        Path f = fileFor(index.fingerprint());
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, f.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    out.write(MAGIC);
                    DataOutputStream head = new DataOutputStream(out);
                    head.writeInt(VERSION);
                    head.flush();
                    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
                    DataOutputStream body = new DataOutputStream(gz);
                    write(index, body);
                    body.flush();
                    gz.finish();
                }
                try {
                    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return f;
        } catch (IOException e) {
            throw new MediaException(Kind.CACHE_IO, "cannot write frame index to " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The index of {@code clip}: loaded when stored for its current content (no progress is reported then),
     * otherwise scanned (reporting progress, cancellable) and stored.
     */
    public FrameIndex loadOrScan(Path clip, ProgressListener listener, CancellationToken token) {
        ClipFingerprint fp = ClipFingerprint.of(clip);
        FrameIndex stored = load(fp);
        if (stored != null) {
            return stored;
        }
        FrameIndex scanned = FrameIndexer.scan(clip, listener, token);
        save(scanned);
        return scanned;
    }

    private static void write(FrameIndex x, DataOutputStream o) throws IOException {
        ClipFingerprint fp = x.fingerprint();
        o.writeLong(fp.size());
        o.writeLong(fp.modifiedMillis());
        o.writeUTF(fp.sampleSha256());
        o.writeInt(x.streamIndex());
        o.writeLong(x.timeBase().num());
        o.writeLong(x.timeBase().den());
        o.writeInt(x.width());
        o.writeInt(x.height());
        FrameRate hr = x.headerFrameRate();
        o.writeLong(hr == null ? 0 : hr.num());
        o.writeLong(hr == null ? 0 : hr.den());
        Timecode tc = x.startTimecode();
        o.writeUTF(tc == null ? "" : tc.toString());
        o.writeLong(x.lastFrameDuration());
        o.writeInt(x.decodeErrors());
        o.writeBoolean(x.endedWithReadError());
        long[] pts = x.ptsArray();
        long[] hi = x.hashHighArray();
        long[] lo = x.hashLowArray();
        BitSet keys = x.keyframeBits();
        o.writeInt(pts.length);
        long prev = 0;
        for (int i = 0; i < pts.length; i++) {
            writeVarLong(o, zigzag(pts[i] - prev));
            prev = pts[i];
            o.writeByte(keys.get(i) ? 1 : 0);
            o.writeLong(hi[i]);
            o.writeLong(lo[i]);
        }
        List<SeekPoint> sps = x.seekPoints();
        o.writeInt(sps.size());
        for (SeekPoint sp : sps) {
            o.writeLong(sp.pts());
            o.writeLong(sp.dts());
        }
        o.writeInt(END);
    }

    private static FrameIndex read(DataInputStream in) throws IOException {
        ClipFingerprint fp = new ClipFingerprint(in.readLong(), in.readLong(), in.readUTF());
        int stream = in.readInt();
        Rational tb = Rational.of(in.readLong(), in.readLong());
        int w = in.readInt();
        int h = in.readInt();
        long hrNum = in.readLong();
        long hrDen = in.readLong();
        FrameRate hr = hrNum > 0 && hrDen > 0 ? new FrameRate(hrNum, hrDen) : null;
        String tcText = in.readUTF();
        long lastDuration = in.readLong();
        int errors = in.readInt();
        boolean readError = in.readBoolean();
        int n = in.readInt();
        if (n <= 0 || n > 100_000_000) {
            throw new IllegalArgumentException("bad frame count " + n);
        }
        long[] pts = new long[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        BitSet keys = new BitSet(n);
        long prev = 0;
        for (int i = 0; i < n; i++) {
            prev += unzigzag(readVarLong(in));
            pts[i] = prev;
            if (in.readByte() != 0) {
                keys.set(i);
            }
            hi[i] = in.readLong();
            lo[i] = in.readLong();
        }
        int m = in.readInt();
        if (m < 0 || m > n + 1_000_000) {
            throw new IllegalArgumentException("bad seek point count " + m);
        }
        List<SeekPoint> sps = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            sps.add(new SeekPoint(in.readLong(), in.readLong()));
        }
        if (in.readInt() != END) {
            throw new IllegalArgumentException("missing end marker");
        }
        Timecode tc = null;
        if (!tcText.isEmpty() && hr != null) {
            try {
                tc = Timecode.parse(tcText, hr);
            } catch (IllegalArgumentException e) {
                tc = null;
            }
        }
        return new FrameIndex(fp, stream, tb, w, h, pts, keys, hi, lo, sps, lastDuration, hr, tc, errors, readError);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarLong(DataOutputStream o, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            o.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        o.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }
}
