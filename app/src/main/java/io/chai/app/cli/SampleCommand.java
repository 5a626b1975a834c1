// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.media.FrameIndex;
import io.chai.media.FrameSampler;
import io.chai.media.ImageFormat;
import io.chai.media.VideoClip;
import io.chai.media.time.Rational;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai sample FILE --count N|--fps F [--max-pixels P] -o DIR}: frames for models. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write N evenly spread frames (first and last included) or F frames per second, as "
                + "frame_NNNNNN.jpg|png files named by frame index.")
public final class SampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video clip")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    How how;

    static final class How {
        @Option(names = "--count", paramLabel = "N", description = "number of frames")
        Integer count;

        @Option(names = "--fps", paramLabel = "F", description = "frames per second (e.g. 2 or 0.5)")
        String fps;
    }

    @Option(names = "--max-pixels", paramLabel = "P", description = "scale down to at most P pixels (aspect kept)")
    long maxPixels;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "jpg", description = "jpg (default) or png")
    String format;

    @CommandLine.Mixin
    MediaCli.RangeOption range = new MediaCli.RangeOption();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
    Path output;

    @CommandLine.Mixin
    MediaCli.CacheOption cache = new MediaCli.CacheOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImageFormat fmt;
        try {
            fmt = ImageFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UserFacingException(output + ": exists and is not a directory");
        }
        try (VideoClip clip = MediaCli.open(file, cache, spec.commandLine().getErr())) {
            FrameIndex x = clip.index();
            int end = range.end(x);
            int[] picks;
            if (how.count != null) {
                picks = FrameSampler.uniform(x, how.count, range.from, end);
            } else {
                Rational rate = MediaCli.parseTime(how.fps);
                picks = FrameSampler.perSecond(x, rate, range.from, end);
            }
            List<FrameSampler.Sample> written = FrameSampler.write(clip.decoder(), picks, Math.max(0, maxPixels), fmt,
                    output);
            for (FrameSampler.Sample s : written) {
                out.printf(Locale.ROOT, "%d\t%s\t%s%n", s.index(), s.time().toDecimal(6), s.file());
            }
        }
        out.flush();
        return ChaiCommand.EXIT_OK;
    }
}
