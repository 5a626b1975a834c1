// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.media.FrameIndex;
import io.chai.media.VideoClip;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai index FILE}: builds (or reuses) the frame index of a clip and summarises it. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Decode every frame once and store the frame index (pts, keyframe flag, picture hash per "
                + "frame); a stored index of the unchanged file is reused.")
public final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video clip")
    Path file;

    @Option(names = "--force", description = "re-scan even when a stored index exists")
    boolean force;

    @Option(names = "--frames", description = "also print every frame: index, pts, time, timecode, key, hash")
    boolean frames;

    @CommandLine.Mixin
    MediaCli.CacheOption cache = new MediaCli.CacheOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (force) {
            var store = cache.store();
            Files.deleteIfExists(store.fileFor(io.chai.media.ClipFingerprint.of(file)));
        }
        long t0 = System.nanoTime();
        try (VideoClip clip = MediaCli.open(file, cache, spec.commandLine().getErr())) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            FrameIndex x = clip.index();
            Path stored = cache.store().fileFor(x.fingerprint());
            out.printf(Locale.ROOT, "%s: %d frames, %d keyframes, %s fps (%s), %s s, time base %s%n",
                    file, x.frameCount(), x.keyframeCount(), x.frameRate(),
                    x.constantFrameRate() ? "constant" : "variable", x.duration().toDecimal(3), x.timeBase());
            out.printf(Locale.ROOT, "index: %s (%d bytes, %.2f s)%n", stored, Files.size(stored), seconds);
            if (frames) {
                out.println("index\tpts\ttime\ttimecode\tkey\thash");
                for (int i = 0; i < x.frameCount(); i++) {
                    out.printf(Locale.ROOT, "%d\t%d\t%s\t%s\t%s\t%s%n", i, x.pts(i), x.time(i).toDecimal(6),
                            x.timecode(i), x.isKeyframe(i) ? "K" : "-", x.hash(i));
                }
            }
        }
        out.flush();
        return ChaiCommand.EXIT_OK;
    }
}
