// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.settings;

import io.chai.app.about.UserDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The workstation's per-user settings (theme, font scale, window layout, shortcut overrides), kept as a
 * small properties file written atomically. Unknown or malformed entries fall back to defaults, so a damaged
 * file never stops the window from opening.
 */
public final class WorkstationSettings {
    public static final String FILE_NAME = "workstation.properties";
    private static final String SHORTCUT_PREFIX = "shortcut.";

    private final Path file;
    private final Properties props = new Properties();

    private WorkstationSettings(Path file) {
        this.file = file;
    }

    /** Loads the settings from {@code dir/workstation.properties}; a missing or unreadable file gives defaults. */
    public static WorkstationSettings load(Path dir) {
        WorkstationSettings s = new WorkstationSettings(dir.resolve(FILE_NAME));
        if (Files.isRegularFile(s.file)) {
            try (InputStream in = Files.newInputStream(s.file)) {
                s.props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                s.props.clear();
            }
        }
        return s;
    }

    /**
     * The default settings folder: {@code $CHAI_CONFIG_DIR}, else the OS's own ({@code $XDG_CONFIG_HOME/chai} or
     * {@code ~/.config/chai} on Linux, {@code %APPDATA%\CHAI}, {@code ~/Library/Application Support/CHAI}; see
     * {@link UserDirs}).
     */
    public static Path defaultDir() {
        return UserDirs.current().config();
    }

    public Path file() {
        return file;
    }

    public Theme theme() {
        return Theme.parse(props.getProperty("theme"), Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        props.setProperty("theme", theme.name().toLowerCase());
    }

    /** Font scale, clamped to [{@value FontScale#MIN}, {@value FontScale#MAX}]. */
    public double fontScale() {
        return FontScale.clamp(parseDouble(props.getProperty("font.scale"), 1.0));
    }

    public void setFontScale(double scale) {
        props.setProperty("font.scale", Double.toString(FontScale.clamp(scale)));
    }

    /** The remembered window bounds, if any were saved and they are sane. */
    public Optional<WindowBounds> windowBounds() {
        double x = parseDouble(props.getProperty("window.x"), Double.NaN);
        double y = parseDouble(props.getProperty("window.y"), Double.NaN);
        double w = parseDouble(props.getProperty("window.width"), Double.NaN);
        double h = parseDouble(props.getProperty("window.height"), Double.NaN);
        boolean max = Boolean.parseBoolean(props.getProperty("window.maximized", "false"));
        if (Double.isNaN(x) || Double.isNaN(y) || !(w >= 200) || !(h >= 150)) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(x, y, w, h, max));
    }

    public void setWindowBounds(WindowBounds b) {
        props.setProperty("window.x", Double.toString(b.x()));
        props.setProperty("window.y", Double.toString(b.y()));
        props.setProperty("window.width", Double.toString(b.width()));
        props.setProperty("window.height", Double.toString(b.height()));
        props.setProperty("window.maximized", Boolean.toString(b.maximized()));
    }

    /** A remembered split-pane divider position in [0, 1], or {@code fallback}. */
    public double divider(String name, double fallback) {
        double v = parseDouble(props.getProperty("divider." + name), fallback);
        return v >= 0 && v <= 1 ? v : fallback;
    }

    public void setDivider(String name, double position) {
        props.setProperty("divider." + name, Double.toString(position));
    }

    /** The workstation user chosen with File > Switch user (who annotates and reviews), if one was chosen. */
    public Optional<String> user() {
        String u = props.getProperty("user");
        return u == null || u.isBlank() ? Optional.empty() : Optional.of(u.strip());
    }

    public void setUser(String user) {
        props.setProperty("user", user.strip());
    }

    /** Shortcut overrides: action id to key combination text (e.g. {@code "Ctrl+Shift+Z"}). */
    public Map<String, String> shortcutOverrides() {
        Map<String, String> out = new TreeMap<>();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith(SHORTCUT_PREFIX)) {
                out.put(k.substring(SHORTCUT_PREFIX.length()), props.getProperty(k));
            }
        }
        return out;
    }

    public void setShortcutOverrides(Map<String, String> overrides) {
        props.stringPropertyNames().stream().filter(k -> k.startsWith(SHORTCUT_PREFIX)).toList()
                .forEach(props::remove);
        overrides.forEach((id, keys) -> props.setProperty(SHORTCUT_PREFIX + id, keys));
    }

    /** Writes the settings atomically (temp file + rename). */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "CHAI workstation settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write settings " + file + ": " + e.getMessage(), e);
        }
    }

    private static double parseDouble(String s, double fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A window's position and size in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
