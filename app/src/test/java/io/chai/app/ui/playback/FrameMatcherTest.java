// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.frames.FramePicture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The matcher on synthetic signatures: unique matches, colour conversions, ties, missing signatures. */
class FrameMatcherTest {
    static final int N = 100;

    /**
     * Frames whose samples take a random walk from frame to frame (every sample moves up to 20 levels, kept within
     * 20..235 so a colour conversion does not clip): neighbours differ by about 11.5 levels RMS, frames further
     * apart by more, and no two frames repeat.
     */
    static List<PictureSignature> clip(long seed) {
        Random rnd = new Random(seed);
        List<PictureSignature> out = new ArrayList<>();
        int[] v = new int[3 * PictureSignature.SAMPLES];
        for (int i = 0; i < v.length; i++) {
            v[i] = 20 + rnd.nextInt(216);
        }
        for (int f = 0; f < N; f++) {
            byte[] s = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                if (f > 0) {
                    v[i] = Math.max(20, Math.min(235, v[i] + rnd.nextInt(41) - 20));
                }
                s[i] = (byte) v[i];
            }
            out.add(PictureSignature.ofSamples(f, s));
        }
        return out;
    }

    /**
     * The samples as another YUV-to-RGB matrix would give them: greys unchanged, colours moved by a linear function
     * of the chroma (about as far as BT.601 is from BT.709), rounded.
     */
    static PictureSignature converted(PictureSignature p) {
        double[][] m = {{0.07, 0.02}, {-0.05, -0.03}, {0.01, 0.09}};
        byte[] s = new byte[3 * PictureSignature.SAMPLES];
        for (int i = 0; i < PictureSignature.SAMPLES; i++) {
            int d0 = p.value(i, 0) - p.value(i, 1);
            int d1 = p.value(i, 2) - p.value(i, 1);
            for (int c = 0; c < 3; c++) {
                double v = p.value(i, c) + m[c][0] * d0 + m[c][1] * d1;
                s[3 * i + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }
        return PictureSignature.ofSamples(-1, s);
    }

    static IntFunction<PictureSignature> all(List<PictureSignature> frames) {
        return f -> f >= 0 && f < frames.size() ? frames.get(f) : null;
    }

    static IntFunction<PictureSignature> without(List<PictureSignature> frames, int... missing) {
        Set<Integer> gone = new HashSet<>();
        for (int m : missing) {
            gone.add(m);
        }
        return f -> gone.contains(f) ? null : all(frames).apply(f);
    }

    static PictureSignature shown(PictureSignature p) {
        byte[] s = new byte[3 * PictureSignature.SAMPLES];
        for (int i = 0; i < PictureSignature.SAMPLES; i++) {
            for (int c = 0; c < 3; c++) {
                s[3 * i + c] = (byte) p.value(i, c);
            }
        }
        return PictureSignature.ofSamples(-1, s);
    }

    @Test
    void identicalPictureIsMatchedExactlyWhereverTheEstimateIsWithinReach() {
        List<PictureSignature> frames = clip(1);
        PictureMatch m = new PictureMatch(shown(frames.get(40)));
        assertThat(m.rms(frames.get(40))).isZero();
        for (int estimate : new int[] {40, 38, 44, 36, 33, 50, 60}) {
            assertThat(FrameMatcher.match(m, estimate, N, all(frames)))
                    .as("estimate %d", estimate).isEqualTo(new FrameMatcher.Match(40, true));
        }
    }

    @Test
    void aDifferentColourConversionOfTheSameFrameStillMatchesItAndNoOther() {
        List<PictureSignature> frames = clip(2);
        for (int f : new int[] {0, 1, 37, 98, 99}) {
            PictureMatch m = new PictureMatch(converted(frames.get(f)));
            double own = m.rms(frames.get(f));
            assertThat(own).as("own frame %d", f).isLessThan(1.0);
            for (int g = Math.max(0, f - 5); g <= Math.min(N - 1, f + 5); g++) {
                if (g != f) {
                    assertThat(m.rms(frames.get(g))).as("frame %d vs %d", g, f).isGreaterThan(10 * own + 5);
                }
            }
            assertThat(FrameMatcher.match(m, f + 1, N, all(frames))).isEqualTo(new FrameMatcher.Match(f, true));
            assertThat(FrameMatcher.match(m, f - 3, N, all(frames))).isEqualTo(new FrameMatcher.Match(f, true));
        }
    }

    @Test
    void identicalNeighboursAgreeWithTheNumberNearestTheEstimate() {
        List<PictureSignature> frames = new ArrayList<>(clip(3));
        // a still: frames 50..56 are the same picture
        for (int f = 51; f <= 56; f++) {
            frames.set(f, PictureSignature.ofSamples(f, bytes(frames.get(50))));
        }
        PictureMatch m = new PictureMatch(shown(frames.get(53)));
        assertThat(FrameMatcher.match(m, 54, N, all(frames))).isEqualTo(new FrameMatcher.Match(54, true));
        assertThat(FrameMatcher.match(m, 48, N, all(frames))).isEqualTo(new FrameMatcher.Match(50, true));
        assertThat(FrameMatcher.match(m, 59, N, all(frames))).isEqualTo(new FrameMatcher.Match(56, true));
    }

    @Test
    void aMissingSignatureNearTheEstimateMeansEstimatedNotExact() {
        List<PictureSignature> frames = clip(4);
        PictureMatch m = new PictureMatch(shown(frames.get(30)));
        // the frame itself missing: another frame must not be claimed
        assertThat(FrameMatcher.match(m, 30, N, without(frames, 30))).isEqualTo(new FrameMatcher.Match(30, false));
        // a neighbour within the radius missing: it could have been the picture
        assertThat(FrameMatcher.match(m, 31, N, without(frames, 31 + FrameMatcher.RADIUS)))
                .isEqualTo(new FrameMatcher.Match(31, false));
        // nothing decoded yet
        assertThat(FrameMatcher.match(m, 29, N, f -> null)).isEqualTo(new FrameMatcher.Match(29, false));
        // a signature kept for another frame (ring slot reused) is not this frame's
        assertThat(FrameMatcher.match(m, 30, N, f -> frames.get(Math.min(N - 1, f + 1))))
                .isEqualTo(new FrameMatcher.Match(30, false));
    }

    @Test
    void anEstimateFurtherOffThanTheRadiusIsFollowedPastTheEdgeUnlessSignaturesRunOut() {
        List<PictureSignature> frames = clip(5);
        PictureMatch m = new PictureMatch(shown(frames.get(70)));
        int estimate = 70 - FrameMatcher.RADIUS - 6;
        assertThat(FrameMatcher.match(m, estimate, N, all(frames))).isEqualTo(new FrameMatcher.Match(70, true));
        assertThat(FrameMatcher.match(m, estimate, N, without(frames, 68)))
                .isEqualTo(new FrameMatcher.Match(estimate, false));
    }

    @Test
    void furtherEstimatesAreTriedInTurnAndTheFirstIsReportedWhenNoneMatches() {
        List<PictureSignature> frames = clip(12);
        PictureMatch m = new PictureMatch(shown(frames.get(70)));
        assertThat(FrameMatcher.match(m, new int[] {20, 70, 40}, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(70, true));
        assertThat(FrameMatcher.match(m, new int[] {20, 40}, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(20, false));
        // each window under the same rules: a missing neighbour of the right frame still means not exact
        assertThat(FrameMatcher.match(m, new int[] {20, 70}, N, without(frames, 72)))
                .isEqualTo(new FrameMatcher.Match(20, false));
    }

    @Test
    void aPictureUnlikeEveryCandidateIsNotClaimed() {
        List<PictureSignature> frames = clip(6);
        List<PictureSignature> other = clip(7);
        PictureMatch m = new PictureMatch(shown(other.get(20)));
        assertThat(FrameMatcher.match(m, 20, N, all(frames))).isEqualTo(new FrameMatcher.Match(20, false));
    }

    @Test
    void aFlatPictureMatchesOnlyAFlatFrameOfTheSameLevelNotAnyFlatFrame() {
        List<PictureSignature> frames = new ArrayList<>(clip(8));
        for (int f = 10; f < 20; f++) {
            frames.set(f, flat(f, 235)); // white
        }
        frames.set(15, flat(15, 16)); // one black frame amid white ones
        PictureMatch black = new PictureMatch(flat(-1, 16));
        assertThat(black.rms(frames.get(12))).isGreaterThan(200);
        assertThat(FrameMatcher.match(black, 13, N, all(frames))).isEqualTo(new FrameMatcher.Match(15, true));
        PictureMatch grey = new PictureMatch(flat(-1, 128));
        assertThat(FrameMatcher.match(grey, 13, N, all(frames))).isEqualTo(new FrameMatcher.Match(13, false));
    }

    @Test
    void theFramesOfAFadeStayApart() {
        List<PictureSignature> frames = new ArrayList<>(clip(11));
        PictureSignature base = frames.get(60);
        for (int f = 60; f < 70; f++) {
            byte[] s = new byte[3 * PictureSignature.SAMPLES];
            double gain = 1 - 0.03 * (f - 60);
            for (int i = 0; i < PictureSignature.SAMPLES; i++) {
                for (int c = 0; c < 3; c++) {
                    s[3 * i + c] = (byte) Math.round(base.value(i, c) * gain);
                }
            }
            frames.set(f, PictureSignature.ofSamples(f, s));
        }
        assertThat(FrameMatcher.match(new PictureMatch(shown(frames.get(64))), 66, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(64, true));
        assertThat(FrameMatcher.match(new PictureMatch(converted(frames.get(64))), 62, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(64, true));
    }

    @Test
    void theClipsEdgesBoundTheSearch() {
        List<PictureSignature> frames = clip(9);
        assertThat(FrameMatcher.match(new PictureMatch(shown(frames.get(0))), 0, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(0, true));
        assertThat(FrameMatcher.match(new PictureMatch(shown(frames.get(N - 1))), N + 5, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(N - 1, true));
        assertThat(FrameMatcher.match(new PictureMatch(shown(frames.get(2))), -3, N, all(frames)))
                .isEqualTo(new FrameMatcher.Match(2, true));
    }

    @Test
    void signaturesOfTheSamePictureAgreeWhateverItsForm() {
        int w = 320;
        int h = 180;
        int[] argb = new int[w * h];
        byte[] bgra = new byte[4 * w * h];
        Random rnd = new Random(10);
        for (int i = 0; i < argb.length; i++) {
            int r = rnd.nextInt(256);
            int g = rnd.nextInt(256);
            int b = rnd.nextInt(256);
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
            bgra[4 * i] = (byte) b;
            bgra[4 * i + 1] = (byte) g;
            bgra[4 * i + 2] = (byte) r;
            bgra[4 * i + 3] = (byte) 0xFF;
        }
        FramePicture p = new FramePicture(7, w, h, argb);
        PictureSignature a = PictureSignature.of(p);
        PictureSignature b = PictureSignature.ofBgra(-1, bgra, w, h);
        assertThat(a.frame()).isEqualTo(7);
        assertThat(a.distance(b)).isZero();
        // and the sample points are PictureDistance's: the same sum of differences against another picture
        int[] other = argb.clone();
        for (int i = 0; i < other.length; i += 7) {
            other[i] ^= 0x00405020;
        }
        FramePicture q = new FramePicture(8, w, h, other);
        assertThat(new PictureDistance(bgra, w, h).applyAsLong(q)).isEqualTo(b.distance(PictureSignature.of(q)))
                .isPositive();
        assertThat(new PictureMatch(b).applyAsLong(p)).isZero();
        assertThat(new PictureMatch(b).applyAsLong(q)).isPositive();
    }

    static PictureSignature flat(int frame, int level) {
        byte[] s = new byte[3 * PictureSignature.SAMPLES];
        java.util.Arrays.fill(s, (byte) level);
        return PictureSignature.ofSamples(frame, s);
    }

    static byte[] bytes(PictureSignature p) {
        byte[] s = new byte[3 * PictureSignature.SAMPLES];
        for (int i = 0; i < PictureSignature.SAMPLES; i++) {
            for (int c = 0; c < 3; c++) {
                s[3 * i + c] = (byte) p.value(i, c);
            }
        }
        return s;
    }
}
