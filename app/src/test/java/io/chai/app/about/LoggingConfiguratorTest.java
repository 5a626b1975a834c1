// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class LoggingConfiguratorTest {

    @Test
    void createsTheLogFolder(@TempDir Path tmp) {
        Path logs = tmp.resolve("state/chai/logs");
        assertThat(LoggingConfigurator.usable(logs)).isEqualTo(logs);
        assertThat(logs).isDirectory();
    }

    @Test
    void fallsBackToTempWhenTheFolderCannotBeCreated(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path used = LoggingConfigurator.usable(file.resolve("logs"));
        assertThat(used).isNotEqualTo(file.resolve("logs")).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(used).isDirectory();
    }

    @Test
    void writesInfoToTheDailyFileAndOnlyWarningsToStderr(@TempDir Path logs) throws Exception {
        LoggerContext context = newContext();
        LoggingConfigurator.configure(context, logs, null);
        Logger log = context.getLogger("io.chai.test");
        log.debug("not kept");
        log.info("kept in the file");
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        Appender<ILoggingEvent> console = root.getAppender("STDERR");
        assertThat(console.getCopyOfAttachedFiltersList()).singleElement()
                .isInstanceOfSatisfying(ThresholdFilter.class, f -> {
                    assertThat(f.decide(event(context, Level.INFO))).isEqualTo(FilterReply.DENY);
                    assertThat(f.decide(event(context, Level.WARN))).isEqualTo(FilterReply.NEUTRAL);
                });
        context.stop();

        Path day = logs.resolve("chai-" + LocalDate.now() + ".log");
        assertThat(day).exists();
        assertThat(Files.readString(day)).contains("INFO  io.chai.test - kept in the file").doesNotContain("not kept");
    }

    @Test
    void theLevelSettingAppliesToBothOutputs(@TempDir Path logs) throws Exception {
        LoggerContext context = newContext();
        LoggingConfigurator.configure(context, logs, "DEBUG");
        context.getLogger("io.chai.test").debug("now kept");
        ThresholdFilter f = (ThresholdFilter) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")
                .getCopyOfAttachedFiltersList().get(0);
        assertThat(f.decide(event(context, Level.DEBUG))).isEqualTo(FilterReply.NEUTRAL);
        context.stop();
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(Files.readString(files.findFirst().orElseThrow())).contains("DEBUG io.chai.test - now kept");
        }
    }

    @Test
    void logbackFindsTheConfiguratorThroughServiceLoading() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(p -> p.type().getName())).contains(LoggingConfigurator.class.getName());
    }

    /** A context as logback's service provider makes one (with its MDC adapter). */
    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }

    private static ILoggingEvent event(LoggerContext context, Level level) {
        return new ch.qos.logback.classic.spi.LoggingEvent("x", context.getLogger("x"), level, "m", null, null);
    }
}
