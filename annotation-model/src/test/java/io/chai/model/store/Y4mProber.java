// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real prober for YUV4MPEG2 (.y4m) files, the uncompressed video format tests can write without FFmpeg: it
 * parses the stream header (W, H, F) and counts frames from the file size (4:2:0, 8 bit). Anything else is refused.
 */
final class Y4mProber implements MediaProber {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public MediaInfo probe(Path file) throws IOException {
        calls.incrementAndGet();
        String header;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(256);
            int nl = -1;
            for (int i = 0; i < head.length; i++) {
                if (head[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            header = nl < 0 ? "" : new String(head, 0, nl, StandardCharsets.US_ASCII);
        }
        if (!header.startsWith("YUV4MPEG2 ")) {
            throw new IOException("not a YUV4MPEG2 stream");
        }
        int w = 0;
        int h = 0;
        long num = 0;
        long den = 0;
        for (String tok : header.split(" ")) {
            if (tok.startsWith("W")) {
                w = Integer.parseInt(tok.substring(1));
            } else if (tok.startsWith("H")) {
                h = Integer.parseInt(tok.substring(1));
            } else if (tok.startsWith("F")) {
                String[] f = tok.substring(1).split(":");
                num = Long.parseLong(f[0]);
                den = Long.parseLong(f[1]);
            }
        }
        long frameBytes = "FRAME\n".length() + (long) w * h * 3 / 2;
        long frames = (Files.size(file) - header.length() - 1) / frameBytes;
        if (frames <= 0) {
            throw new IOException("no video frames");
        }
        return new MediaInfo(frames * (double) den / num, num, den, w, h, frames, "rawvideo");
    }

    /** Writes a tiny y4m clip whose pixels depend on {@code seed} (so different seeds give different hashes). */
    static Path write(Path file, int seed, int frames) throws IOException {
        int w = 16;
        int h = 8;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F25:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int f = 0; f < frames; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                byte[] px = new byte[w * h * 3 / 2];
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) (seed * 31 + f * 7 + i);
                }
                out.write(px);
            }
        }
        return file;
    }
}
