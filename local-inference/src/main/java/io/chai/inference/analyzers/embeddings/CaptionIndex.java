// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.embeddings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Semantic search and near-duplicate detection over a fixed list of captions, by cosine similarity of their
 * {@link SentenceEmbedder} vectors (exhaustive: fine for tens of thousands of captions).
 */
public final class CaptionIndex {
    /** A caption and its position in the list given to {@link #build}. */
    public record Hit(int position, String caption, double similarity) {
    }

    /** Two captions whose similarity reaches the threshold ({@code first < second}). */
    public record NearDuplicate(int first, int second, double similarity) {
    }

    private final SentenceEmbedder embedder;
    private final List<String> captions;
    private final List<float[]> vectors;

    private CaptionIndex(SentenceEmbedder embedder, List<String> captions, List<float[]> vectors) {
        this.embedder = embedder;
        this.captions = captions;
        this.vectors = vectors;
    }

    /** Embeds every caption. */
    public static CaptionIndex build(SentenceEmbedder embedder, List<String> captions) {
        List<String> copy = List.copyOf(captions);
        return new CaptionIndex(Objects.requireNonNull(embedder), copy, embedder.embedAll(copy));
    }

    /** The {@code limit} captions most similar to {@code query}, most similar first. */
    public List<Hit> search(String query, int limit) {
        float[] q = embedder.embed(query);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < captions.size(); i++) {
            hits.add(new Hit(i, captions.get(i), SentenceEmbedder.cosine(q, vectors.get(i))));
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed().thenComparingInt(Hit::position));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }

    /** Every pair with similarity at least {@code threshold}, most similar first. */
    public List<NearDuplicate> nearDuplicates(double threshold) {
        List<NearDuplicate> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = i + 1; j < vectors.size(); j++) {
                double s = SentenceEmbedder.cosine(vectors.get(i), vectors.get(j));
                if (s >= threshold) {
                    out.add(new NearDuplicate(i, j, s));
                }
            }
        }
        out.sort(Comparator.comparingDouble(NearDuplicate::similarity).reversed());
        return out;
    }

    public int size() {
        return captions.size();
    }
}
