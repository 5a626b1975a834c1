// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.workflow.ExportStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    private static ExportOptions with(ExportFilter f) {
        ExportOptions d = ExportOptions.defaults(GoldenExportTest.AT);
        return new ExportOptions(f, d.split(), d.media(), d.mediaRoot(), d.generatedAt(), 0, 320, false);
    }

    private static List<String> ids(Path dir, ExportFormat f) throws IOException {
        return Files.readAllLines(dir.resolve(f.stem() + ".jsonl")).stream()
                .map(l -> l.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void filtersByStatusAnnotatorAspectAndDate(@TempDir Path tmp) throws IOException {
        var approved = new ExportFilter(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), true);
        new Exporter(GoldenExportTest.SPEC, with(approved)).export(ExportFixture.items(), ExportFormat.CAPTION,
                tmp.resolve("a"), Optional.empty());
        assertThat(ids(tmp.resolve("a"), ExportFormat.CAPTION)).hasSize(7).allMatch(id -> !id.contains("motion")
                || id.startsWith("b"));

        var bea = new ExportFilter(Set.of(ExportStatus.REJECTED, ExportStatus.COMPLETED_NOT_REVIEWED), Set.of(),
                Optional.of("bea"), Optional.empty(), Optional.empty(), false);
        new Exporter(GoldenExportTest.SPEC, with(bea)).export(ExportFixture.items(), ExportFormat.CAPTION,
                tmp.resolve("b"), Optional.empty());
        assertThat(ids(tmp.resolve("b"), ExportFormat.CAPTION)).containsExactly("c".repeat(64) + "-subject-caption",
                "c".repeat(64) + "-camera-caption");

        Instant t0 = io.chai.model.workflow.Fixtures.T0;
        var window = new ExportFilter(Set.of(), Set.of(Aspect.SCENE, Aspect.SUBJECT), Optional.empty(),
                Optional.of(t0.plusSeconds(60)), Optional.of(t0.plusSeconds(60 * 11)), false);
        new Exporter(GoldenExportTest.SPEC, with(window)).export(ExportFixture.items(), ExportFormat.CAPTION,
                tmp.resolve("c"), Optional.empty());
        assertThat(ids(tmp.resolve("c"), ExportFormat.CAPTION)).containsExactly("a".repeat(64) + "-subject-caption",
                "a".repeat(64) + "-scene-caption", "b".repeat(64) + "-subject-caption");
    }

    @Test
    void refusesToOverwriteAndNeedsAModelForMerging(@TempDir Path tmp) {
        Exporter e = new Exporter(GoldenExportTest.SPEC, ExportOptions.defaults(GoldenExportTest.AT));
        e.export(ExportFixture.items(), ExportFormat.CAPTION, tmp, Optional.empty());
        assertThatThrownBy(() -> e.export(ExportFixture.items(), ExportFormat.CAPTION, tmp, Optional.empty()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("exists");
        assertThatThrownBy(() -> e.export(ExportFixture.items(), ExportFormat.MERGED, tmp.resolve("m"),
                Optional.empty())).isInstanceOf(UserFacingException.class).hasMessageContaining("model");
    }

    @Test
    void copiesAndLinksMediaAndReportsAMissingFile(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/reels"));
        for (String n : List.of("a", "b", "c")) {
            Files.writeString(root.resolve(n + ".mp4"), "video " + n);
        }
        ExportOptions d = ExportOptions.defaults(GoldenExportTest.AT);
        for (MediaMode mode : List.of(MediaMode.COPY, MediaMode.LINK)) {
            ExportOptions o = new ExportOptions(d.filter(), d.split(), mode, Optional.of(tmp.resolve("root")),
                    d.generatedAt(), 0, 320, false);
            Path out = tmp.resolve(mode.name());
            new Exporter(GoldenExportTest.SPEC, o).export(ExportFixture.items(), ExportFormat.CAPTION, out,
                    Optional.empty());
            assertThat(Files.readString(out.resolve("media/reels/b.mp4"))).isEqualTo("video b");
            assertThat(Files.isSymbolicLink(out.resolve("media/reels/b.mp4"))).isEqualTo(mode == MediaMode.LINK);
            assertThat(Files.readString(out.resolve("caption_generation.jsonl"))).contains("\"video\":\"media/reels/a.mp4\"");
        }
        Files.delete(root.resolve("c.mp4"));
        ExportOptions o = new ExportOptions(d.filter(), d.split(), MediaMode.COPY, Optional.of(tmp.resolve("root")),
                d.generatedAt(), 0, 320, false);
        assertThatThrownBy(() -> new Exporter(GoldenExportTest.SPEC, o).export(ExportFixture.items(),
                ExportFormat.CAPTION, tmp.resolve("missing"), Optional.empty()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("c.mp4").hasMessageContaining("missing");
    }

    @Test
    void mergeCheckFlagsLengthAndMissingAspects() {
        Map<Aspect, String> caps = Map.of(Aspect.SPATIAL, "A wide shot of a beach.", Aspect.CAMERA,
                "The camera pans left slowly.");
        MergeCheck ok = MergeCheck.of("A wide shot of a beach; the camera pans left slowly.", caps, 320);
        assertThat(ok.passed()).isTrue();
        MergeCheck missing = MergeCheck.of("A wide shot of a beach.", caps, 320);
        assertThat(missing.missing()).containsExactly("camera");
        MergeCheck tooLong = MergeCheck.of("A wide shot of a beach; the camera pans left slowly.", caps, 5);
        assertThat(tooLong.passed()).isFalse();
    }

    @Test
    void vqaIsBalancedPerLabel(@TempDir Path tmp) throws IOException {
        new Exporter(GoldenExportTest.SPEC, ExportOptions.defaults(GoldenExportTest.AT)).export(ExportFixture.items(),
                ExportFormat.PRIMITIVE_VQA, tmp, Optional.empty());
        var lines = Files.readAllLines(tmp.resolve("primitive_vqa.jsonl"));
        Map<String, long[]> perLabel = new java.util.TreeMap<>();
        for (String l : lines) {
            String label = l.replaceAll(".*\"label\":\"([^\"]+)\".*", "$1");
            long[] c = perLabel.computeIfAbsent(label, k -> new long[2]);
            c[l.contains("\"answer\":\"Yes\"") ? 0 : 1]++;
        }
        assertThat(perLabel).isNotEmpty();
        perLabel.values().forEach(c -> assertThat(c[0]).isEqualTo(c[1]));
        assertThat(lines).noneMatch(l -> l.contains("unknown"));
    }

    @Test
    void exportingFormatsInParallelWritesTheGoldenFiles(@TempDir Path tmp) throws IOException {
        Exporter e = new Exporter(GoldenExportTest.SPEC, ExportOptions.defaults(GoldenExportTest.AT));
        List<ExportFormat> formats = List.of(ExportFormat.values());
        List<ExportResult> results = e.exportAll(ExportFixture.items(), formats, f -> tmp.resolve(f.id()),
                Optional.of(ExportFixture.JOINING_WRITER), 2);
        assertThat(results).extracting(ExportResult::format).containsExactlyElementsOf(formats);
        for (ExportFormat f : formats) {
            GoldenExportTest.compare(tmp.resolve(f.id()), GoldenExportTest.GOLDEN.resolve(f.id()));
        }
    }

    @Test
    void aFailingFormatFailsTheParallelExport(@TempDir Path tmp) {
        Exporter e = new Exporter(GoldenExportTest.SPEC, ExportOptions.defaults(GoldenExportTest.AT));
        assertThatThrownBy(() -> e.exportAll(ExportFixture.items(), List.of(ExportFormat.CAPTION,
                ExportFormat.MERGED), f -> tmp.resolve(f.id()), Optional.empty(), 2))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("--model");
    }

    @Test
    void generationPromptsAreCheckedForLengthAndCoverageNotTrimmed(@TempDir Path tmp) throws IOException {
        List<String> prompts = new java.util.ArrayList<>();
        MergeWriter verbose = prompt -> {
            prompts.add(prompt.user());
            return new MergeWriter.Answer("word ".repeat(Exporter.GENERATION_MAX_WORDS + 1).strip(), "m", 1, 2);
        };
        new Exporter(GoldenExportTest.SPEC, ExportOptions.defaults(GoldenExportTest.AT)).export(ExportFixture.items(),
                ExportFormat.GENERATION_PROMPT, tmp, Optional.of(verbose));
        List<String> lines = Files.readAllLines(tmp.resolve("generation_prompts.jsonl"));
        assertThat(lines).hasSameSizeAs(prompts).isNotEmpty();
        var rec = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(rec.get("output_word_count").asInt()).isEqualTo(Exporter.GENERATION_MAX_WORDS + 1);
        assertThat(rec.get("generation_prompt").asText().split(" ")).hasSize(Exporter.GENERATION_MAX_WORDS + 1);
        var checks = rec.get("checks");
        assertThat(checks.get("passed").asBoolean()).isFalse();
        assertThat(checks.get("within_limit").asBoolean()).isFalse();
        assertThat(checks.get("max_words").asInt()).isEqualTo(400);
        assertThat(checks.get("missing_aspects")).hasSize(5);
        assertThat(prompts.get(0)).contains("at most 400 words").contains("video-generation model");
        for (String aspectCaption : List.of("Spatial caption:", "Motion caption:", "Camera caption:",
                "Subject caption:", "Scene caption:")) {
            assertThat(prompts.get(0)).contains(aspectCaption);
        }
    }

    @Test
    void preEscapedPromptsWriteTheSameBytesAsJackson() throws IOException {
        var plain = new String[] {"Policy:\n\"quoted\" \\ path\t", "\n\nEnd \u0007 é \u2028."};
        var json = new String[plain.length];
        for (int i = 0; i < plain.length; i++) {
            json[i] = Exporter.Prompt.escape(plain[i]);
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String caption : List.of("A \"red\" coat\\\nnext line\u0001 – ü 😀", "plain")) {
            Exporter.Prompt p = new Exporter.Prompt(plain, json, caption);
            var sw = new java.io.StringWriter();
            try (var g = mapper.getFactory().createGenerator(sw)) {
                g.writeStartArray();
                p.write(g, "");
                p.write(g, Exporter.VIDEO_TAG);
                g.writeEndArray();
            }
            assertThat(sw.toString()).isEqualTo(mapper.writeValueAsString(List.of(p.text(), Exporter.VIDEO_TAG
                    + p.text())));
            assertThat(p.text()).startsWith(plain[0] + caption);
        }
    }
}
