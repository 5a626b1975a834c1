// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.VideoClip;
import io.chai.media.time.Rational;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Shared options and helpers of the media commands (probe, index, frame, sample, strip). */
final class MediaCli {
    private MediaCli() {
    }

    /** {@code --cache DIR}: where frame indexes are kept. */
    static final class CacheOption {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "frame-index cache directory (default: $XDG_CACHE_HOME/chai/frame-index or "
                        + "~/.cache/chai/frame-index)")
        Path cache;

        IndexStore store() {
            return new IndexStore(cache != null ? cache : IndexStore.defaultDirectory());
        }
    }

    /** {@code --from I --to I}: a frame range (default: the whole clip). */
    static final class RangeOption {
        @Option(names = "--from", paramLabel = "I", defaultValue = "0", description = "first frame of the range")
        int from;

        @Option(names = "--to", paramLabel = "I", description = "last frame of the range (default: last frame)")
        Integer to;

        /** Exclusive end index of the range in {@code index}. */
        int end(io.chai.media.FrameIndex index) {
            return (to == null ? index.frameCount() - 1 : to) + 1;
        }
    }

    /** Opens a clip, scanning it with progress on {@code err} when it has no stored index. */
    static VideoClip open(Path file, CacheOption cache, PrintWriter err) {
        int[] lastPercent = {-1};
        return VideoClip.open(file, cache.store(), (fraction, frames) -> {
            int percent = (int) Math.floor(fraction * 100);
            if (percent / 10 != lastPercent[0] / 10) {
                err.printf(Locale.ROOT, "indexing %s: %d%% (%d frames)%n", file.getFileName(), percent, frames);
                err.flush();
            }
            lastPercent[0] = percent;
        }, CancellationToken.NONE);
    }

    /**
     * Parses a time in seconds: {@code 12.5}, {@code 1001/1000}, {@code 1:02.5} or {@code 1:02:03.25}.
     */
    static Rational parseTime(String text) {
        String t = text.trim();
        try {
            String[] parts = t.split(":");
            if (parts.length > 3) {
                throw new IllegalArgumentException();
            }
            Rational total = Rational.ZERO;
            for (int k = 0; k < parts.length; k++) {
                Rational part = Rational.parse(parts[k]);
                if (k < parts.length - 1 && (part.den() != 1 || part.signum() < 0)) {
                    throw new IllegalArgumentException();
                }
                total = total.times(60).plus(part);
            }
            return total;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserFacingException("not a time: '" + text + "' (use seconds like 12.5 or 1001/1000, or"
                    + " [h:]m:s.fff)");
        }
    }
}
