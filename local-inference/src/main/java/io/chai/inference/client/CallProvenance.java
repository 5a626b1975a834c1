// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import io.chai.inference.settings.Dialect;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a model output came from, to be stored with it: the profile, the server's base URL, the model requested
 * and the one the server says answered, the response id, when it started and how long it took.
 */
public record CallProvenance(String serverName, String baseUrl, String requestedModel, String respondingModel,
        Dialect dialect, String responseId, Instant startedAt, Duration duration, Duration timeToFirstToken) {
}
