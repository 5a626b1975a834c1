// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every format, exported from {@link ExportFixture}, must equal the checked-in files byte for byte. After an
 * intended format change, regenerate with {@code -Dchai.golden.update=true} and review the diff.
 */
class GoldenExportTest {
    static final Specification SPEC = Specifications.bundled();
    static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    static final Path GOLDEN = Paths.get("src/test/resources/io/chai/model/export/golden");
    static final boolean UPDATE = Boolean.getBoolean("chai.golden.update");

    static Path export(ExportFormat f, ExportOptions o, Path dir) {
        new Exporter(SPEC, o).export(ExportFixture.items(), f, dir, Optional.of(ExportFixture.JOINING_WRITER));
        return dir;
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void matchesGolden(ExportFormat format, @TempDir Path tmp) throws IOException {
        Path out = export(format, ExportOptions.defaults(AT), tmp.resolve(format.id()));
        compare(out, GOLDEN.resolve(format.id()));
    }

    @Test
    void splitMatchesGoldenAndKeepsClipsTogether(@TempDir Path tmp) throws IOException {
        Path out = export(ExportFormat.CAPTION, ExportOptions.defaults(AT).withSplit(SplitSpec.parse("0.5,0.25,0.25",
                7)), tmp.resolve("split"));
        compare(out, GOLDEN.resolve("caption-split"));
        for (String split : SplitSpec.NAMES) {
            for (String line : Files.readAllLines(out.resolve("caption_generation." + split + ".jsonl"))) {
                String clip = line.replaceAll(".*\"clip_id\":\"([0-9a-f]+)\".*", "$1");
                assertThat(SplitSpec.parse("0.5,0.25,0.25", 7).of(io.chai.model.domain.ClipId.of(clip)))
                        .isEqualTo(split);
            }
        }
    }

    static void compare(Path actual, Path expected) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(actual)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (UPDATE) {
            Files.createDirectories(expected);
            for (String n : names) {
                Files.copy(actual.resolve(n), expected.resolve(n), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> expectedNames;
        try (Stream<Path> s = Files.list(expected)) {
            expectedNames = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).isEqualTo(expectedNames);
        for (String n : names) {
            assertThat(Files.readString(actual.resolve(n))).as(n).isEqualTo(Files.readString(expected.resolve(n)));
            assertThat(Files.readAllBytes(actual.resolve(n))).as(n).isEqualTo(Files.readAllBytes(expected.resolve(n)));
        }
    }
}
