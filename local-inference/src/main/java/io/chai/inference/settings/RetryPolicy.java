// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries with exponential backoff on HTTP 429 and 5xx: at most {@code maxRetries} further attempts, waiting
 * {@code initialBackoff}·2^n (capped at {@code maxBackoff}), or the server's {@code Retry-After} when it sends one
 * (also capped).
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(20));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0 || maxRetries > 20) {
            throw new SettingsException("maxRetries must be between 0 and 20, not " + maxRetries + ".");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new SettingsException("Backoff must be positive and maxBackoff >= initialBackoff.");
        }
    }

    /** The wait before retry number {@code retry} (0-based), honouring a server hint when present. */
    public Duration backoff(int retry, Duration serverHint) {
        if (serverHint != null && !serverHint.isNegative()) {
            return serverHint.compareTo(maxBackoff) > 0 ? maxBackoff : serverHint;
        }
        long ms = initialBackoff.toMillis() << Math.min(retry, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
