// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import io.chai.media.FfmpegCli;
import io.chai.model.domain.ClipId;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small real clips made with the ffmpeg command line (the media module's test pattern: generated once into
 * {@code target/}, reused while present) and registered in a project by content hash.
 */
final class BatchClips {
    static final Path DIR = Path.of("target", "batch-test-clips").toAbsolutePath();

    private BatchClips() {
    }

    /** Clip {@code i}: one second of a distinct test pattern, 160x120 at 10 fps, MPEG-4 part 2. */
    static synchronized Path make(int i) throws Exception {
        Files.createDirectories(DIR);
        Path out = DIR.resolve("clip" + i + ".mp4");
        if (Files.exists(out)) {
            return out;
        }
        Path tmp = DIR.resolve("tmp-clip" + i + ".mp4");
        Files.deleteIfExists(tmp);
        String src = i % 2 == 0 ? "testsrc2" : "smptebars";
        FfmpegCli.locate().run(120, "-y", "-f", "lavfi", "-i", src + "=size=160x120:rate=10", "-t", "1", "-vf",
                "hue=h=" + (i * 37 % 360), "-c:v", "mpeg4", "-q:v", "5", "-pix_fmt", "yuv420p", tmp.toString());
        Files.move(tmp, out);
        return out;
    }

    /** Makes {@code n} clips and adds them to the project; returns their ids in import order. */
    static List<String> addTo(ProjectStore store, int n) throws Exception {
        List<NewClip> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = make(i);
            clips.add(new NewClip(ClipId.hashFile(p).hex(), p.toString(), Files.size(p),
                    Files.getLastModifiedTime(p).toMillis(), null, new MediaInfo(1.0, 10, 1, 160, 120, 10, "mpeg4"),
                    List.of(i % 2 == 0 ? "even" : "odd")));
        }
        store.addClips(clips);
        return clips.stream().map(NewClip::clipId).toList();
    }
}
