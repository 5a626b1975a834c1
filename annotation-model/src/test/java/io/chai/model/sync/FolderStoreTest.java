// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.store.Hlc;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStoreTest {
    @TempDir
    Path tmp;

    private static SyncRecord rev(int i, String device) {
        return new SyncRecord.RevisionEntry(new Revision(0, UUID.nameUUIDFromBytes(("r" + i).getBytes()),
                SyncFixtures.clipId("c"), "", RevisionKind.RATING, "alice", device, new Hlc(1_700_000_000_000L + i, 0,
                        device), List.of(), "4", SyncFixtures.SPEC, "1.2.0"));
    }

    private static List<SyncRecord> revs(int from, int to, String device) {
        List<SyncRecord> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(rev(i, device));
        }
        return out;
    }

    @Test
    void recordsRoundTripThroughSegmentsWithClipsFirst() {
        FolderStore s = FolderStore.openOrCreate(tmp.resolve("shared"), SyncFixtures.SPEC, "1.2.0");
        List<SyncRecord> batch = new ArrayList<>();
        batch.add(new SyncRecord.ClipEntry(SyncFixtures.clip("c")));
        batch.addAll(revs(0, 3, "devA"));
        s.push("devA", batch, new PushCursor(3, 1));
        assertThat(s.acknowledged("devA")).isEqualTo(new PushCursor(3, 1));
        assertThat(s.acknowledged("devB")).isEqualTo(PushCursor.START);

        PullBatch b = s.pull("devB", "", 100);
        assertThat(b.records()).containsExactlyElementsOf(batch);
        assertThat(b.more()).isFalse();
        assertThat(s.pull("devB", b.nextCursor(), 100).records()).isEmpty();
        assertThat(s.pull("devA", "", 100).records()).as("own records are not pulled back").isEmpty();
    }

    @Test
    void pullIsBatchedAndResumesFromTheCursor() {
        FolderStore s = FolderStore.openOrCreate(tmp.resolve("shared"), SyncFixtures.SPEC, "1.2.0");
        s.push("devA", revs(0, 12_000, "devA"), new PushCursor(12_000, 0)); // spans two segment files
        List<SyncRecord> got = new ArrayList<>();
        String cursor = "";
        int calls = 0;
        while (true) {
            PullBatch b = s.pull("devB", cursor, 5_000);
            assertThat(b.records().size()).isLessThanOrEqualTo(5_000);
            got.addAll(b.records());
            cursor = b.nextCursor();
            calls++;
            if (!b.more()) {
                break;
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(3);
        assertThat(got).isEqualTo(revs(0, 12_000, "devA"));
        assertThat(s.acknowledged("devA")).isEqualTo(new PushCursor(12_000, 0));
    }

    @Test
    void tornTailIsIgnoredUntilTheRestArrives() throws Exception {
        Path shared = tmp.resolve("shared");
        FolderStore s = FolderStore.openOrCreate(shared, SyncFixtures.SPEC, "1.2.0");
        s.push("devA", revs(0, 10, "devA"), new PushCursor(10, 0));
        Path seg = shared.resolve("segments/devA/000000000001.seg");
        byte[] full = Files.readAllBytes(seg);
        // a sync client delivered only part of the file: cut inside the 6th record
        Files.write(seg, Arrays.copyOf(full, full.length - 30));
        PullBatch first = s.pull("devB", "", 100);
        assertThat(first.records()).hasSize(9);
        assertThat(s.incompleteSegments()).containsExactly(seg);
        // the rest arrives
        Files.write(seg, full);
        PullBatch second = s.pull("devB", first.nextCursor(), 100);
        assertThat(second.records()).containsExactly(rev(9, "devA"));
        assertThat(s.incompleteSegments()).isEmpty();
    }

    @Test
    void corruptedRecordStopsReadingThere() throws Exception {
        Path shared = tmp.resolve("shared");
        FolderStore s = FolderStore.openOrCreate(shared, SyncFixtures.SPEC, "1.2.0");
        s.push("devA", revs(0, 4, "devA"), new PushCursor(4, 0));
        Path seg = shared.resolve("segments/devA/000000000001.seg");
        byte[] bytes = Files.readAllBytes(seg);
        bytes[bytes.length - 3] ^= 0x55; // flip bits in the last record's payload: its CRC32C no longer matches
        Files.write(seg, bytes);
        assertThat(s.pull("devB", "", 100).records()).containsExactlyElementsOf(revs(0, 3, "devA"));
        // garbage length prefix
        Files.write(seg, ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array(),
                StandardOpenOption.APPEND);
        assertThat(s.incompleteSegments()).containsExactly(seg);
    }

    @Test
    void segmentsArrivingOutOfOrderAreAllRead() throws Exception {
        Path shared = tmp.resolve("shared");
        FolderStore s = FolderStore.openOrCreate(shared, SyncFixtures.SPEC, "1.2.0");
        s.push("devA", revs(0, 2, "devA"), new PushCursor(2, 0));
        s.push("devA", revs(2, 4, "devA"), new PushCursor(4, 0));
        Path first = shared.resolve("segments/devA/000000000001.seg");
        Path hidden = tmp.resolve("held-back.seg");
        Files.move(first, hidden);
        PullBatch b1 = s.pull("devB", "", 100);
        assertThat(b1.records()).containsExactlyElementsOf(revs(2, 4, "devA"));
        Files.move(hidden, first);
        PullBatch b2 = s.pull("devB", b1.nextCursor(), 100);
        assertThat(b2.records()).containsExactlyElementsOf(revs(0, 2, "devA"));
    }

    @Test
    void temporaryFilesOfAnInterruptedPushAreIgnored() throws Exception {
        Path shared = tmp.resolve("shared");
        FolderStore s = FolderStore.openOrCreate(shared, SyncFixtures.SPEC, "1.2.0");
        Files.createDirectories(shared.resolve("segments/devA"));
        Files.write(shared.resolve("segments/devA/.tmp-" + UUID.randomUUID()), new byte[] {'C', 'H', 'A', 'I'});
        assertThat(s.pull("devB", "", 100).records()).isEmpty();
        assertThat(s.acknowledged("devA")).isEqualTo(PushCursor.START);
        s.push("devA", revs(0, 1, "devA"), new PushCursor(1, 0));
        assertThat(s.pull("devB", "", 100).records()).hasSize(1);
    }

    @Test
    void manifestIsSharedAndCheckedOnOpen() throws Exception {
        Path shared = tmp.resolve("shared");
        FolderStore a = FolderStore.openOrCreate(shared, SyncFixtures.SPEC, "1.2.0");
        FolderStore b = FolderStore.openOrCreate(shared, SyncFixtures.SPEC, "2.0.0");
        assertThat(b.info().storeId()).isEqualTo(a.info().storeId());
        assertThat(b.info().specVersion()).isEqualTo("1.2.0");
        assertThatThrownBy(() -> FolderStore.open(tmp.resolve("nothing")))
                .isInstanceOf(SyncException.class).hasMessageContaining("no CHAI shared store");
        Files.writeString(shared.resolve(FolderStore.MANIFEST), "{\"format\": \"chai-folder");
        assertThatThrownBy(() -> FolderStore.open(shared)).isInstanceOf(SyncException.class)
                .hasMessageContaining("damaged or incomplete");
    }
}
