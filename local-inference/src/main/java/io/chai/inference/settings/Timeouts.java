// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Network timeouts of one server profile. {@code connect} bounds the TCP connect; {@code read} bounds the wait for
 * the response headers and every silence between two received chunks of the body (so a long streamed answer never
 * times out while it is still arriving).
 */
public record Timeouts(Duration connect, Duration read) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(120));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            throw new SettingsException("Timeouts must be positive (connect " + connect + ", read " + read + ").");
        }
    }
}
