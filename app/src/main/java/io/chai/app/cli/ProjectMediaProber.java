// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProbeResult;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.MediaProber;
import java.nio.file.Path;

/**
 * Adapter from the media module's probe to the store's {@link MediaProber}: indexes each clip by decoding (the
 * frame index is kept in the project's {@code cache/frame-index}) and keeps the facts the project stores.
 */
final class ProjectMediaProber implements MediaProber {
    private final IndexStore indexes;
    private final CancellationToken token;

    ProjectMediaProber(Path projectDir, CancellationToken token) {
        this.indexes = new IndexStore(projectDir.resolve("cache/frame-index"));
        this.token = token;
    }

    @Override
    public MediaInfo probe(Path file) {
        try (VideoClip clip = VideoClip.open(file, indexes, ProgressListener.NONE, token)) {
            ProbeResult p = clip.probe();
            return new MediaInfo(p.duration().toDouble(), p.frameRate().num(), p.frameRate().den(), p.displayWidth(),
                    p.displayHeight(), p.frameCount(), p.codec());
        }
    }
}
