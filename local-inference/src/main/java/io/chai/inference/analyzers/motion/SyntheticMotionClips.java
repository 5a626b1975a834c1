// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

import io.chai.media.FfmpegCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Clips with a known camera motion, made with the ffmpeg program ({@link FfmpegCli}) for the analyzers' tests and
 * benchmark (the product never calls it). A 1280x720 textured still is animated: crop position for pan and tilt,
 * zoom-and-pan ({@code zoompan}) about the centre for zoom, rotate for roll, a hashed per-frame crop offset for shake, a fixed crop for static; output
 * 320x180 at 25 fps, MPEG-4 part 2 at high quality (available in every ffmpeg build).
 *
 * <p>Camera directions follow {@link CameraMotion}: for a pan right the crop window moves right, so content moves
 * left; for a camera roll clockwise the content is rotated counter-clockwise (ffmpeg's {@code rotate} turns
 * clockwise for positive angles).
 */
public final class SyntheticMotionClips {
    /** Picture sources, all synthetic (lavfi generators), so no image file needs a licence. */
    public enum Texture {
        /** ffmpeg's testsrc2 pattern: colour bars, gradients and a clock, with large flat areas. */
        TESTSRC2("testsrc2=s=1280x720"),
        /** A detailed region of the Mandelbrot set: fine fractal structure next to smooth gradients. */
        MANDELBROT("mandelbrot=s=1280x720:start_x=-0.7435669:start_y=0.1314023:start_scale=0.02:end_scale=0.02"
                + ":outer=normalized_iteration_count"),
        /** Coloured noise blown up from 160x90: soft blobs with little structure (a hard case). */
        BLOBS("color=c=gray:s=160x90,noise=alls=100:allf=u,scale=1280:720:flags=bicubic"),
        /**
         * testsrc2 itself at 320x180, live: the scene has moving elements (a sliding box, a running counter) but
         * the camera never moves. Only meaningful for {@link CameraMotion#STATIC}.
         */
        LIVE_TESTSRC2("testsrc2=s=320x180:r=25");

        final String source;

        Texture(String source) {
            this.source = source;
        }
    }

    /**
     * One clip recipe.
     *
     * @param motion the camera motion the clip shows
     * @param texture what is filmed
     * @param speed pan/tilt: frame widths (heights) per second; zoom: log-scale per second; roll: radians per
     *        second; shake: amplitude in output pixels; ignored for static
     * @param seconds duration
     */
    public record Recipe(CameraMotion motion, Texture texture, double speed, double seconds) {
        public Recipe {
            if (texture == Texture.LIVE_TESTSRC2 && motion != CameraMotion.STATIC) {
                throw new IllegalArgumentException("the live texture is only for a static camera");
            }
            if (!(seconds > 0.5 && seconds <= 10)) {
                throw new IllegalArgumentException("seconds must be in (0.5, 10], got " + seconds);
            }
        }

        /** A file name that identifies the recipe. */
        public String fileName() {
            return String.format(Locale.ROOT, "v2-%s-%s-%.3f-%.1f.mp4", motion.id(), texture.name().toLowerCase(
                    Locale.ROOT), speed, seconds);
        }

        /** The ffmpeg filter chain applied to the still (or the live source). */
        String filter() {
            double v = speed;
            double t = seconds;
            return switch (motion) {
                case STATIC -> texture == Texture.LIVE_TESTSRC2 ? "null" : "crop=640:360:320:180,scale=320:180";
                // window 640x360 over the 1280x720 still; the move stays inside it for v*t <= 1 frame
                case PAN_RIGHT -> f("crop=640:360:x='%.3f*t':y=180,scale=320:180", v * 640);
                case PAN_LEFT -> f("crop=640:360:x='640-%.3f*t':y=180,scale=320:180", v * 640);
                case TILT_UP -> f("crop=640:360:x=320:y='360-%.3f*t',scale=320:180", v * 360);
                case TILT_DOWN -> f("crop=640:360:x=320:y='%.3f*t',scale=320:180", v * 360);
                // zoompan about the centre of the whole still; 'on' is the output frame number at 25 fps
                case ZOOM_IN -> f("zoompan=z='exp(%.4f*on/25)':" + CENTRE, v);
                case ZOOM_OUT -> f("zoompan=z='exp(%.4f*(%.3f-on/25))':" + CENTRE, v, t);
                case ROLL_CW -> f("scale=800:450,rotate=a='-%.4f*t':ow=320:oh=180", v);
                case ROLL_CCW -> f("scale=800:450,rotate=a='%.4f*t':ow=320:oh=180", v);
                case SHAKY -> f("crop=640:360:x='320+%1$.2f*(2*(sin(n*12.9898)*43758.5453"
                        + "-floor(sin(n*12.9898)*43758.5453))-1)':y='180+%1$.2f*(2*(sin(n*78.233)*12543.853"
                        + "-floor(sin(n*78.233)*12543.853))-1)',scale=320:180", v * 2);
            };
        }
    }

    private static final String CENTRE = "x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=320x180:fps=25";

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private final FfmpegCli ffmpeg;
    private final Path directory;

    /** Clips are cached in {@code directory} by recipe file name. */
    public SyntheticMotionClips(FfmpegCli ffmpeg, Path directory) {
        this.ffmpeg = ffmpeg;
        this.directory = directory;
    }

    /** The clip for {@code recipe}, generated on first use. */
    public synchronized Path clip(Recipe recipe) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path out = directory.resolve(recipe.fileName());
        if (Files.exists(out)) {
            return out;
        }
        Path tmp = directory.resolve("tmp-" + recipe.fileName());
        Files.deleteIfExists(tmp);
        List<String> args = new ArrayList<>(List.of("-y", "-loglevel", "error"));
        if (recipe.texture() == Texture.LIVE_TESTSRC2) {
            args.addAll(List.of("-f", "lavfi", "-i", recipe.texture().source));
        } else {
            args.addAll(List.of("-loop", "1", "-framerate", "25", "-i", still(recipe.texture()).toString()));
        }
        args.addAll(List.of("-t", f("%.3f", recipe.seconds()), "-vf", recipe.filter() + ",format=yuv420p",
                "-c:v", "mpeg4", "-q:v", "2", "-f", "mp4", tmp.toString()));
        ffmpeg.run(60, args.toArray(String[]::new));
        Files.move(tmp, out);
        return out;
    }

    /**
     * {@code base} with burnt-in text: a "BREAKING NEWS 24" caption bottom-left on a translucent box and a "CH7"
     * bug top-right, with ffmpeg's {@code drawtext} when this ffmpeg has it, otherwise drawbox "glyphs" (a row of
     * small outlined and filled boxes on a dark band) at the bottom-left.
     */
    public synchronized Path withText(Path base) throws IOException, InterruptedException {
        Path out = directory.resolve("text-" + base.getFileName());
        if (Files.exists(out)) {
            return out;
        }
        boolean drawtext = ffmpeg.run(30, "-filters").contains(" drawtext ");
        String filter = drawtext
                ? "drawtext=text='BREAKING NEWS 24':x=16:y=h-36:fontsize=20:fontcolor=white:box=1:"
                        + "boxcolor=black@0.6:boxborderw=4,drawtext=text='CH7':x=w-56:y=10:fontsize=18:fontcolor=yellow"
                : glyphs();
        Path tmp = directory.resolve("tmp-text-" + base.getFileName());
        Files.deleteIfExists(tmp);
        ffmpeg.run(60, "-y", "-loglevel", "error", "-i", base.toString(), "-vf", filter + ",format=yuv420p",
                "-c:v", "mpeg4", "-q:v", "2", "-f", "mp4", tmp.toString());
        Files.move(tmp, out);
        return out;
    }

    private static String glyphs() {
        StringBuilder sb = new StringBuilder("drawbox=x=12:y=140:w=200:h=28:color=black@0.7:t=fill");
        for (int i = 0; i < 16; i++) {
            sb.append(f(",drawbox=x=%d:y=146:w=%d:h=16:color=white:t=%d", 18 + i * 12, 4 + i % 4,
                    i % 3 == 0 ? 2 : 4));
        }
        return sb.toString();
    }

    private Path still(Texture texture) throws IOException, InterruptedException {
        Path png = directory.resolve("still-" + texture.name().toLowerCase(Locale.ROOT) + ".png");
        if (!Files.exists(png)) {
            Path tmp = directory.resolve("tmp-" + png.getFileName());
            ffmpeg.run(60, "-y", "-loglevel", "error", "-f", "lavfi", "-i", texture.source, "-frames:v", "1",
                    "-f", "image2", "-c:v", "png", tmp.toString());
            Files.move(tmp, png);
        }
        return png;
    }

    /**
     * The standard set: every motion on every still texture at three speeds (slow, medium, fast), plus static on
     * the live scene; {@code seconds} each.
     */
    public static List<Recipe> standardSet(double seconds) {
        List<Recipe> out = new ArrayList<>();
        for (Texture tex : List.of(Texture.TESTSRC2, Texture.MANDELBROT, Texture.BLOBS)) {
            for (CameraMotion m : CameraMotion.values()) {
                for (double s : speeds(m)) {
                    out.add(new Recipe(m, tex, s, seconds));
                }
            }
        }
        out.add(new Recipe(CameraMotion.STATIC, Texture.LIVE_TESTSRC2, 0, seconds));
        return out;
    }

    /** Slow, medium and fast speeds for {@code m} (see {@link Recipe#speed()}). */
    public static double[] speeds(CameraMotion m) {
        return switch (m) {
            case STATIC -> new double[] {0};
            case PAN_LEFT, PAN_RIGHT, TILT_UP, TILT_DOWN -> new double[] {0.08, 0.16, 0.32};
            case ZOOM_IN, ZOOM_OUT -> new double[] {0.12, 0.25, 0.4};
            case ROLL_CW, ROLL_CCW -> new double[] {0.1, 0.2, 0.35};
            case SHAKY -> new double[] {5, 8, 12};
        };
    }
}
