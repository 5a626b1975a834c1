// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One request the loopback server received, with what its checks found.
 *
 * @param sequence       1-based arrival order
 * @param method         HTTP method
 * @param path           request path
 * @param headers        request headers (lower-case names, first value)
 * @param body           the parsed JSON body, or null (GET, or not JSON)
 * @param violations     every way the request breaks the API contract; empty for a valid request
 * @param imageCount     number of images ({@code image_url} parts or Ollama {@code images})
 * @param imageSizes     "WxH" per image, in order
 * @param videoKind      null, {@code jpeg-frames}, {@code mp4}, {@code file} or {@code url}
 * @param videoFrames    number of frames in a {@code data:video/jpeg} video
 * @param stream         whether the request asked for streaming
 * @param behavior       what the server did with it
 */
public record RecordedRequest(int sequence, String method, String path, Map<String, String> headers, JsonNode body,
        List<String> violations, int imageCount, List<String> imageSizes, String videoKind, int videoFrames,
        boolean stream, Behavior behavior) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
        violations = List.copyOf(violations);
        imageSizes = List.copyOf(imageSizes);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public boolean hasVideo() {
        return videoKind != null;
    }
}
