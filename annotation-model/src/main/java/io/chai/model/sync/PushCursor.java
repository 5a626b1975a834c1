// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

/**
 * How far a shared store has durably acknowledged one device's pushes: the local sequence number of its last
 * revision and the local import number of its last clip. Both only ever grow.
 */
public record PushCursor(long seq, long clipNo) {
    public static final PushCursor START = new PushCursor(0, 0);

    public PushCursor {
        if (seq < 0 || clipNo < 0) {
            throw new IllegalArgumentException("push cursor must not be negative");
        }
    }

    /** The later of this cursor and {@code o}, component by component. */
    public PushCursor max(PushCursor o) {
        return new PushCursor(Math.max(seq, o.seq), Math.max(clipNo, o.clipNo));
    }
}
