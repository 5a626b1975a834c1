// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import io.chai.media.time.Rational;

/**
 * Native FFmpeg setup shared by the package: loads the libraries once and silences FFmpeg's own console logging
 * (our errors are reported as {@link MediaException}s); set {@code -Dchai.media.ffmpegLogLevel=32} (AV_LOG_INFO)
 * or another av_log level to see it while debugging.
 */
final class Ffmpeg {
    static final long NOPTS = avutil.AV_NOPTS_VALUE;
    static final int EAGAIN = -11;

    static {
        int level = Integer.getInteger("chai.media.ffmpegLogLevel", avutil.AV_LOG_QUIET);
        avutil.av_log_set_level(level);
    }

    private Ffmpeg() {
    }

    /** Forces native loading and log setup. */
    static void init() {
        // the static initialiser does the work
    }

    static String error(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) < 0) {
            return "error " + code;
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8).trim();
    }

    /** The rational, or null when FFmpeg's value is unset (0/x or x/0). */
    static Rational rational(AVRational r) {
        if (r == null || r.num() == 0 || r.den() == 0) {
            return null;
        }
        return Rational.of(r.num(), r.den());
    }

    static String string(BytePointer p) {
        return p == null || p.isNull() ? null : p.getString();
    }
}
