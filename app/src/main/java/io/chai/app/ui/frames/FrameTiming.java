// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import io.chai.media.time.FrameRate;
import io.chai.media.time.Timecode;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clip's constant frame rate as the player uses it: frame index to seconds and to SMPTE timecode (through
 * {@link io.chai.media.time.Timecode}; drop-frame at 29.97 and 59.94), and parsing of a position typed by the
 * user.
 */
public record FrameTiming(FrameRate rate) {
    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*s");
    private static final Pattern FRAME = Pattern.compile("#?\\s*(\\d{1,9})");

    public FrameTiming {
        if (rate == null) {
            throw new IllegalArgumentException("frame rate missing");
        }
    }

    public static FrameTiming of(long num, long den) {
        return new FrameTiming(new FrameRate(num, den));
    }

    public double fps() {
        return rate.fps();
    }

    /** Frames per timecode second (24 for 23.976). */
    public int nominalFps() {
        return rate.nominal();
    }

    /** Start time of frame {@code index} in seconds. */
    public double seconds(int index) {
        return (double) index * rate.den() / rate.num();
    }

    /** SMPTE timecode of frame {@code index} (drop-frame where the rate has it). */
    public String timecode(int index) {
        return Timecode.fromFrameNumber(Math.max(0, index), rate, rate.supportsDropFrame()).toString();
    }

    /** The frame on screen at {@code seconds}. */
    public int frameAt(double seconds) {
        return (int) Math.floor(seconds * rate.num() / rate.den() + 1e-9);
    }

    /**
     * Parses a position: a frame number ({@code 120} or {@code #120}), a timecode ({@code 00:00:05:00}, or
     * {@code ;} for drop-frame) or seconds ({@code 5.2s}). Empty when the text is none of these or names a
     * timecode that does not exist at this rate.
     */
    public OptionalInt parsePosition(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.indexOf(':') >= 0) {
            try {
                long f = Timecode.parse(t, rate).toFrameNumber(rate);
                return f > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) f);
            } catch (IllegalArgumentException e) {
                return OptionalInt.empty();
            }
        }
        Matcher m = SECONDS.matcher(t);
        if (m.matches()) {
            return OptionalInt.of(frameAt(Double.parseDouble(m.group(1))));
        }
        m = FRAME.matcher(t);
        if (m.matches()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        return OptionalInt.empty();
    }
}
