// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.nio.file.Path;

/**
 * Reads the facts of one media file on import. The application wires the real implementation (FFmpeg, in module
 * media) through an adapter; the store never depends on media code. Implementations must be thread-safe: import
 * probes several files at once.
 */
@FunctionalInterface
public interface MediaProber {
    /**
     * Probes {@code file}; throws with a one-line reason (e.g. "no video stream") when the file is not readable
     * media.
     */
    MediaInfo probe(Path file) throws Exception;
}
