// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.jobs;

/** How many jobs of one kind are in each status. */
public record JobCounts(long pending, long leased, long done, long failed, long skipped) {
    public long total() {
        return pending + leased + done + failed + skipped;
    }

    /** Jobs that still have to run (pending or leased). */
    public long open() {
        return pending + leased;
    }
}
