// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The embedded shared store: a folder (NAS, USB drive, a cloud-synced folder) holding {@code chai-store.json} and
 * {@code segments/<device>/<NNNNNNNNNNNN>.seg}. Each device only ever creates files in its own sub-folder, so any
 * number of devices can write at once. A push writes one or more complete segments to a temporary file, forces it
 * to disk and moves it into place atomically; a segment is never changed afterwards. Each segment starts with a
 * header record naming the device and the push cursor it acknowledges. Readers keep a byte offset per segment and
 * stop at a torn or still-arriving tail (see {@link Segments}), so files delivered partly or out of order by a sync
 * client are read as they complete. Duplicated records (a push repeated after a crash) are harmless: apply is
 * idempotent by revision UUID.
 */
public final class FolderStore implements SharedStore {
    /** The manifest file name. */
    public static final String MANIFEST = "chai-store.json";
    /** Records per segment file. */
    public static final int SEGMENT_RECORDS = 10_000;
    private static final String FORMAT = "chai-folder-store";
    private static final Pattern SEGMENT = Pattern.compile("\\d{12}\\.seg");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.]{1,64}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;
    private final Path segments;
    private final StoreInfo info;

    private FolderStore(Path root, StoreInfo info) {
        this.root = root;
        this.segments = root.resolve("segments");
        this.info = info;
    }

    /** True when {@code dir} holds a folder store manifest. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Opens the store in {@code dir}; when the folder holds none yet, creates one labeled with the given
     * specification (so the first project to sync defines it).
     */
    public static FolderStore openOrCreate(Path dir, String specId, String specVersion) {
        Path root = dir.toAbsolutePath().normalize();
        if (!exists(root)) {
            try {
                Files.createDirectories(root.resolve("segments"));
                ObjectNode m = MAPPER.createObjectNode();
                m.put("format", FORMAT);
                m.put("format_version", 1);
                m.put("store_id", UUID.randomUUID().toString());
                m.put("spec_id", specId);
                m.put("spec_version", specVersion);
                m.put("created_at", Instant.now().toString());
                Path tmp = root.resolve(".tmp-" + UUID.randomUUID() + "-" + MANIFEST);
                Files.write(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                try {
                    // link-then-delete: creation fails when another device created the manifest meanwhile
                    Files.createLink(root.resolve(MANIFEST), tmp);
                } catch (FileAlreadyExistsException raced) {
                    // the other device's manifest wins
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!exists(root)) {
                        Files.move(tmp, root.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new SyncException("cannot create a shared store in " + root + ": " + e.getMessage(), e);
            }
        }
        return open(root);
    }

    /** Opens an existing store. */
    public static FolderStore open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new SyncException("no CHAI shared store in " + root + " (no " + MANIFEST + ")");
        }
        JsonNode m;
        try {
            m = MAPPER.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new SyncException(manifest + " is damaged or incomplete (" + e.getMessage()
                    + "): wait for the sync client to finish or restore it", e);
        }
        if (m == null || !FORMAT.equals(m.path("format").asText())) {
            throw new SyncException(manifest + " is not a CHAI shared store manifest");
        }
        if (m.path("format_version").asInt() != 1) {
            throw new SyncException("the shared store in " + root + " has format version "
                    + m.path("format_version").asInt() + "; this CHAI reads version 1: update CHAI");
        }
        try {
            Files.createDirectories(root.resolve("segments"));
        } catch (IOException e) {
            throw new SyncException("cannot use shared store " + root + ": " + e.getMessage(), e);
        }
        return new FolderStore(root, new StoreInfo("folder", root.toString(), m.path("store_id").asText(),
                m.path("spec_id").asText(), m.path("spec_version").asText()));
    }

    @Override
    public StoreInfo info() {
        return info;
    }

    /** The store folder. */
    public Path root() {
        return root;
    }

    @Override
    public PushCursor acknowledged(String deviceId) {
        Path dir = deviceDir(deviceId);
        List<Path> files = segmentFiles(dir);
        // pushes of one device are sequential, so the newest readable header holds the greatest cursor
        for (int i = files.size() - 1; i >= 0; i--) {
            JsonNode h = header(files.get(i));
            if (h != null) {
                return new PushCursor(h.path("seq").asLong(), h.path("clip_no").asLong());
            }
        }
        return PushCursor.START;
    }

    @Override
    public void push(String deviceId, List<SyncRecord> records, PushCursor upTo) {
        Path dir = deviceDir(deviceId);
        try {
            Files.createDirectories(dir);
            for (int from = 0; from < Math.max(1, records.size()); from += SEGMENT_RECORDS) {
                List<SyncRecord> part = records.subList(from, Math.min(records.size(), from + SEGMENT_RECORDS));
                boolean last = from + SEGMENT_RECORDS >= records.size();
                // only the last segment of a push acknowledges its cursor; earlier ones repeat the old one
                PushCursor ack = last ? upTo : acknowledged(deviceId);
                writeSegment(dir, deviceId, part, ack);
            }
        } catch (IOException e) {
            throw new SyncException("cannot write to shared store " + root + ": " + e.getMessage(), e);
        }
    }

    private void writeSegment(Path dir, String deviceId, List<SyncRecord> part, PushCursor ack) throws IOException {
        long next = 1;
        for (Path seg : segmentFiles(dir)) {
            next = Math.max(next, number(seg) + 1);
        }
        ObjectNode h = MAPPER.createObjectNode();
        h.put("t", "header");
        h.put("device", deviceId);
        h.put("segment", next);
        h.put("seq", ack.seq());
        h.put("clip_no", ack.clipNo());
        h.put("count", part.size());
        h.put("written_at", Instant.now().toString());
        List<byte[]> payloads = new ArrayList<>(part.size() + 1);
        payloads.add(MAPPER.writeValueAsBytes(h));
        for (SyncRecord r : part) {
            payloads.add(RecordCodec.encode(r));
        }
        Path tmp = dir.resolve(".tmp-" + UUID.randomUUID());
        try {
            Segments.write(tmp, payloads);
            Path target = dir.resolve(String.format("%012d.seg", next));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public PullBatch pull(String deviceId, String cursor, int limit) {
        Map<String, Long> offsets = parseCursor(cursor);
        List<SyncRecord> out = new ArrayList<>();
        boolean more = false;
        try {
            List<Path> devices = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(segments)) {
                for (Path d : ds) {
                    String name = d.getFileName().toString();
                    if (Files.isDirectory(d) && DEVICE.matcher(name).matches() && !name.equals(deviceId)) {
                        devices.add(d);
                    }
                }
            }
            devices.sort(null);
            outer:
            for (Path d : devices) {
                for (Path seg : segmentFiles(d)) {
                    String key = d.getFileName() + "/" + seg.getFileName();
                    long offset = offsets.getOrDefault(key, 0L);
                    long size;
                    try {
                        size = Files.size(seg);
                    } catch (NoSuchFileException gone) {
                        continue;
                    }
                    if (size <= offset) {
                        continue;
                    }
                    if (out.size() >= limit) {
                        more = true;
                        break outer;
                    }
                    Segments.ReadResult rr = Segments.read(seg, offset, limit - out.size() + (offset == 0 ? 1 : 0));
                    List<byte[]> payloads = rr.payloads();
                    int start = 0;
                    if (offset == 0 && !payloads.isEmpty()) {
                        start = 1; // header
                    }
                    for (int i = start; i < payloads.size(); i++) {
                        try {
                            out.add(RecordCodec.decode(payloads.get(i)));
                        } catch (IllegalArgumentException e) {
                            throw new SyncException("shared store segment " + seg + " holds a record this CHAI cannot"
                                    + " read (" + e.getMessage() + "): update CHAI", e);
                        }
                    }
                    if (!payloads.isEmpty()) {
                        // never only past the magic: the next read from 0 must see the header again
                        offsets.put(key, rr.endOffset());
                    }
                    if (!rr.damagedTail() && rr.endOffset() < size) {
                        more = true; // stopped at the record limit inside this file
                        break outer;
                    }
                }
            }
        } catch (IOException e) {
            throw new SyncException("cannot read shared store " + root + ": " + e.getMessage(), e);
        }
        return new PullBatch(out, writeCursor(offsets), more);
    }

    /**
     * Segment files whose last record is incomplete or damaged (a torn write, or a file a sync client has not
     * finished delivering), for status displays.
     */
    public List<Path> incompleteSegments() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(segments)) {
            for (Path d : ds) {
                for (Path seg : segmentFiles(d)) {
                    if (Segments.read(seg, 0, Integer.MAX_VALUE).damagedTail()) {
                        out.add(seg);
                    }
                }
            }
        } catch (IOException e) {
            throw new SyncException("cannot read shared store " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    private Path deviceDir(String deviceId) {
        if (!DEVICE.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("device id must be 1-64 characters of [A-Za-z0-9_.]: " + deviceId);
        }
        return segments.resolve(deviceId);
    }

    private static List<Path> segmentFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (SEGMENT.matcher(p.getFileName().toString()).matches()) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new SyncException("cannot list shared store folder " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private static long number(Path seg) {
        String n = seg.getFileName().toString();
        return Long.parseLong(n.substring(0, n.length() - ".seg".length()));
    }

    private static JsonNode header(Path seg) {
        try {
            Segments.ReadResult rr = Segments.read(seg, 0, 1, 64 * 1024);
            if (rr.payloads().isEmpty()) {
                return null;
            }
            JsonNode h = MAPPER.readTree(rr.payloads().get(0));
            return h != null && "header".equals(h.path("t").asText()) ? h : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a directory; the atomic move is still all-or-nothing
        }
    }

    static Map<String, Long> parseCursor(String cursor) {
        Map<String, Long> out = new TreeMap<>();
        if (cursor == null || cursor.isBlank()) {
            return out;
        }
        try {
            JsonNode n = MAPPER.readTree(cursor);
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asLong());
            }
        } catch (IOException e) {
            throw new SyncException("the local sync cursor is damaged; delete the project's sync/ folder to pull"
                    + " everything again (nothing is duplicated)", e);
        }
        return out;
    }

    private static String writeCursor(Map<String, Long> offsets) {
        ObjectNode n = MAPPER.createObjectNode();
        offsets.forEach(n::put);
        try {
            return MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
