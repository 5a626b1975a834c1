// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.factory.discovery.strategy.NativeDiscoveryStrategy;

/**
 * Finds and loads libVLC for the player, or says in one line why playback stays on the FFmpeg decoder.
 *
 * <p>Configuration (system property, else environment variable): {@code chai.player} / {@code CHAI_PLAYER}
 * = {@code auto} (default: libVLC when found) or {@code ffmpeg} (never libVLC); {@code chai.vlc.path} /
 * {@code CHAI_VLC_PATH} = a folder holding {@code libvlc.so*} to use instead of vlcj's discovery of the system
 * library; {@code chai.vlc.args} = extra libVLC arguments separated by spaces (the tests pass
 * {@code --no-audio --quiet}). One libVLC instance per argument list is kept for the life of the process.
 */
public final class VlcLibrary {
    /** How to install libVLC, shown in the notice when it is missing. */
    public static final String INSTALL_HINT = "sudo apt install libvlc5 vlc-plugin-base";

    /** Arguments always passed: no network look-ups for studio footage, no overlays on the picture. */
    static final List<String> BASE_ARGS = List.of("--no-metadata-network-access", "--no-video-title-show",
            "--no-osd", "--no-snapshot-preview", "--no-sub-autodetect-file", "--no-stats");

    private static final Map<List<String>, MediaPlayerFactory> FACTORIES = new HashMap<>();

    private VlcLibrary() {
    }

    /** Whether the player may use libVLC. */
    public enum Mode { AUTO, FFMPEG }

    /**
     * Where and how to load libVLC.
     *
     * @param libraryDir a folder to find {@code libvlc.so*} in; null: vlcj's own discovery
     * @param extraArgs more libVLC arguments
     */
    public record Config(Mode mode, Path libraryDir, List<String> extraArgs) {
        public Config {
            extraArgs = List.copyOf(extraArgs);
        }

        /** From the system properties and environment (see the class comment). */
        public static Config fromSystem() {
            String mode = setting("chai.player", "CHAI_PLAYER");
            String dir = setting("chai.vlc.path", "CHAI_VLC_PATH");
            String args = setting("chai.vlc.args", "CHAI_VLC_ARGS");
            Mode m = mode != null && mode.strip().toLowerCase(Locale.ROOT).equals("ffmpeg") ? Mode.FFMPEG : Mode.AUTO;
            List<String> extra = args == null || args.isBlank() ? List.of()
                    : Arrays.asList(args.strip().split("\\s+"));
            return new Config(m, dir == null || dir.isBlank() ? null : Path.of(dir.strip()), extra);
        }

        public Config withMode(Mode m) {
            return new Config(m, libraryDir, extraArgs);
        }

        public Config withLibraryDir(Path dir) {
            return new Config(mode, dir, extraArgs);
        }

        private static String setting(String property, String env) {
            String v = System.getProperty(property);
            return v != null ? v : System.getenv(env);
        }
    }

    /** The result of looking for libVLC: a factory, or the one-line notice for the player. */
    public sealed interface Availability {
        /** libVLC loaded; {@code factory} is shared, never release it. */
        record Available(MediaPlayerFactory factory, String version) implements Availability {
        }

        /** No libVLC: {@code notice} is the one line the player shows. */
        record Unavailable(String notice) implements Availability {
        }
    }

    /** Finds and loads libVLC as {@code config} says (slow the first time: 0.1–1 s; call off the UI thread). */
    public static synchronized Availability load(Config config) {
        if (config.mode() == Mode.FFMPEG) {
            return new Availability.Unavailable("Playing from the FFmpeg decoder (no sound): libVLC playback is"
                    + " switched off (chai.player=ffmpeg / CHAI_PLAYER=ffmpeg).");
        }
        List<String> args = new ArrayList<>(BASE_ARGS);
        args.addAll(config.extraArgs());
        List<String> key = new ArrayList<>(args);
        key.add("dir=" + config.libraryDir());
        MediaPlayerFactory f = FACTORIES.get(key);
        if (f == null) {
            NativeDiscovery discovery = config.libraryDir() == null ? new NativeDiscovery()
                    : new NativeDiscovery(new DirectoryStrategy(config.libraryDir()));
            boolean found;
            try {
                // vlcj's discovery remembers a success for the whole process: check the folder ourselves
                found = (config.libraryDir() == null || new DirectoryStrategy(config.libraryDir()).discover() != null)
                        && discovery.discover();
            } catch (RuntimeException | LinkageError e) {
                found = false;
            }
            if (!found) {
                return new Availability.Unavailable("Playing from the FFmpeg decoder (no sound): libVLC is not "
                        + "installed" + (config.libraryDir() == null ? "" : " in " + config.libraryDir())
                        + "; install it (" + INSTALL_HINT + ") and restart for real-time playback with sound.");
            }
            try {
                f = new MediaPlayerFactory(discovery, args);
            } catch (RuntimeException | LinkageError e) {
                return new Availability.Unavailable("Playing from the FFmpeg decoder (no sound): libVLC failed to"
                        + " load (" + oneLine(e) + "); reinstall it (" + INSTALL_HINT + ").");
            }
            FACTORIES.put(key, f);
        }
        String version;
        try {
            version = f.application().version();
        } catch (RuntimeException | LinkageError e) {
            version = "unknown version";
        }
        return new Availability.Available(f, version);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().replaceAll("\\s+", " ");
    }

    /** Looks for libVLC in one folder only. */
    private record DirectoryStrategy(Path dir) implements NativeDiscoveryStrategy {
        @Override
        public boolean supported() {
            return true;
        }

        @Override
        public String discover() {
            if (!Files.isDirectory(dir)) {
                return null;
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith("libvlc.so"))
                        ? dir.toAbsolutePath().toString() : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public boolean onFound(String path) {
            return true;
        }

        @Override
        public boolean onSetPluginPath(String path) {
            return true;
        }
    }
}
