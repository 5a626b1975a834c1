// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.media.FrameIndex;
import io.chai.media.ImageFormat;
import io.chai.media.PixelLayout;
import io.chai.media.VideoClip;
import io.chai.media.VideoFrame;
import io.chai.media.time.Timecode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai frame FILE --index N|--time T|--timecode TC -o out.png}: one exact frame as an image. */
@Command(name = "frame", mixinStandardHelpOptions = true,
        description = "Write exactly one frame (rotation applied, square pixels) as PNG or JPEG.")
public final class FrameCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video clip")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--index", paramLabel = "N", description = "frame index, 0 = first frame")
        Integer index;

        @Option(names = "--time", paramLabel = "T",
                description = "the frame on screen T seconds after the first frame (12.5, 1001/1000, 1:02.5)")
        String time;

        @Option(names = "--timecode", paramLabel = "TC", description = "SMPTE timecode HH:MM:SS:FF (;FF drop-frame)")
        String timecode;
    }

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output .png or .jpg")
    Path output;

    @Option(names = "--max-pixels", paramLabel = "P", description = "scale down to at most P pixels (aspect kept)")
    long maxPixels;

    @CommandLine.Mixin
    MediaCli.CacheOption cache = new MediaCli.CacheOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImageFormat format = ImageFormat.forFile(output);
        try (VideoClip clip = MediaCli.open(file, cache, spec.commandLine().getErr())) {
            FrameIndex x = clip.index();
            int i;
            if (which.index != null) {
                i = which.index;
            } else if (which.time != null) {
                i = x.indexAt(MediaCli.parseTime(which.time));
            } else {
                Timecode tc;
                try {
                    tc = Timecode.parse(which.timecode, x.frameRate());
                } catch (IllegalArgumentException e) {
                    throw new io.chai.common.UserFacingException(e.getMessage());
                }
                i = x.indexOf(tc);
            }
            VideoFrame f = clip.decoder().frame(i, PixelLayout.BGR24, Math.max(0, maxPixels));
            format.write(f.toBufferedImage(), output);
            out.printf(Locale.ROOT, "frame %d (pts %d, %s s, %s) %dx%d -> %s%n", f.index(), f.pts(),
                    f.time().toDecimal(6), x.timecode(f.index()), f.width(), f.height(), output);
        }
        out.flush();
        return ChaiCommand.EXIT_OK;
    }
}
