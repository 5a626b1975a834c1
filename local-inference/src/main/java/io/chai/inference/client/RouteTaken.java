// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import io.chai.inference.settings.Dialect;
import java.util.List;

/**
 * How a request actually went out: the dialect, the video mode that succeeded, whether the output was constrained
 * by the server, and one note per fallback or retry (e.g. "server rejected video_url (HTTP 400); sent 16 frames as
 * images").
 */
public record RouteTaken(Dialect dialect, VideoMode videoMode, boolean serverConstrained, int attempts,
        List<String> notes) {
    public RouteTaken {
        notes = List.copyOf(notes);
    }

    public boolean fellBack() {
        return !notes.isEmpty();
    }
}
