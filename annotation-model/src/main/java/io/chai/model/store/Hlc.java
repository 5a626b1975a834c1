// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hybrid logical clock timestamp: wall-clock milliseconds, a logical counter that orders events within one
 * millisecond (or while the wall clock stands still or runs backwards), and the id of the device that made it.
 * The string form {@code WWWWWWWWWWWWW-LLLLL-NODE} (13-digit millis, 5-digit counter) sorts lexicographically in
 * the same order as {@link #compareTo}, so it is stored and indexed as text.
 */
public record Hlc(long wallMillis, int logical, String node) implements Comparable<Hlc> {
    /** Largest counter value; the clock advances the wall component instead of overflowing. */
    public static final int MAX_LOGICAL = 99_999;
    private static final Pattern FORMAT = Pattern.compile("(\\d{13})-(\\d{5})-([A-Za-z0-9_.]{1,64})");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9_.]{1,64}");

    public Hlc {
        Objects.requireNonNull(node, "node");
        if (wallMillis < 0 || wallMillis > 9_999_999_999_999L) {
            throw new IllegalArgumentException("HLC wall time out of range: " + wallMillis);
        }
        if (logical < 0 || logical > MAX_LOGICAL) {
            throw new IllegalArgumentException("HLC counter out of range: " + logical);
        }
        if (!NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("HLC node id must be 1-64 characters of [A-Za-z0-9_.]: " + node);
        }
    }

    /** Parses the string form written by {@link #toString()}. */
    public static Hlc parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a hybrid logical clock timestamp: " + text);
        }
        return new Hlc(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }

    @Override
    public int compareTo(Hlc o) {
        int c = Long.compare(wallMillis, o.wallMillis);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(logical, o.logical);
        return c != 0 ? c : node.compareTo(o.node);
    }

    @Override
    public String toString() {
        // "%013d-%05d-%s" without java.util.Formatter: sync formats every timestamp it stores (hot path)
        StringBuilder sb = new StringBuilder(20 + node.length());
        String wall = Long.toString(wallMillis);
        sb.append("0".repeat(13 - wall.length())).append(wall).append('-');
        String counter = Integer.toString(logical);
        return sb.append("0".repeat(5 - counter.length())).append(counter).append('-').append(node).toString();
    }
}
