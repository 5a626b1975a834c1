// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/**
 * Receives the answer as it streams. Called on the client's worker thread, in order. Text seen here is provisional:
 * only the {@link ChatCall}'s final result counts, and it is absent when the stream fails.
 */
@FunctionalInterface
public interface StreamListener {
    void onText(String chunk);

    /** Called when a fallback or retry starts over; text received so far should be discarded. */
    default void onRestart(String reason) {
    }
}
