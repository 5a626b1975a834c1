// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The clock of one device (Kulkarni et al., "Logical Physical Clocks"). {@link #now()} is strictly increasing
 * even when the wall clock jumps backwards; {@link #observe(Hlc)} merges a timestamp received from another device
 * so that later local events sort after it. Thread-safe.
 */
public final class HybridLogicalClock {
    private final String node;
    private final LongSupplier wallClock;
    private long wall;
    private int logical;

    public HybridLogicalClock(String node, LongSupplier wallClock, Hlc lastSeen) {
        this.node = Objects.requireNonNull(node, "node");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        if (lastSeen != null) {
            wall = lastSeen.wallMillis();
            logical = lastSeen.logical();
        }
    }

    public String node() {
        return node;
    }

    /** A new timestamp for a local event, greater than every timestamp issued or observed before. */
    public synchronized Hlc now() {
        long pt = wallClock.getAsLong();
        if (pt > wall) {
            wall = pt;
            logical = 0;
        } else {
            tick();
        }
        return new Hlc(wall, logical, node);
    }

    /** Merges a timestamp from another device (or from the log on open). */
    public synchronized void observe(Hlc remote) {
        long pt = wallClock.getAsLong();
        long max = Math.max(Math.max(wall, remote.wallMillis()), pt);
        if (max == wall && max == remote.wallMillis()) {
            logical = Math.max(logical, remote.logical());
            tick();
        } else if (max == wall) {
            tick();
        } else if (max == remote.wallMillis()) {
            wall = max;
            logical = remote.logical();
            tick();
        } else {
            wall = max;
            logical = 0;
        }
    }

    private void tick() {
        if (logical >= Hlc.MAX_LOGICAL) {
            wall++;
            logical = 0;
        } else {
            logical++;
        }
    }
}
