// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The decode-ahead's policy with a decoder the test drives frame by frame: where it decodes, how it jumps when the
 * picture overtakes it, that stopping closes the decoder, and that a decoder slower than playback is left alone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignatureAheadTest {
    static final int FRAMES = 1000;

    /** Records each frame asked for and waits for the test's permission before answering. */
    static final class Gate implements SignatureAhead.Decoder {
        final BlockingQueue<Integer> asked = new LinkedBlockingQueue<>();
        final Semaphore permits = new Semaphore(0);
        final AtomicInteger opened;
        final AtomicInteger closed;
        final long sleepMillis;

        Gate(AtomicInteger opened, AtomicInteger closed, long sleepMillis) {
            this.opened = opened;
            this.closed = closed;
            this.sleepMillis = sleepMillis;
            opened.incrementAndGet();
        }

        @Override
        public PictureSignature signature(int frame) {
            asked.add(frame);
            try {
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                } else {
                    permits.acquire();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return PictureSignature.ofSamples(frame, new byte[3 * PictureSignature.SAMPLES]);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }

        int next() throws InterruptedException {
            Integer f = asked.poll(10, TimeUnit.SECONDS);
            assertThat(f).as("the decode-ahead asked for a frame").isNotNull();
            return f;
        }
    }

    @Test
    void decodesFromJustBeforeThePictureJumpsAheadWhenOvertakenAndClosesItsDecoderOnStop() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Gate[] gate = new Gate[1];
        SignatureAhead ahead = new SignatureAhead(() -> gate[0] = new Gate(opened, closed, 0), FRAMES, 25, "t");
        try {
            ahead.start(100, 1.0);
            Gate g = waitFor(gate);
            assertThat(g.next()).isEqualTo(100 - FrameMatcher.RADIUS);
            for (int f = 97; f <= 105; f++) {
                g.permits.release();
                assertThat(g.next()).isEqualTo(f);
            }
            // the picture moves on past the decoder (which is on frame 105): it jumps ahead instead of chasing
            ahead.moveTo(130);
            g.permits.release();
            int lead = (int) Math.ceil(25 * SignatureAhead.LEAD_SECONDS);
            assertThat(g.next()).isEqualTo(130 + lead);
            g.permits.release();
            assertThat(g.next()).isEqualTo(131 + lead);
            assertThat(ahead.get(103)).isNotNull().extracting(PictureSignature::frame).isEqualTo(103);
            assertThat(ahead.get(120)).as("given up by the jump").isNull();
            // a seek: decoding starts afresh there
            ahead.start(500, 1.0);
            g.permits.release();
            assertThat(g.next()).isEqualTo(500 - FrameMatcher.RADIUS);
            // pause: the frame being decoded finishes, the decoder is closed, nothing more is asked
            ahead.stop();
            g.permits.release();
            assertThat(ahead.awaitIdle(5000)).isTrue();
            assertThat(closed.get()).isEqualTo(1);
            assertThat(g.asked.poll(300, TimeUnit.MILLISECONDS)).isNull();
            // playing again opens a decoder again
            gate[0] = null;
            ahead.start(500, 1.0);
            Gate g2 = waitFor(gate);
            assertThat(g2.next()).as("496 was decoded before the pause").isEqualTo(497);
            g2.permits.release(1000);
        } finally {
            ahead.close();
        }
        assertThat(ahead.awaitIdle(5000)).isTrue();
        assertThat(closed.get()).isEqualTo(opened.get());
    }

    @Test
    void aDecoderSlowerThanPlaybackIsLeftAloneUntilPlaybackRestarts() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Gate[] gate = new Gate[1];
        // 100 ms a frame: 10 frames a second where playback at 1x shows 25
        SignatureAhead ahead = new SignatureAhead(() -> gate[0] = new Gate(opened, closed, 100), FRAMES, 25, "t");
        try {
            ahead.start(0, 1.0);
            Gate g = waitFor(gate);
            // the picture runs at 25 frames a second against the decoder's 10
            long t0 = System.nanoTime();
            while (!ahead.gaveUp() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                ahead.moveTo((int) ((System.nanoTime() - t0) / 40_000_000L));
                Thread.sleep(10);
            }
            assertThat(ahead.gaveUp()).as("gave up within 20 s").isTrue();
            g.asked.clear();
            Thread.sleep(500);
            assertThat(g.asked).as("nothing decoded while given up").isEmpty();
            ahead.start(300, 1.0);
            assertThat(g.next()).isEqualTo(300 - FrameMatcher.RADIUS);
            assertThat(ahead.gaveUp()).isFalse();
        } finally {
            ahead.close();
        }
    }

    private static Gate waitFor(Gate[] gate) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate[0] == null && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(gate[0]).as("the decoder was opened").isNotNull();
        return gate[0];
    }
}
