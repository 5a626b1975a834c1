// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

/** Receives progress of a batch run (from worker threads; implementations must be thread-safe). */
@FunctionalInterface
public interface BatchListener {
    BatchListener NONE = p -> { };

    void onProgress(BatchProgress progress);
}
