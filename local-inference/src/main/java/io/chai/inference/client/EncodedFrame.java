// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One encoded still frame of a clip, ready to send.
 *
 * @param index      the frame's index in the source video (used for vLLM's {@code frames_indices})
 * @param ptsSeconds its presentation time in seconds from the start of the clip
 * @param mime       {@code image/jpeg} or {@code image/png}
 * @param bytes      the encoded image
 */
public record EncodedFrame(long index, double ptsSeconds, String mime, byte[] bytes) {
    public EncodedFrame {
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(bytes, "bytes");
        if (!mime.equals("image/jpeg") && !mime.equals("image/png")) {
            throw new IllegalArgumentException("Frames must be image/jpeg or image/png, not " + mime);
        }
        if (index < 0 || ptsSeconds < 0 || Double.isNaN(ptsSeconds)) {
            throw new IllegalArgumentException("Frame index and time must be non-negative");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("Frame " + index + " has no bytes");
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The frame as a {@code data:} URI, e.g. {@code data:image/jpeg;base64,/9j/...}. */
    public String dataUri() {
        return "data:" + mime + ";base64," + base64();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedFrame f && f.index == index && f.ptsSeconds == ptsSeconds && f.mime.equals(mime)
                && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, ptsSeconds, mime, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "EncodedFrame[index=" + index + ", pts=" + ptsSeconds + ", " + mime + ", " + bytes.length + " bytes]";
    }
}
