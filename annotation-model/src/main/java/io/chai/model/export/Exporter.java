// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chai.common.UserFacingException;
import io.chai.model.domain.Aspect;
import io.chai.model.json.ChaiJson;
import io.chai.model.quality.TextDiff;
import io.chai.model.spec.DerivedLabel;
import io.chai.model.spec.DerivedLabels;
import io.chai.model.spec.PromptTemplate;
import io.chai.model.spec.Specification;
import io.chai.model.spec.TriState;
import io.chai.model.workflow.AspectWork;
import io.chai.model.workflow.CaptionVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes the export formats of {@link ExportFormat} from in-memory {@link ExportItem}s. Output is deterministic:
 * items in clip-id order, aspects in their fixed order, samples in a fixed order per item, JSON keys in a fixed
 * order, {@code \n} line ends, UTF-8, and no clock other than {@link ExportOptions#generatedAt()}.
 */
public final class Exporter {
    /** Version of the manifest layout. */
    public static final int MANIFEST_VERSION = 1;
    /** Suffix added to a primitive question in its yes/no-only variant (§4.11). */
    public static final String YES_NO_SUFFIX = " Please answer yes or no.";
    /** Word limit of a video-generation prompt (issue: at most 400 words). */
    public static final int GENERATION_MAX_WORDS = 400;
    /** Video placeholder of LLaMA-Factory and ms-swift user turns. */
    public static final String VIDEO_TAG = "<video>";

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    /** One writer for every JSONL record: streams straight into the file's buffered writer, no strings. */
    private static final ObjectWriter RECORDS_NO_FLUSH = PLAIN.writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    /** Stands in for a caption while a prompt template is rendered once per (template, aspect). */
    private static final String CAPTION_MARK = "\u0000chai-caption\u0000";
    private static final Pattern CAPTION_SPLIT = Pattern.compile(Pattern.quote(CAPTION_MARK));

    private final Specification spec;
    private final ExportOptions options;
    private final ObjectWriter chaiWriter = ChaiJson.newMapper().writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    public Exporter(Specification spec, ExportOptions options) {
        this.spec = spec;
        this.options = options;
        if (options.media() != MediaMode.RELATIVE && options.mediaRoot().isEmpty()) {
            throw new UserFacingException("Copying or linking media needs the media root (--media-root DIR).");
        }
    }

    /** One chat sample of the three CHAI tasks. */
    record Sample(String id, String task, Prompt prompt, String answer) {
    }

    /**
     * A rendered prompt as the template's pieces around the caption, each piece also JSON-escaped once per
     * (template, aspect), so writing it only escapes the caption: the same bytes as writing the joined text.
     */
    record Prompt(String[] plain, String[] json, String caption) {
        private static final com.fasterxml.jackson.core.io.JsonStringEncoder ESCAPE =
                com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();

        static Prompt of(String text) {
            return new Prompt(new String[] {text}, new String[] {escape(text)}, "");
        }

        static String escape(String text) {
            return new String(ESCAPE.quoteAsString(text));
        }

        /** The prompt text. */
        String text() {
            if (plain.length == 1) {
                return plain[0];
            }
            StringBuilder sb = new StringBuilder(plain[0]);
            for (int i = 1; i < plain.length; i++) {
                sb.append(caption).append(plain[i]);
            }
            return sb.toString();
        }

        /** Writes {@code prefix + text()} as a JSON string value; {@code prefix} must need no escaping. */
        void write(JsonGenerator g, String prefix) throws IOException {
            g.writeRawValue("\"" + prefix + json[0]);
            if (json.length > 1) {
                String c = escape(caption);
                for (int i = 1; i < json.length; i++) {
                    g.writeRaw(c);
                    g.writeRaw(json[i]);
                }
            }
            g.writeRaw('"');
        }
    }

    /** One preference pair. */
    record Pair(String id, String prompt, String chosen, String rejected, String kind) {
    }

    /** Exports one format into {@code outDir} (created if missing). */
    public ExportResult export(List<ExportItem> items, ExportFormat format, Path outDir,
            Optional<MergeWriter> merge) {
        if (format.needsModel() && merge.isEmpty()) {
            throw new UserFacingException((format == ExportFormat.MERGED ? "Merged captions" : "Video-generation"
                    + " prompts") + " are written by a model: configure one with 'chai models add' and pass --model.");
        }
        List<ExportItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(i -> i.clip().hex()));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create export folder " + outDir + ": " + e.getMessage());
        }
        try (Sink sink = new Sink(outDir, format, options)) {
            Set<String> clipsUsed = new HashSet<>();
            if (format == ExportFormat.PRIMITIVE_VQA) {
                writeVqa(sorted, sink, clipsUsed);
            } else {
                for (ExportItem item : sorted) {
                    String split = options.split().map(s -> s.of(item.clip())).orElse(null);
                    long before = sink.total;
                    writeItem(item, format, split, sink, merge);
                    if (sink.total > before) {
                        clipsUsed.add(item.clip().hex());
                    }
                }
            }
            for (ExportItem item : sorted) {
                if (clipsUsed.contains(item.clip().hex())) {
                    materialize(item, outDir);
                }
            }
            Map<String, Integer> files = sink.finish();
            writeManifest(outDir, format, sink, files, clipsUsed.size(), sorted.size());
            return new ExportResult(format, outDir, files, clipsUsed.size(), sink.total);
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the export to " + outDir + ": " + reason(e));
        }
    }

    /**
     * Exports several formats on {@code threads} threads (formats are independent: each writes its own folder),
     * returning the results in the order of {@code formats}. The first failure is rethrown once every started
     * format has finished; a {@link MergeWriter} is only ever called from one thread (only {@code merged} uses it).
     *
     * @param dirs the folder of each format
     */
    public List<ExportResult> exportAll(List<ExportItem> items, List<ExportFormat> formats,
            java.util.function.Function<ExportFormat, Path> dirs, Optional<MergeWriter> merge, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == 1 || formats.size() < 2) {
            return formats.stream().map(f -> export(items, f, dirs.apply(f), merge)).toList();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(threads, formats.size()), r -> {
                    Thread t = new Thread(r, "chai-export");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<ExportResult>> futures = new ArrayList<>();
            for (ExportFormat f : formats) {
                futures.add(pool.submit(() -> export(items, f, dirs.apply(f), merge)));
            }
            List<ExportResult> out = new ArrayList<>();
            RuntimeException failure = null;
            for (java.util.concurrent.Future<ExportResult> fu : futures) {
                try {
                    out.add(fu.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserFacingException("The export was interrupted; its folders may be incomplete.");
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "missing " + e.getMessage() + " (was the folder removed while exporting?)";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage();
    }

    private void writeItem(ExportItem item, ExportFormat format, String split, Sink sink,
            Optional<MergeWriter> merge) throws IOException {
        String video = video(item);
        if (format == ExportFormat.FULL) {
            Map<String, Object> rec = fullRecord(item, video);
            if (rec != null) {
                sink.write(split, rec);
            }
            return;
        }
        if (format.needsModel()) {
            Map<String, Object> rec = format == ExportFormat.MERGED
                    ? modelWritten(item, video, merge.orElseThrow(), "merge", "merged_caption", options.mergeMaxWords())
                    : modelWritten(item, video, merge.orElseThrow(), "generation_prompt", "generation_prompt",
                            GENERATION_MAX_WORDS);
            if (rec != null) {
                sink.write(split, rec);
            }
            return;
        }
        for (AspectWork w : item.work().values()) {
            if (!options.filter().accepts(w) || w.captionData().isEmpty() || w.preCaption().isEmpty()) {
                continue;
            }
            switch (format) {
                case CAPTION, CRITIQUE, YES_NO -> {
                    CaptionVersion v = w.captionData().orElseThrow();
                    for (Sample s : samples(w, format)) {
                        sink.write(split, generic(w, v, video, s));
                    }
                }
                case SFT_LLAMAFACTORY, SFT_SWIFT, SFT_TRL -> {
                    for (ExportFormat task : List.of(ExportFormat.CAPTION, ExportFormat.CRITIQUE, ExportFormat.YES_NO)) {
                        for (Sample s : samples(w, task)) {
                            sink.write(split, format == ExportFormat.SFT_TRL ? TrainerRecords.trlSft(s, video)
                                    : TrainerRecords.messagesSft(s, video));
                        }
                    }
                }
                case DPO_TRL, DPO_LLAMAFACTORY, DPO_SWIFT -> {
                    for (Pair p : pairs(w)) {
                        sink.write(split, switch (format) {
                            case DPO_TRL -> TrainerRecords.trlDpo(p, video);
                            case DPO_SWIFT -> TrainerRecords.swiftDpo(p, video);
                            default -> TrainerRecords.llamaFactoryDpo(p, video);
                        });
                    }
                }
                case DENSE_DIFF -> {
                    Streamed rec = denseDiff(w, video);
                    if (rec != null) {
                        sink.write(split, rec);
                    }
                }
                default -> throw new IllegalStateException("unhandled format " + format);
            }
        }
    }

    // ---- the three CHAI tasks ----

    private final Map<Aspect, String> instructions = new ConcurrentHashMap<>();
    private final Map<Aspect, Prompt> captionPrompts = new ConcurrentHashMap<>();
    /** Rendered templates per (template, aspect), split where the caption goes. */
    private final Map<String, Prompt[]> rendered = new ConcurrentHashMap<>();

    String captionInstruction(Aspect aspect) {
        return instructions.computeIfAbsent(aspect, this::buildInstruction);
    }

    private Prompt captionPrompt(Aspect aspect) {
        return captionPrompts.computeIfAbsent(aspect, a -> Prompt.of(captionInstruction(a)));
    }

    private String buildInstruction(Aspect aspect) {
        String name = spec.aspect(aspect.key()).map(a -> a.name()).orElse(aspect.displayName());
        return "Describe the " + name.toLowerCase(Locale.ROOT) + " aspect of this video. "
                + spec.policy().forAspect(aspect.key()).shortPolicy();
    }

    /**
     * The template rendered with the aspect's name and policy and {@code caption}. Templates depend only on the
     * aspect and the caption, so each (template, aspect) is rendered once with a marker in place of the caption
     * and the caption is spliced in; a blank caption (which may switch sections off) or one holding the marker's
     * NUL character is rendered in full.
     */
    private Prompt render(String template, Aspect aspect, String caption) {
        if (caption.isBlank() || caption.indexOf('\u0000') >= 0) {
            return Prompt.of(renderFull(template, aspect, caption));
        }
        Prompt[] perAspect = rendered.computeIfAbsent(template, k -> new Prompt[Aspect.values().length]);
        Prompt parts = perAspect[aspect.ordinal()];
        if (parts == null) {
            String[] plain = CAPTION_SPLIT.split(renderFull(template, aspect, CAPTION_MARK), -1);
            String[] json = new String[plain.length];
            for (int i = 0; i < plain.length; i++) {
                json[i] = Prompt.escape(plain[i]);
            }
            parts = new Prompt(plain, json, "");
            perAspect[aspect.ordinal()] = parts; // a racing thread computes the same parts
        }
        return new Prompt(parts.plain(), parts.json(), caption);
    }

    private String renderFull(String template, Aspect aspect, String caption) {
        PromptTemplate t = spec.template(template).orElseThrow(() -> new UserFacingException(
                "The specification has no '" + template + "' prompt template; exports need it."));
        Map<String, Object> vars = new LinkedHashMap<>();
        String name = spec.aspect(aspect.key()).map(a -> a.name()).orElse(aspect.displayName());
        vars.put("aspect_name", name);
        vars.put("policy", spec.policy().forAspect(aspect.key()).shortPolicy());
        vars.put("caption", caption);
        if (t.variables().contains("sentinel")) {
            vars.put("sentinel", spec.sentinel());
        }
        PromptTemplate.Rendered r = t.render(vars);
        return r.system() == null || r.system().isBlank() ? r.user() : r.system() + "\n\n" + r.user();
    }

    /** The samples of one task for one item (§4.9). */
    List<Sample> samples(AspectWork w, ExportFormat task) {
        CaptionVersion v = w.captionData().orElseThrow();
        String pre = w.preCaption().orElseThrow().text();
        String post = v.caption().text();
        boolean perfect = v.rating().isPerfect();
        String base = w.clip().hex() + "-" + w.aspect().key();
        List<Sample> out = new ArrayList<>();
        switch (task) {
            case CAPTION -> out.add(new Sample(base + "-caption", "caption", captionPrompt(w.aspect()), post));
            case CRITIQUE -> {
                if (!perfect) {
                    out.add(new Sample(base + "-critique-pre", "critique", render("critique_generation", w.aspect(),
                            pre), v.critique().finalText()));
                }
                out.add(new Sample(base + "-critique-post", "critique", render("critique_generation", w.aspect(),
                        post), spec.sentinel()));
            }
            case YES_NO -> {
                out.add(new Sample(base + "-yes_no-post", "yes_no", render("reward_yes_no", w.aspect(), post), "Yes"));
                if (!perfect && !pre.equals(post)) {
                    out.add(new Sample(base + "-yes_no-pre", "yes_no", render("reward_yes_no", w.aspect(), pre), "No"));
                }
            }
            default -> throw new IllegalStateException("not a task: " + task);
        }
        return out;
    }

    private Streamed generic(AspectWork w, CaptionVersion v, String video, Sample s) {
        String clip = w.clip().hex();
        String aspect = w.aspect().key();
        int score = v.rating().score();
        String type = v.workflowType().key();
        String status = w.exportStatus().key();
        return g -> {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("clip_id", clip);
            g.writeStringField("video", video);
            g.writeStringField("aspect", aspect);
            g.writeStringField("task", s.task());
            g.writeFieldName("prompt");
            s.prompt().write(g, "");
            g.writeStringField("answer", s.answer());
            g.writeNumberField("pre_caption_score", score);
            g.writeStringField("workflow_type", type);
            g.writeStringField("status", status);
            g.writeEndObject();
        };
    }

    /**
     * A record that writes itself to the JSON generator, field by field, for the high-volume formats: the same
     * bytes as the equivalent map, without building the map.
     */
    @FunctionalInterface
    interface Streamed {
        void write(JsonGenerator g) throws IOException;
    }

    /** Preference pairs: post ≻ pre; after a rejection also reviewer's caption ≻ the annotator's. */
    List<Pair> pairs(AspectWork w) {
        CaptionVersion v = w.captionData().orElseThrow();
        String pre = w.preCaption().orElseThrow().text();
        String post = v.caption().text();
        String prompt = captionInstruction(w.aspect());
        String base = w.clip().hex() + "-" + w.aspect().key();
        List<Pair> out = new ArrayList<>();
        if (!pre.equals(post)) {
            out.add(new Pair(base + "-post_over_pre", prompt, post, pre, "post_over_pre"));
        }
        w.negativeExample().ifPresent(neg -> {
            String rejected = neg.caption().text();
            if (!rejected.equals(post) && !rejected.equals(pre)) {
                out.add(new Pair(base + "-reviewer_over_annotator", prompt, post, rejected,
                        "reviewer_over_annotator"));
            }
        });
        return out;
    }

    private Streamed denseDiff(AspectWork w, String video) {
        CaptionVersion v = w.captionData().orElseThrow();
        String pre = w.preCaption().orElseThrow().text();
        String post = v.caption().text();
        if (pre.equals(post)) {
            return null;
        }
        List<TextDiff.Token> a = TextDiff.tokens(pre);
        List<TextDiff.Token> b = TextDiff.tokens(post);
        List<TextDiff.Hunk> hunks = TextDiff.diff(a.stream().map(TextDiff.Token::text).toList(),
                b.stream().map(TextDiff.Token::text).toList());
        int[] preChanged = new int[a.size()];
        int[] postChanged = new int[b.size()];
        List<int[]> hs = new ArrayList<>();
        for (TextDiff.Hunk h : hunks) {
            for (int i = h.aStart(); i < h.aEnd(); i++) {
                preChanged[i] = 1;
            }
            for (int i = h.bStart(); i < h.bEnd(); i++) {
                postChanged[i] = 1;
            }
            hs.add(new int[] {h.aStart(), h.aEnd(), h.bStart(), h.bEnd()});
        }
        String clip = w.clip().hex();
        String aspect = w.aspect().key();
        Prompt prompt = captionPrompt(w.aspect());
        return g -> {
            g.writeStartObject();
            g.writeStringField("id", clip + "-" + aspect + "-dense");
            g.writeStringField("clip_id", clip);
            g.writeStringField("video", video);
            g.writeStringField("aspect", aspect);
            g.writeFieldName("prompt");
            prompt.write(g, "");
            g.writeStringField("tokenizer", "chai-words-v1");
            g.writeStringField("rejected", pre);
            g.writeStringField("chosen", post);
            tokens(g, "rejected", a, preChanged);
            tokens(g, "chosen", b, postChanged);
            g.writeArrayFieldStart("hunks");
            for (int[] h : hs) {
                g.writeArray(h, 0, h.length);
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    private static void tokens(JsonGenerator g, String side, List<TextDiff.Token> tokens, int[] changed)
            throws IOException {
        g.writeArrayFieldStart(side + "_tokens");
        for (TextDiff.Token t : tokens) {
            g.writeString(t.text());
        }
        g.writeEndArray();
        g.writeArrayFieldStart(side + "_offsets");
        for (TextDiff.Token t : tokens) {
            g.writeStartArray();
            g.writeNumber(t.start());
            g.writeNumber(t.end());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeFieldName(side + "_changed");
        g.writeArray(changed, 0, changed.length);
    }

    // ---- primitive VQA ----

    private void writeVqa(List<ExportItem> items, Sink sink, Set<String> clipsUsed) throws IOException {
        Map<String, DerivedLabels> derived = new LinkedHashMap<>();
        for (ExportItem item : items) {
            item.labels().ifPresent(l -> derived.put(item.clip().hex(), spec.derive(l.toStoredMap())));
        }
        Map<String, ExportItem> byHex = new LinkedHashMap<>();
        items.forEach(i -> byHex.put(i.clip().hex(), i));
        String[] clipIds = derived.keySet().toArray(new String[0]);
        DerivedLabels[] states = derived.values().toArray(new DerivedLabels[0]);
        for (DerivedLabel label : spec.labels()) {
            List<String> pos = new ArrayList<>();
            List<String> neg = new ArrayList<>();
            String id = label.id();
            for (int i = 0; i < states.length; i++) {
                TriState s = states[i].get(id);
                if (s == TriState.YES) {
                    pos.add(clipIds[i]);
                } else if (s == TriState.NO) {
                    neg.add(clipIds[i]);
                }
            }
            int n = Math.min(pos.size(), neg.size());
            if (n == 0) {
                continue;
            }
            List<String> chosen = new ArrayList<>(pick(pos, label.id(), n));
            chosen.addAll(pick(neg, label.id(), n));
            chosen.sort(Comparator.naturalOrder());
            Set<String> positive = new HashSet<>(pos);
            for (String clip : chosen) {
                ExportItem item = byHex.get(clip);
                String split = options.split().map(s -> s.of(item.clip())).orElse(null);
                String video = video(item);
                String answer = positive.contains(clip) ? "Yes" : "No";
                for (boolean suffix : new boolean[] {false, true}) {
                    sink.write(split, (Streamed) g -> {
                        g.writeStartObject();
                        g.writeStringField("id", clip + "-" + label.id() + (suffix ? "-yn" : ""));
                        g.writeStringField("clip_id", clip);
                        g.writeStringField("video", video);
                        g.writeStringField("label", label.id());
                        g.writeStringField("prompt", label.question() + (suffix ? YES_NO_SUFFIX : ""));
                        g.writeStringField("answer", answer);
                        g.writeEndObject();
                    });
                }
                clipsUsed.add(clip);
            }
        }
    }

    private List<String> pick(List<String> clips, String label, int n) {
        Map<String, Double> unit = new java.util.HashMap<>(clips.size() * 2);
        for (String clip : clips) {
            unit.put(clip, SplitSpec.unit("chai-vqa:" + options.vqaSeed() + ":" + label + ":" + clip));
        }
        List<String> c = new ArrayList<>(clips);
        c.sort(Comparator.comparingDouble((String clip) -> unit.get(clip)).thenComparing(Comparator.naturalOrder()));
        return c.subList(0, n);
    }

    // ---- full records ----

    private Map<String, Object> fullRecord(ExportItem item, String video) {
        Map<String, Object> captions = new LinkedHashMap<>();
        for (AspectWork w : item.work().values()) {
            if (!options.filter().accepts(w)) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("status", w.exportStatus().key());
            a.put("workflow_type", w.workflowType().map(t -> t.key()).orElse(null));
            a.put("caption_data", w.captionData().map(this::domain).orElse(null));
            a.put("negative_example", w.negativeExample().map(this::domain).orElse(null));
            a.put("work", domain(w));
            captions.put(w.aspect().key(), a);
        }
        if (captions.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clip_id", item.clip().hex());
        m.put("video", video);
        m.put("primitive_labels", item.labels().map(this::domain).orElse(null));
        m.put("captions", captions);
        return m;
    }

    private DomainJson domain(Object value) {
        return new DomainJson(chaiWriter, value);
    }

    /**
     * A domain object inside an export record, serialized with the domain mapper ({@link ChaiJson}) straight into
     * the record's generator — the same output as converting it to a tree first, without building the tree.
     */
    private record DomainJson(ObjectWriter writer, Object value) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            writer.writeValue(gen, value);
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
                throws IOException {
            serialize(gen, serializers);
        }
    }

    // ---- merged caption ----

    /**
     * A model-written text from the five reference captions of a clip (§4.10 merge, or the video-generation
     * prompt), checked for length and coverage; null unless every aspect is accepted by the filter and has a
     * reference version.
     */
    private Map<String, Object> modelWritten(ExportItem item, String video, MergeWriter writer, String template,
            String textKey, int maxWords) {
        Map<Aspect, String> captions = new LinkedHashMap<>();
        for (Aspect a : Aspect.values()) {
            AspectWork w = item.work().get(a);
            if (w == null || !options.filter().accepts(w) || w.referenceVersion().isEmpty()) {
                return null;
            }
            captions.put(a, w.referenceVersion().get().caption().text());
        }
        PromptTemplate t = spec.template(template).orElseThrow(() -> new UserFacingException(
                "The specification has no '" + template + "' prompt template; add it to prompts.yaml."));
        Map<String, Object> vars = new LinkedHashMap<>();
        captions.forEach((a, c) -> vars.put(a.key() + "_caption", c));
        vars.put("max_words", maxWords);
        PromptTemplate.Rendered prompt = t.render(vars);
        MergeWriter.Answer answer = writer.write(prompt);
        String text = answer.text().strip();
        MergeCheck check = MergeCheck.of(text, captions, maxWords);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Aspect a : List.of(Aspect.CAMERA, Aspect.SUBJECT, Aspect.MOTION, Aspect.SCENE, Aspect.SPATIAL)) {
            inputs.put(a.displayName(), captions.get(a));
        }
        int inputWords = captions.values().stream().mapToInt(TextDiff::wordCount).sum();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("video_id", item.clip().hex());
        m.put("video", video);
        m.put(textKey, text);
        m.put("input_captions", inputs);
        m.put("prompt", prompt.user());
        m.put("llm_model", answer.model());
        m.put("timestamp", options.generatedAt().toString());
        m.put("input_token_count", answer.inputTokens());
        m.put("input_word_count", inputWords);
        m.put("output_token_count", answer.outputTokens());
        m.put("output_word_count", TextDiff.wordCount(text));
        m.put("checks", check.describe());
        return m;
    }

    // ---- media, manifest, files ----

    private String video(ExportItem item) {
        return options.media() == MediaMode.RELATIVE ? item.mediaPath() : "media/" + item.mediaPath();
    }

    private void materialize(ExportItem item, Path outDir) throws IOException {
        if (options.media() == MediaMode.RELATIVE) {
            return;
        }
        Path src = options.mediaRoot().orElseThrow().resolve(item.mediaPath());
        Path dst = outDir.resolve("media").resolve(item.mediaPath()).normalize();
        if (!dst.startsWith(outDir.resolve("media"))) {
            throw new UserFacingException("Media path " + item.mediaPath() + " leaves the export folder.");
        }
        if (!Files.isRegularFile(src)) {
            throw new UserFacingException("Media file " + src + " is missing; relink the clip ('chai relink') or"
                    + " export with relative paths.");
        }
        Files.createDirectories(dst.getParent());
        if (Files.exists(dst, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!options.overwrite()) {
                return; // already materialized by an earlier format of the same export
            }
            Files.delete(dst);
        }
        if (options.media() == MediaMode.LINK) {
            Files.createSymbolicLink(dst, src.toAbsolutePath());
        } else {
            Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private void writeManifest(Path outDir, ExportFormat format, Sink sink, Map<String, Integer> files, int clips,
            int itemsGiven) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manifest_version", MANIFEST_VERSION);
        m.put("format", format.id());
        m.put("format_version", format.version());
        m.put("generated_at", options.generatedAt().toString());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", spec.id());
        s.put("version", spec.version().toString());
        m.put("specification", s);
        m.put("filter", options.filter().describe());
        m.put("split", options.split().map(SplitSpec::describe).orElse(null));
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("mode", options.media().name().toLowerCase(Locale.ROOT));
        media.put("root", options.mediaRoot().map(p -> p.toAbsolutePath().normalize().toString()).orElse(null));
        m.put("media", media);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("clips_given", itemsGiven);
        counts.put("clips_exported", clips);
        counts.put("records", sink.total);
        counts.put("records_by_split", sink.bySplit());
        m.put("counts", counts);
        List<Map<String, Object>> fl = new ArrayList<>();
        files.forEach((name, n) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("records", n);
            f.put("sha256", sink.digests.get(name));
            fl.add(f);
        });
        m.put("files", fl);
        for (Map.Entry<String, Object> extra : TrainerRecords.datasetInfo(format, files.keySet()).entrySet()) {
            writeJson(outDir.resolve(extra.getKey()), extra.getValue());
        }
        writeJson(outDir.resolve("manifest.json"), m);
    }

    private void writeJson(Path p, Object value) throws IOException {
        if (Files.exists(p) && !options.overwrite()) {
            throw new UserFacingException(p + " exists; choose an empty folder or pass --overwrite.");
        }
        Files.writeString(p, PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                .replace("\r\n", "\n") + "\n", StandardCharsets.UTF_8);
    }

    /** Writes JSONL files per split, hashing as it goes. */
    private static final class Sink implements AutoCloseable {
        private final Path dir;
        private final ExportFormat format;
        private final ExportOptions options;
        private final Map<String, JsonGenerator> writers = new LinkedHashMap<>();
        private final Map<String, MessageDigest> hashing = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<String, String> digests = new LinkedHashMap<>();
        long total;

        Sink(Path dir, ExportFormat format, ExportOptions options) throws IOException {
            this.dir = dir;
            this.format = format;
            this.options = options;
            if (options.split().isPresent()) {
                for (String s : SplitSpec.NAMES) {
                    open(s);
                }
            } else {
                open(null);
            }
        }

        private String name(String split) {
            return split == null ? format.stem() + ".jsonl" : format.stem() + "." + split + ".jsonl";
        }

        private void open(String split) throws IOException {
            String name = name(split);
            Path p = dir.resolve(name);
            if (Files.exists(p) && !options.overwrite()) {
                throw new FileAlreadyExistsException(p + " exists; choose an empty folder or pass --overwrite");
            }
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            OutputStream os = new DigestOutputStream(Files.newOutputStream(p), md);
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            JsonGenerator gen = PLAIN.getFactory().createGenerator(out);
            gen.setRootValueSeparator(null);
            writers.put(name, gen);
            hashing.put(name, md);
            counts.put(name, 0);
        }

        void write(String split, Object record) throws IOException {
            String name = name(split);
            JsonGenerator gen = writers.get(name);
            if (record instanceof Streamed st) {
                st.write(gen);
            } else {
                RECORDS_NO_FLUSH.writeValue(gen, record);
            }
            gen.writeRaw('\n');
            counts.merge(name, 1, Integer::sum);
            total++;
        }

        Map<String, Integer> finish() throws IOException {
            for (var e : writers.entrySet()) {
                e.getValue().close();
                digests.put(e.getKey(), HexFormat.of().formatHex(hashing.get(e.getKey()).digest()));
            }
            writers.clear();
            return counts;
        }

        Map<String, Integer> bySplit() {
            Map<String, Integer> m = new LinkedHashMap<>();
            counts.forEach((name, n) -> {
                String[] parts = name.split("\\.");
                m.put(parts.length == 3 ? parts[1] : "all", n);
            });
            return m;
        }

        @Override
        public void close() throws IOException {
            for (JsonGenerator w : writers.values()) {
                w.close();
            }
        }
    }
}
