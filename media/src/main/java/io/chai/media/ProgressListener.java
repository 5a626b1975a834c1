// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

/** Receives progress of a long operation (a frame-index scan). Called on the scanning thread, at most ~20 times/s. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, frames) -> { };

    /**
     * @param fraction estimated completion in [0, 1] (by bytes read)
     * @param framesDone frames decoded so far
     */
    void onProgress(double fraction, long framesDone);
}
