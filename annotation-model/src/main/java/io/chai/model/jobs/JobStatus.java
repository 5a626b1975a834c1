// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.jobs;

import java.util.Locale;

/**
 * Where a job is: {@code PENDING} (ready once its retry time has come) → {@code LEASED} (a worker holds it until
 * the lease expires) → {@code DONE} (result recorded), {@code FAILED} (retries exhausted or not retryable, error
 * recorded) or {@code SKIPPED} (could not run yet, reason recorded). An expired lease makes the job available again.
 */
public enum JobStatus {
    PENDING, LEASED, DONE, FAILED, SKIPPED;

    /** The stored name, e.g. {@code pending}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
