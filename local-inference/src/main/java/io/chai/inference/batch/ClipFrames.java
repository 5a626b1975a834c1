// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.FrameSampling;
import io.chai.inference.client.JpegFrameEncoder;
import io.chai.inference.roles.ClipInput;
import io.chai.media.CancellationToken;
import io.chai.media.FrameIndex;
import io.chai.media.FrameSampler;
import io.chai.media.IndexStore;
import io.chai.media.VideoClip;
import io.chai.media.VideoFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Samples a clip's frames once (uniformly over the whole clip) as the model input shared by all its aspects. */
final class ClipFrames {
    private ClipFrames() {
    }

    static ClipInput sample(Path clip, IndexStore indexes, int count, long maxPixels, CancellationToken token) {
        try (VideoClip v = VideoClip.open(clip, indexes, (fraction, frames) -> { }, token)) {
            FrameIndex index = v.index();
            int n = Math.min(count, index.frameCount());
            int[] picks = FrameSampler.uniform(index, n, 0, index.frameCount());
            JpegFrameEncoder jpeg = JpegFrameEncoder.standard();
            List<EncodedFrame> frames = new ArrayList<>(picks.length);
            for (VideoFrame f : FrameSampler.decode(v.decoder(), picks, maxPixels)) {
                token.throwIfCancelled();
                frames.add(jpeg.encode(f.toBufferedImage(), f.index(), index.time(f.index()).toDouble()));
            }
            double duration = index.duration().toDouble();
            FrameSampling sampling = duration > 0
                    ? new FrameSampling(index.frameCount() / duration, index.frameCount(), duration) : null;
            return new ClipInput(frames, sampling, null, null);
        }
    }
}
