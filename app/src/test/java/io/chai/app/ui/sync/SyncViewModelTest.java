// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.app.ui.sync.viewmodel.SharedStoreConfig;
import io.chai.app.ui.sync.viewmodel.SyncStatus;
import io.chai.app.ui.sync.viewmodel.SyncViewModel;
import io.chai.model.domain.Critique;
import io.chai.model.json.ChaiJson;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.sync.Conflict;
import io.chai.model.sync.SyncException;
import io.chai.model.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync indicator's view model on two real project copies (SQLite) syncing through a real shared folder store:
 * pending count, last sync, Sync now with progress and cancel, a conflict from offline edits and its resolution.
 */
class SyncViewModelTest {
    static final Specification SPEC = Specifications.bundled();
    static final String CLIP = "d".repeat(64);
    final JsonMapper json = ChaiJson.newMapper();

    @TempDir
    Path tmp;
    ProjectStore a;
    ProjectStore b;

    ProjectStore copy(String name, Path shared) throws Exception {
        Path dir = tmp.resolve(name);
        ProjectStore p = ProjectStore.create(dir, "team", SPEC.id(), SPEC.version().toString());
        p.addClips(List.of(new NewClip(CLIP, "media/d.mp4", 10, 0, null, new MediaInfo(2.0, 25, 1, 320, 240, 50,
                "h264"), List.of())));
        Files.createDirectories(dir.resolve("sync"));
        Files.writeString(SharedStoreConfig.file(dir), "{\"kind\":\"folder\",\"location\":"
                + json.writeValueAsString(shared.toString()) + "}");
        return p;
    }

    @BeforeEach
    void copies() throws Exception {
        Path shared = tmp.resolve("shared");
        a = copy("a", shared);
        b = copy("b", shared);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    SyncViewModel vm(ProjectStore p) {
        return new SyncViewModel(p, SharedStoreConfig.load(p.directory()), ZoneOffset.UTC);
    }

    void critique(ProjectStore p, String author, String text) throws Exception {
        p.append(RevisionDraft.of(CLIP, "subject", RevisionKind.CRITIQUE, author,
                json.writeValueAsString(Critique.typed(text, List.of()))));
    }

    @Test
    void pendingLastSyncConflictsAndResolutionThroughAFolderStore() throws Exception {
        SyncViewModel va = vm(a);
        SyncViewModel vb = vm(b);
        assertThat(va.shared()).isTrue();
        assertThat(va.config().orElseThrow().describe()).isEqualTo("folder " + tmp.resolve("shared"));
        critique(a, "anna", "The coat is blue, not red.");
        SyncStatus s = va.readStatus();
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.lastSync()).isEmpty();
        assertThat(s.conflicts()).isEmpty();
        va.show(s);
        assertThat(va.textProperty().get()).isEqualTo("Never synced · 1 to push");

        List<String> steps = new ArrayList<>();
        SyncViewModel.Outcome o = va.syncNow(() -> false, steps::add);
        assertThat(o.report().pushedRevisions()).isEqualTo(1);
        assertThat(steps).contains("acknowledged", "pushed-revisions", "pulled");
        assertThat(o.status().pending()).isZero();
        assertThat(o.status().lastSync()).isPresent();
        va.show(o.status());
        assertThat(va.textProperty().get()).startsWith("Synced ").endsWith(" · 0 to push");
        assertThat(va.lastSyncProperty().get()).isEqualTo(o.status().lastSync().get());

        // b edits the same critique offline, then syncs: both versions kept, a visible conflict
        critique(b, "bob", "The coat is green.");
        SyncReport rb = vb.syncNow(() -> false, x -> { }).report();
        assertThat(rb.pushedRevisions()).isEqualTo(1);
        assertThat(rb.appliedRevisions()).isEqualTo(1);
        SyncStatus sb = vb.readStatus();
        assertThat(sb.conflicts()).hasSize(1);
        vb.show(sb);
        assertThat(vb.textProperty().get()).endsWith(" · 0 to push · 1 conflict");
        assertThat(vb.conflicts()).hasSize(1);

        SyncStatus sa = va.syncNow(() -> false, x -> { }).status();
        assertThat(sa.conflicts()).hasSize(1);
        Conflict c = sa.conflicts().get(0);
        assertThat(c.authors()).containsExactly("anna", "bob");
        Revision bobs = c.heads().stream().filter(r -> r.author().equals("bob")).findFirst().orElseThrow();
        Revision merge = va.resolve(c, bobs, "anna");
        assertThat(merge.parents()).containsExactlyInAnyOrderElementsOf(c.heads().stream().map(Revision::uuid)
                .toList());
        assertThat(va.readStatus().conflicts()).isEmpty();
        assertThat(va.readStatus().pending()).isEqualTo(1);
        va.syncNow(() -> false, x -> { });
        assertThat(vb.syncNow(() -> false, x -> { }).status().conflicts()).isEmpty();
        assertThat(b.current(CLIP, "subject", RevisionKind.CRITIQUE).orElseThrow().payload())
                .contains("The coat is green.");
        assertThatThrownBy(() -> va.resolve(c, merge, "anna")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledSyncStopsAtADurableStepAndTheNextOneFinishes() throws Exception {
        SyncViewModel va = vm(a);
        critique(a, "anna", "First.");
        critique(a, "anna", "Second.");
        assertThatThrownBy(() -> va.syncNow(() -> true, x -> { })).isInstanceOf(CancellationException.class);
        assertThat(va.readStatus().pending()).isEqualTo(2);
        assertThat(va.readStatus().lastSync()).isEmpty();
        SyncViewModel.Outcome o = va.syncNow(() -> false, x -> { });
        assertThat(o.report().pushedRevisions()).isEqualTo(2);
        assertThat(o.status().pending()).isZero();
        SyncReport rb = vm(b).syncNow(() -> false, x -> { }).report();
        assertThat(rb.appliedRevisions()).isEqualTo(2);
    }

    @Test
    void withoutASharedStoreTheIndicatorSaysNotSharedAndADamagedFileIsOneLine() throws Exception {
        Files.delete(SharedStoreConfig.file(a.directory()));
        SyncViewModel va = vm(a);
        assertThat(va.shared()).isFalse();
        assertThat(va.textProperty().get()).isEqualTo("Not shared");
        assertThat(va.tooltipProperty().get()).contains("chai sync --store DIR");
        assertThatThrownBy(va::readStatus).isInstanceOf(SyncException.class).hasMessageContaining("no shared store");

        // shared from the command line while the window is open: the indicator notices on its next refresh
        Files.writeString(SharedStoreConfig.file(a.directory()), "{\"kind\":\"folder\",\"location\":"
                + json.writeValueAsString(tmp.resolve("shared").toString()) + "}");
        assertThat(va.reloadConfig()).isTrue();
        assertThat(va.textProperty().get()).isEqualTo("Shared · status not read yet");
        assertThat(va.readStatus().pending()).isZero();

        Files.writeString(SharedStoreConfig.file(a.directory()), "{ not json");
        assertThatThrownBy(() -> SharedStoreConfig.load(a.directory())).isInstanceOf(SyncException.class)
                .hasMessageContaining("is damaged").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        SyncViewModel other = new SyncViewModel(a, Optional.empty(), ZoneOffset.UTC);
        other.showFailure("x");
        assertThat(other.textProperty().get()).isEqualTo("Sync problem · never synced");
    }
}
