// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.media.FrameIndex;
import io.chai.media.FrameSampler;
import io.chai.media.ImageFormat;
import io.chai.media.VideoClip;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai strip FILE --count N -o strip.png}: a thumbnail strip across a clip or a range. */
@Command(name = "strip", mixinStandardHelpOptions = true,
        description = "Write N thumbnails evenly spread over the clip (or --from/--to) side by side in one image.")
public final class StripCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video clip")
    Path file;

    @Option(names = "--count", required = true, paramLabel = "N", description = "number of thumbnails")
    int count;

    @Option(names = "--height", paramLabel = "H", defaultValue = "90", description = "thumbnail height (default 90)")
    int height;

    @CommandLine.Mixin
    MediaCli.RangeOption range = new MediaCli.RangeOption();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output .png or .jpg")
    Path output;

    @CommandLine.Mixin
    MediaCli.CacheOption cache = new MediaCli.CacheOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImageFormat format = ImageFormat.forFile(output);
        try (VideoClip clip = MediaCli.open(file, cache, spec.commandLine().getErr())) {
            FrameIndex x = clip.index();
            int end = range.end(x);
            int[] picks = FrameSampler.uniform(x, count, range.from, end);
            BufferedImage strip = FrameSampler.strip(clip.decoder(), picks, height);
            format.write(strip, output);
            out.printf(Locale.ROOT, "%d frames %s -> %s (%dx%d)%n", picks.length, java.util.Arrays.toString(picks),
                    output, strip.getWidth(), strip.getHeight());
        }
        out.flush();
        return ChaiCommand.EXIT_OK;
    }
}
