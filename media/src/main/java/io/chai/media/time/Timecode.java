// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media.time;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMPTE timecode label {@code HH:MM:SS:FF} (non-drop) or {@code HH:MM:SS;FF} (drop-frame). Timecode counts
 * frames at the {@link FrameRate#nominal() nominal} integer rate; drop-frame timecode (only for 30000/1001 and
 * 60000/1001) skips frame labels 0 and 1 (0–3 at 59.94) at the start of every minute except minutes divisible
 * by ten, so that the label stays within 3.6 ms per hour of wall-clock time. Labels wrap after 24 hours.
 * Pure Java; conversions are exact and round-trip for every frame number in a day.
 */
public record Timecode(int hours, int minutes, int seconds, int frames, boolean dropFrame) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})([:;.,])(\\d{2,3})");

    public Timecode {
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || frames < 0) {
            throw new IllegalArgumentException("timecode field out of range: " + hours + ":" + minutes + ":" + seconds
                    + ":" + frames);
        }
    }

    /** Frames in 24 hours of timecode at {@code rate} (the period after which labels wrap). */
    public static long framesPerDay(FrameRate rate, boolean dropFrame) {
        long nominal = rate.nominal();
        if (!dropFrame) {
            return nominal * 86_400L;
        }
        long drop = rate.dropFramesPerMinute();
        return (nominal * 600 - drop * 9) * 6 * 24;
    }

    /**
     * The label of frame number {@code frame} (0 = 00:00:00:00) at {@code rate}; numbers outside one day wrap.
     *
     * @throws IllegalArgumentException if drop-frame is requested for a rate that has none
     */
    public static Timecode fromFrameNumber(long frame, FrameRate rate, boolean dropFrame) {
        if (dropFrame && !rate.supportsDropFrame()) {
            throw new IllegalArgumentException("drop-frame timecode is only defined for 30000/1001 and 60000/1001, not "
                    + rate);
        }
        long n = Math.floorMod(frame, framesPerDay(rate, dropFrame));
        long nominal = rate.nominal();
        if (dropFrame) {
            long drop = rate.dropFramesPerMinute();
            long per10 = nominal * 600 - drop * 9;
            long perMin = nominal * 60 - drop;
            long tens = n / per10;
            long rem = n % per10;
            n += drop * 9 * tens;
            if (rem > drop) {
                n += drop * ((rem - drop) / perMin);
            }
        }
        int ff = (int) (n % nominal);
        long totalSeconds = n / nominal;
        return new Timecode((int) (totalSeconds / 3600), (int) (totalSeconds / 60 % 60), (int) (totalSeconds % 60), ff,
                dropFrame);
    }

    /** The frame number of this label at {@code rate} (inverse of {@link #fromFrameNumber}). */
    public long toFrameNumber(FrameRate rate) {
        validateFor(rate);
        long nominal = rate.nominal();
        long totalMinutes = hours * 60L + minutes;
        long n = ((hours * 3600L) + minutes * 60L + seconds) * nominal + frames;
        if (dropFrame) {
            n -= rate.dropFramesPerMinute() * (totalMinutes - totalMinutes / 10);
        }
        return n;
    }

    /**
     * Checks that this label exists at {@code rate}: frames below the nominal rate, drop-frame only at 29.97/59.94,
     * and no dropped label (e.g. 00:01:00;00).
     */
    public void validateFor(FrameRate rate) {
        if (frames >= rate.nominal()) {
            throw new IllegalArgumentException("timecode " + this + " has frame " + frames + " but " + rate
                    + " fps counts 0-" + (rate.nominal() - 1));
        }
        if (dropFrame) {
            if (!rate.supportsDropFrame()) {
                throw new IllegalArgumentException("drop-frame timecode " + this + " is not defined at " + rate + " fps");
            }
            if (seconds == 0 && minutes % 10 != 0 && frames < rate.dropFramesPerMinute()) {
                throw new IllegalArgumentException("timecode " + this + " does not exist in drop-frame timecode");
            }
        }
    }

    /**
     * Parses {@code HH:MM:SS:FF}; a {@code ;} (or {@code ,}) before the frames means drop-frame. The label is
     * validated against {@code rate}.
     */
    public static Timecode parse(String text, FrameRate rate) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timecode: '" + text + "' (expected HH:MM:SS:FF or HH:MM:SS;FF)");
        }
        String sep = m.group(4);
        boolean drop = sep.equals(";") || sep.equals(",");
        Timecode tc;
        try {
            tc = new Timecode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(5)), drop);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid timecode: '" + text + "'");
        }
        tc.validateFor(rate);
        return tc;
    }

    /** {@code HH:MM:SS:FF}, or {@code HH:MM:SS;FF} for drop-frame. */
    @Override
    public String toString() {
        return String.format("%02d:%02d:%02d%s%02d", hours, minutes, seconds, dropFrame ? ";" : ":", frames);
    }
}
