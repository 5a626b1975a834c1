// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The thumbnail cache without a display: newest request first, forgotten requests dropped, LRU eviction. */
class ThumbnailCacheTest {

    @Test
    void servesTheNewestRequestFirstAndDropsForgottenOnes() {
        List<String> loaded = new ArrayList<>();
        LibraryViewModelTest.ManualExecutor worker = new LibraryViewModelTest.ManualExecutor();
        ThumbnailCache<String> cache = new ThumbnailCache<>(id -> {
            loaded.add(id);
            return "picture of " + id;
        }, 3, worker, Runnable::run);
        List<String> shown = new ArrayList<>();
        Consumer<String> a = shown::add;
        Consumer<String> b = shown::add;
        Consumer<String> c = shown::add;
        assertThat(cache.get("a", a)).isNull();     // starts loading a at once
        assertThat(cache.get("b", b)).isNull();
        assertThat(cache.get("c", c)).isNull();
        cache.forget("b", b);                         // scrolled away before it was loaded
        worker.runAll();
        assertThat(loaded).containsExactly("a", "c");
        assertThat(shown).containsExactly("picture of a", "picture of c");
        assertThat(cache.get("a", x -> { })).isEqualTo("picture of a");
        assertThat(cache.pending()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsedAndRemembersFailures() {
        List<String> loaded = new ArrayList<>();
        ThumbnailCache<String> cache = new ThumbnailCache<>(id -> {
            loaded.add(id);
            if (id.equals("broken")) {
                throw new IllegalStateException("cannot decode");
            }
            return id.toUpperCase();
        }, 2, Runnable::run, Runnable::run);
        cache.get("a", x -> { });
        cache.get("b", x -> { });
        assertThat(cache.get("a", x -> { })).isEqualTo("A");  // a is now the most recent
        cache.get("c", x -> { });                               // evicts b
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", x -> { })).isNull();        // evicted: loaded again
        assertThat(cache.get("b", x -> { })).isEqualTo("B");
        assertThat(loaded).containsExactly("a", "b", "c", "b");
        assertThat(cache.get("broken", x -> { })).isNull();
        assertThat(cache.get("broken", x -> { })).isNull();
        assertThat(loaded).filteredOn("broken"::equals).hasSize(1);
        assertThat(cache.loads()).isEqualTo(5);
    }
}
