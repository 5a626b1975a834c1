// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** Token counts reported by the server; a field is null when the server did not report it. */
public record Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {
    public static final Usage UNKNOWN = new Usage(null, null, null);
}
