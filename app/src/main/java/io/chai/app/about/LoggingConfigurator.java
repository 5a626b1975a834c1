// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * Configures logging in code (found by logback through {@code META-INF/services}; no XML, which cost about half a
 * second of every start-up in logback's configuration parser). The command line writes its own user-facing lines;
 * library logging goes to stderr at WARN (or {@code $CHAI_LOG}) and to a daily log file in the user's log folder
 * ({@link UserDirs#logs()}: ~/.local/state/chai/logs, %LOCALAPPDATA%\CHAI\logs, ~/Library/Logs/CHAI;
 * {@code $CHAI_LOG_DIR} overrides) at INFO (or {@code $CHAI_LOG}), kept 14 days and at most 100 MB. Several chai
 * processes may log at once (the command line beside the workstation): the file appender is prudent (locks the
 * file). Logback's own status lines are silenced so that stdout stays clean for JSON output.
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {
    /** The environment variable (or system property) that sets the log level of both outputs. */
    public static final String LEVEL_VARIABLE = "CHAI_LOG";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, usable(UserDirs.current().logs()), setting(LEVEL_VARIABLE));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up both outputs of {@code context}: the daily file in {@code logs}, at {@code level} (null: defaults). */
    static void configure(LoggerContext context, Path logs, String level) {
        context.getStatusManager().add(new NopStatusListener());

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level == null ? "WARN" : level);
        threshold.start();
        console.addFilter(threshold);
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n"));
        console.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setPrudent(true);
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(logs + "/chai-%d{yyyy-MM-dd}.log");
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("100MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %-5level %logger{36} - %msg%n"));
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(console);
        root.addAppender(file);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern(pattern);
        e.start();
        return e;
    }

    /** A system property, else the environment variable, of that name; null when neither is set or blank. */
    private static String setting(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * {@code preferred} if it exists or can be created and is writable, else {@code <tmp>/chai-logs-<user>}, so
     * that a read-only home or a sandbox never stops a command from logging.
     */
    static Path usable(Path preferred) {
        if (ensure(preferred)) {
            return preferred;
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "chai-logs-" + System.getProperty("user.name"));
        ensure(fallback);
        return fallback;
    }

    private static boolean ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
