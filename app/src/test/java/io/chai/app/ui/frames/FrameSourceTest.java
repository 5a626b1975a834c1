// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameSourceTest {
    private final TestPatternFrameSource source = new TestPatternFrameSource("t", 300, FrameTiming.of(25, 1), 160, 90);

    @Test
    void everyFrameOfTheTestPatternIsDistinctAndDeterministic() {
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < source.frameCount(); i++) {
            hashes.add(source.frame(i).pixelHash());
        }
        assertThat(hashes).hasSize(300);
        assertThat(source.frame(123).pixelHash()).isEqualTo(source.frame(123).pixelHash());
        assertThatThrownBy(() -> source.frame(300)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void downscaleKeepsTheIndexAndAspect() {
        FramePicture small = source.frame(5).scaledToWidth(40);
        assertThat(small.index()).isEqualTo(5);
        assertThat(small.width()).isEqualTo(40);
        assertThat(small.height()).isEqualTo(23);
    }

    @Test
    void loaderDecodesOnlyTheNewestRequestWhileBusy() {
        Queue<Runnable> decodeQueue = new ArrayDeque<>();
        List<Integer> delivered = new ArrayList<>();
        FrameLoader loader = new FrameLoader(source, decodeQueue::add, Runnable::run,
                p -> delivered.add(p.index()), e -> { throw e; });
        loader.request(1);
        loader.request(2);
        loader.request(3);
        assertThat(decodeQueue).hasSize(1);   // one drain scheduled for all three requests
        decodeQueue.poll().run();
        assertThat(delivered).containsExactly(3);
        loader.request(4);
        decodeQueue.poll().run();
        assertThat(delivered).containsExactly(3, 4);
        loader.close();
        loader.request(5);
        assertThat(decodeQueue).isEmpty();
    }

    @Test
    void loaderReportsDecodeErrorsOnTheDeliveryExecutor() {
        List<RuntimeException> errors = new ArrayList<>();
        FrameLoader loader = new FrameLoader(source, Runnable::run, Runnable::run, p -> { }, errors::add);
        loader.request(999);
        assertThat(errors).singleElement().isInstanceOf(IndexOutOfBoundsException.class);
    }
}
