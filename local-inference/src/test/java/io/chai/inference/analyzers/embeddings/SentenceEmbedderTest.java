// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.inference.analyzers.AnalysisException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real all-MiniLM-L6-v2 model from the Maven jar, run offline through DJL OnnxRuntime. */
class SentenceEmbedderTest {
    static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.load(Path.of("target", "minilm-model").toAbsolutePath());
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsAreUnitLengthAndDeterministic() {
        float[] a = embedder.embed("The camera pans slowly to the right across a harbour at dawn.");
        float[] b = embedder.embed("The camera pans slowly to the right across a harbour at dawn.");
        assertThat(a).hasSize(SentenceEmbedder.DIMENSIONS).containsExactly(b);
        assertThat(SentenceEmbedder.cosine(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[] a = embedder.embed("A woman walks her dog along a sunny beach.");
        float[] para = embedder.embed("On a bright beach, a lady is walking her dog.");
        float[] other = embedder.embed("The stock market fell sharply after the interest rate announcement.");
        float[] camera = embedder.embed("The camera zooms in on a man's face in a dark room.");
        double sPara = SentenceEmbedder.cosine(a, para);
        assertThat(sPara).isGreaterThan(0.7);
        assertThat(sPara).isGreaterThan(SentenceEmbedder.cosine(a, other) + 0.4);
        assertThat(sPara).isGreaterThan(SentenceEmbedder.cosine(a, camera) + 0.3);
    }

    @Test
    void searchFindsTheCaptionThatMeansTheQuery() {
        List<String> captions = List.of(
                "A red car drives through a city street at night, neon lights reflecting on wet asphalt.",
                "Close-up of hands kneading bread dough on a floured wooden table.",
                "Aerial drone shot over snowy mountains with a winding road.",
                "Two children play football in a park while their parents watch.");
        CaptionIndex index = CaptionIndex.build(embedder, captions);
        assertThat(index.search("someone baking in a kitchen", 1).get(0).position()).isEqualTo(1);
        assertThat(index.search("a bird's-eye view of a mountain road in winter", 1).get(0).position()).isEqualTo(2);
        assertThat(index.search("kids playing soccer", 2).get(0).position()).isEqualTo(3);
    }

    @Test
    void nearDuplicateCaptionsArePairedAndOthersAreNot() {
        List<String> captions = List.of(
                "The camera slowly pans right across a quiet harbour at sunrise.",
                "A man in a blue coat reads a newspaper on a park bench.",
                "At sunrise the camera pans slowly to the right over a calm harbour.",
                "A chef flips vegetables in a pan over a high flame.",
                "A man wearing a blue coat is reading a newspaper on a bench in the park.");
        List<CaptionIndex.NearDuplicate> dups = CaptionIndex.build(embedder, captions).nearDuplicates(0.85);
        assertThat(dups).extracting(d -> d.first() + "-" + d.second()).containsExactlyInAnyOrder("0-2", "1-4");
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> embedder.embed("  ")).isInstanceOf(AnalysisException.class)
                .hasMessage("cannot embed an empty text");
    }
}
