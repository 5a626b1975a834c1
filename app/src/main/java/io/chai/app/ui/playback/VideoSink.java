// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import java.nio.ByteBuffer;

/**
 * Where {@link VlcStream} puts its pictures. {@code buffer} holds {@code width × height} pixels as BGRA
 * (premultiplied, opaque), rows of {@code 4 × width} bytes; it stays the same object until the size changes.
 * Both calls come from libVLC's video thread and must return quickly.
 */
public interface VideoSink {
    /** A new picture size: {@code buffer} is the (new) buffer later pictures are written to. */
    void format(ByteBuffer buffer, int width, int height);

    /** A new picture was written to the buffer. */
    void picture();
}
