// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.media.ProbeResult;
import io.chai.media.VideoClip;
import io.chai.media.time.Rational;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chai probe FILE [--json]}: container and stream facts, frame count and timing measured by decoding. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Show a clip's container, codec, geometry, rotation, frame rate (constant or variable), time "
                + "base, duration, start time, audio and the frame count measured by decoding (indexes the clip on "
                + "first use).")
public final class ProbeCommand implements Callable<Integer> {
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video clip")
    Path file;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @CommandLine.Mixin
    MediaCli.CacheOption cache = new MediaCli.CacheOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProbeResult p;
        try (VideoClip clip = MediaCli.open(file, cache, spec.commandLine().getErr())) {
            p = clip.probe();
        }
        Map<String, Object> f = fields(p);
        if (json) {
            try {
                out.println(JSON.writeValueAsString(f));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("probe result not serialisable", e);
            }
        } else {
            for (Map.Entry<String, Object> e : f.entrySet()) {
                out.printf(Locale.ROOT, "%-20s %s%n", e.getKey() + ":", e.getValue() == null ? "-" : text(e.getValue()));
            }
        }
        out.flush();
        return ChaiCommand.EXIT_OK;
    }

    private static Map<String, Object> fields(ProbeResult p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", p.path());
        f.put("container", p.container());
        f.put("codec", p.codec());
        f.put("profile", p.profile());
        f.put("pixelFormat", p.pixelFormat());
        f.put("width", p.width());
        f.put("height", p.height());
        f.put("sampleAspectRatio", p.sampleAspectRatio().toString());
        f.put("rotation", p.rotation());
        f.put("displayWidth", p.displayWidth());
        f.put("displayHeight", p.displayHeight());
        f.put("frameRate", p.frameRate().toString());
        f.put("fps", p.frameRate().fps());
        f.put("headerFrameRate", p.headerFrameRate() == null ? null : p.headerFrameRate().toString());
        f.put("constantFrameRate", p.constantFrameRate());
        f.put("timeBase", p.timeBase().toString());
        f.put("frameCount", p.frameCount());
        f.put("headerFrameCount", p.headerFrameCount());
        f.put("keyframeCount", p.keyframeCount());
        f.put("duration", seconds(p.duration()));
        f.put("containerDuration", p.containerDuration() == null ? null : seconds(p.containerDuration()));
        f.put("startTime", seconds(p.startTime()));
        f.put("hasAudio", p.hasAudio());
        f.put("audioCodec", p.audioCodec());
        f.put("startTimecode", p.startTimecode());
        f.put("dropFrameTimecode", p.dropFrameTimecode());
        f.put("decodeErrors", p.decodeErrors());
        f.put("truncated", p.truncated());
        return f;
    }

    /** Seconds as a JSON number with microsecond precision. */
    private static Double seconds(Rational r) {
        return Double.valueOf(r.toDecimal(6));
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.valueOf(v);
    }
}
