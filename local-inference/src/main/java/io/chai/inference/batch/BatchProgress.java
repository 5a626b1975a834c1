// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a batch stands, counted on the shared queue (so work finished by other workers counts too).
 *
 * @param finished  jobs finished (written, skipped or failed) since this run started
 * @param total     jobs open when this run started plus those queued later
 * @param written   pre-captions written by this runner
 * @param skipped   jobs this runner skipped (dependencies not approved)
 * @param failed    jobs this runner reported as failed
 * @param perMinute finish rate since the start
 * @param eta       time left at that rate, when there is a rate
 */
public record BatchProgress(long finished, long total, long written, long skipped, long failed, double perMinute,
        Optional<Duration> eta) {
}
