// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code chai spec ...} through the real command line on real specification files. */
class SpecCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int chai(String... args) {
        return ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** A copy of the bundled specification on disk, read from the classpath (chai-resources). */
    private Path bundledCopy() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("spec"));
        for (String f : List.of("spec.yaml", "aspects.yaml", "primitives.yaml", "derived.yaml", "policies.yaml",
                "prompts.yaml")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("io/chai/spec/" + f)) {
                assertThat(in).as(f).isNotNull();
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        return dir;
    }

    @BeforeEach
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Test
    void validateOkPrintsTheSummary() throws Exception {
        Path dir = bundledCopy();
        assertThat(chai("spec", "validate", dir.resolve("spec.yaml").toString())).isEqualTo(0);
        assertThat(out.toString()).matches("ok: chai-spec 1\\.\\d+\\.\\d+ \\(\\d+ groups, \\d+ values, \\d+ derived labels\\)\\R");
        assertThat(err.toString()).isEmpty();
        clear();
        assertThat(chai("spec", "validate", dir.toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith("ok: chai-spec ");
    }

    @Test
    void validateBrokenFileNamesFileLineAndPathOfEveryProblem() throws Exception {
        Path dir = bundledCopy();
        Path primitives = dir.resolve("primitives.yaml");
        List<String> lines = Files.readAllLines(primitives, StandardCharsets.UTF_8);
        int defLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("definition:") && defLine < 0) {
                defLine = i;
            }
        }
        assertThat(defLine).isPositive();
        String indent = lines.get(defLine).substring(0, lines.get(defLine).indexOf("definition:"));
        lines.set(defLine, indent + "definition: \"\"");
        Files.write(primitives, lines, StandardCharsets.UTF_8);
        Path derived = dir.resolve("derived.yaml");
        Files.writeString(derived, Files.readString(derived).replaceFirst("(?m)^(\\s*)pos: (\"?)",
                "$1pos: $2no_such_field == x || "));

        assertThat(chai("spec", "validate", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        String[] errLines = err.toString().split("\\R");
        assertThat(errLines).hasSize(3);
        assertThat(errLines[0]).matches("primitives\\.yaml:" + (defLine + 1)
                + ": groups\\[\\d+\\]\\.values\\[\\d+\\]\\.definition: must not be empty");
        assertThat(errLines[1]).matches("derived\\.yaml:\\d+: labels\\[0\\]\\.pos: unknown field 'no_such_field' at column 1");
        assertThat(errLines[2]).isEqualTo("chai: " + dir + ": 2 problems");
    }

    @Test
    void validateMissingFileIsAUserError() {
        assertThat(chai("spec", "validate", tmp.resolve("none.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(tmp.resolve("none.yaml") + ": no such file or directory");
    }

    @Test
    void statsJsonHasTheRequiredKeys() throws Exception {
        assertThat(chai("spec", "stats", "--format", "json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.fieldNames()).toIterable().startsWith("aspects", "captionKeys", "groups", "values",
                "yesNoPrimitives");
        assertThat(json.get("aspects").asInt()).isEqualTo(5);
        assertThat(json.get("captionKeys").asInt()).isGreaterThanOrEqualTo(35);
        assertThat(json.get("values").asInt()).isGreaterThanOrEqualTo(140);
        assertThat(json.get("yesNoPrimitives").asInt()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void statsTableAndAnExplicitSpec() throws Exception {
        Path dir = bundledCopy();
        assertThat(chai("spec", "stats", "--spec", dir.toString())).isEqualTo(0);
        assertThat(out.toString()).containsPattern("(?m)^aspects\\s+5$").containsPattern("(?m)^yesNoPrimitives\\s+\\d+$");
    }

    @Test
    void showAspectAsTableAndJson() throws Exception {
        assertThat(chai("spec", "show", "--aspect", "camera")).isEqualTo(0);
        assertThat(out.toString()).startsWith("ASPECT camera (").contains("GROUP ");
        clear();
        assertThat(chai("spec", "show", "--aspect", "spatial", "--format", "json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("aspect").get("id").asText()).isEqualTo("spatial");
        assertThat(json.get("groups").size()).isPositive();
        clear();
        assertThat(chai("spec", "show", "--format", "json")).isEqualTo(0);
        JsonNode all = new ObjectMapper().readTree(out.toString());
        assertThat(all.get("aspects").size()).isEqualTo(5);
        assertThat(all.get("labels").size()).isGreaterThanOrEqualTo(200);
        clear();
        assertThat(chai("spec", "show")).isEqualTo(0);
        assertThat(out.toString()).startsWith("chai-spec ").contains("DERIVED LABELS (");
    }

    @Test
    void showUnknownAspectAndBadFormatAreUserErrors() {
        assertThat(chai("spec", "show", "--aspect", "sound")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("chai: unknown aspect 'sound' (expected one of: subject, scene, motion, "
                + "spatial, camera)" + System.lineSeparator());
        clear();
        assertThat(chai("spec", "stats", "--format", "xml")).isEqualTo(1);
        assertThat(err.toString()).startsWith("chai: Invalid value for option '--format'");
    }

    @Test
    void specAloneAsksForASubcommand() {
        assertThat(chai("spec")).isEqualTo(1);
        assertThat(err.toString()).contains("Missing subcommand");
    }

}
