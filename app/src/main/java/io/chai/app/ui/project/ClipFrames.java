// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.JpegFrameEncoder;
import io.chai.inference.roles.ClipInput;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The clip as the pre-captioner sees it: {@value #FRAMES} evenly spaced exact frames, JPEG-encoded, decoded once
 * on first use with a decoder of its own (the player's decoder stays on its thread).
 */
final class ClipFrames implements Supplier<ClipInput> {
    static final int FRAMES = 4;
    private final Path file;
    private final IndexStore indexes;
    private ClipInput cached;

    ClipFrames(Path file, IndexStore indexes) {
        this.file = file;
        this.indexes = indexes;
    }

    @Override
    public synchronized ClipInput get() {
        if (cached == null) {
            try (MediaFrameSource src = MediaFrameSource.open(file, indexes, ProgressListener.NONE,
                    CancellationToken.NONE)) {
                List<EncodedFrame> frames = new ArrayList<>();
                int n = src.frameCount();
                JpegFrameEncoder enc = JpegFrameEncoder.standard();
                for (int k = 0; k < FRAMES; k++) {
                    int i = (int) Math.min(n - 1, Math.round((k + 0.5) * n / FRAMES));
                    FramePicture p = src.frame(i);
                    BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
                    img.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
                    frames.add(enc.encode(img, i, src.seconds(i)));
                }
                cached = ClipInput.of(frames);
            }
        }
        return cached;
    }
}
