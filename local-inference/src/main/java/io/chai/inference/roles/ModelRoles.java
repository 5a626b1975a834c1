// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.inference.client.ChatRequest;
import io.chai.inference.client.ChatResult;
import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.OutputSchema;
import io.chai.inference.client.SamplingParams;
import io.chai.inference.client.StreamListener;
import io.chai.inference.client.VideoMode;
import io.chai.inference.client.YesNoScore;
import io.chai.model.domain.InputMode;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Provenance;
import io.chai.model.domain.Sampling;
import io.chai.model.spec.Aspect;
import io.chai.model.spec.PromptTemplate;
import io.chai.model.spec.Specification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The model roles of the captioning workflow, each rendered from the specification's prompt templates and run on
 * one model server: pre-captioner (per aspect, with primitive facts and earlier approved captions), critique
 * polisher and reviser (text only), critic (answers the sentinel when no edit is needed), reward scorer (P(yes)
 * from logprobs, rubric fallback) and best-of-N. Every output carries its {@link Provenance}. Use one instance per
 * server; roles may run on different servers.
 */
public final class ModelRoles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final OutputSchema RUBRIC;

    static {
        try {
            RUBRIC = new OutputSchema("caption_rating", JSON.readTree("{\"type\":\"object\",\"properties\":{"
                    + "\"rating\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5},\"reason\":{\"type\":\"string\"}},"
                    + "\"required\":[\"rating\",\"reason\"],\"additionalProperties\":false}"));
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final String RUBRIC_INSTRUCTION = "\n\nInstead of answering Yes or No, rate the caption on this scale and"
            + " give a one-sentence reason, as a JSON object {\"rating\": 1-5, \"reason\": \"...\"}:\n"
            + "1 = mostly wrong or missing; 2 = several errors or omissions; 3 = some errors or omissions;"
            + " 4 = one minor error or omission; 5 = accurate and complete.";

    private final Specification spec;
    private final ModelServerClient client;
    private final Clock clock;
    private SamplingParams captionParams = new SamplingParams(512, 0.2, null, null);
    private SamplingParams textParams = new SamplingParams(768, 0.2, null, null);

    public ModelRoles(Specification spec, ModelServerClient client, Clock clock) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decoding parameters for the roles that watch the clip (pre-captioner, critic). */
    public ModelRoles withCaptionParams(SamplingParams p) {
        this.captionParams = Objects.requireNonNull(p);
        return this;
    }

    /** Decoding parameters for the text-only roles (polisher, reviser). */
    public ModelRoles withTextParams(SamplingParams p) {
        this.textParams = Objects.requireNonNull(p);
        return this;
    }

    // ---------------------------------------------------------------- roles

    /**
     * Drafts the pre-caption of one aspect.
     *
     * @param aspectId           e.g. {@code motion}
     * @param labels             the clip's primitive labels (null when none are available yet)
     * @param approvedCaptions   aspect id → approved caption; must hold every aspect this one depends on
     * @param shotTransitionNote how to handle a shot transition in this clip, or null
     * @param analyzerEvidence   automatic measurements (camera motion estimate, ...), or null
     */
    public RoleOutput precaption(String aspectId, PrimitiveLabels labels, Map<String, String> approvedCaptions,
            String shotTransitionNote, String analyzerEvidence, ClipInput clip) {
        return precaption(aspectId, labels, approvedCaptions, shotTransitionNote, analyzerEvidence, clip, captionParams);
    }

    private RoleOutput precaption(String aspectId, PrimitiveLabels labels, Map<String, String> approvedCaptions,
            String shotTransitionNote, String analyzerEvidence, ClipInput clip, SamplingParams params) {
        Aspect aspect = aspect(aspectId);
        Map<String, Object> v = precaptionInputs(aspect, labels, approvedCaptions, shotTransitionNote, analyzerEvidence);
        return run("precaption", v, clip, params, aspect.name() + " pre-caption");
    }

    /** The pre-caption template's variables, shared by the blocking and the streaming call. */
    private Map<String, Object> precaptionInputs(Aspect aspect, PrimitiveLabels labels,
            Map<String, String> approvedCaptions, String shotTransitionNote, String analyzerEvidence) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("aspect_name", aspect.name());
        v.put("policy", PromptInputs.policy(spec, aspect));
        v.put("primitives", PromptInputs.primitiveFacts(spec, aspect, labels));
        v.put("approved_captions", PromptInputs.approvedCaptions(spec, aspect, approvedCaptions));
        v.put("shot_transition_note", shotTransitionNote);
        v.put("analyzer_evidence", analyzerEvidence);
        return v;
    }

    /**
     * Starts drafting the pre-caption of one aspect as a stream: the same prompt, request and checks as
     * {@link #precaption}, but {@code deltas} sees the text as it arrives (on the client's worker thread, in order;
     * {@link io.chai.inference.client.StreamListener#onRestart} when a fallback starts over). The returned
     * {@link RoleStream} cancels the HTTP exchange and yields the checked {@link RoleOutput} (with provenance) only
     * once the whole answer arrived; a stream that breaks part-way fails with one line and yields no output.
     * Input errors (unknown aspect, missing approved caption) are thrown here, before anything is sent.
     */
    public RoleStream precaptionStream(String aspectId, PrimitiveLabels labels, Map<String, String> approvedCaptions,
            String shotTransitionNote, String analyzerEvidence, ClipInput clip, StreamListener deltas) {
        Objects.requireNonNull(deltas, "deltas");
        Aspect aspect = aspect(aspectId);
        Map<String, Object> v = precaptionInputs(aspect, labels, approvedCaptions, shotTransitionNote, analyzerEvidence);
        PromptTemplate.Rendered r = template("precaption").render(v);
        ChatRequest req = request(r, clip, captionParams).build();
        String what = aspect.name() + " pre-caption";
        return new RoleStream(client.stream(req, deltas), client.profile().name(), client.profile().model(),
                r.system(), r.user(), res -> output(req, r, res, what));
    }

    /** Rewrites an annotator's raw critique clearly, keeping its meaning (text only). */
    public RoleOutput polishCritique(String aspectId, String caption, String rawCritique) {
        Aspect aspect = aspect(aspectId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("aspect_name", aspect.name());
        v.put("caption", required(caption, "caption"));
        v.put("critique", required(rawCritique, "critique"));
        v.put("sentinel", spec.sentinel());
        RoleOutput out = run("critique_polish", v, null, textParams, "polished critique");
        return isSentinel(out.text()) ? new RoleOutput(spec.sentinel(), out.provenance(), out.route()) : out;
    }

    /** Revises the pre-caption with the critique, text only: the post-caption draft. */
    public RoleOutput revise(String caption, String critique) {
        if (isSentinel(critique)) {
            throw new RoleException("The critique says the caption needs no edits; keep the pre-caption as the"
                    + " post-caption instead of revising it.");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("caption", required(caption, "caption"));
        v.put("critique", required(critique, "critique"));
        return run("revision", v, null, textParams, "revision");
    }

    /** Critiques a caption against the clip and the policy; the sentinel when no edit is needed. */
    public CriticOutput critique(String aspectId, String caption, ClipInput clip) {
        Aspect aspect = aspect(aspectId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("aspect_name", aspect.name());
        v.put("policy", PromptInputs.policy(spec, aspect));
        v.put("caption", required(caption, "caption"));
        v.put("sentinel", spec.sentinel());
        RoleOutput out = run("critique_generation", v, clip, captionParams, "critique");
        if (isSentinel(out.text())) {
            return new CriticOutput(new RoleOutput(spec.sentinel(), out.provenance(), out.route()), true);
        }
        return new CriticOutput(out, false);
    }

    /** Scores how well a caption matches the clip: P(yes) from logprobs, else a 1–5 rubric rating. */
    public RewardScore reward(String aspectId, String caption, ClipInput clip) {
        Aspect aspect = aspect(aspectId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("aspect_name", aspect.name());
        v.put("policy", PromptInputs.policy(spec, aspect));
        v.put("caption", required(caption, "caption"));
        PromptTemplate t = template("reward_yes_no");
        PromptTemplate.Rendered r = t.render(v);
        ChatRequest yesNo = request(r, clip, new SamplingParams(1, 0.0, null, null)).logprobs(5)
                .acceptTruncated(true).build();
        ChatResult first = client.chat(yesNo);
        Provenance p1 = provenance(yesNo, r, first);
        YesNoScore s = first.yesNoScore();
        if (s.scored()) {
            return new RewardScore(s.pYes(), RewardScore.Method.LOGPROBS, s.detail(), List.of(p1));
        }
        PromptTemplate.Rendered rubric = new PromptTemplate.Rendered(r.system(), r.user() + RUBRIC_INSTRUCTION);
        ChatRequest rq = request(rubric, clip, new SamplingParams(128, 0.0, null, null)).schema(RUBRIC).build();
        ChatResult second = client.chat(rq);
        int rating = second.json().get("rating").asInt();
        return new RewardScore((rating - 1) / 4.0, RewardScore.Method.RUBRIC, s.detail().replace(
                "use a rubric score instead.", "rubric rating " + rating + "/5: "
                        + second.json().get("reason").asText().strip()), List.of(p1, provenance(rq, rubric, second)));
    }

    /** N pre-captions (seeds 1..N, temperature 0.7 when N > 1), each scored by {@link #reward}; the best wins. */
    public BestOfN bestPrecaption(int n, String aspectId, PrimitiveLabels labels, Map<String, String> approvedCaptions,
            String shotTransitionNote, String analyzerEvidence, ClipInput clip) {
        if (n < 1 || n > 16) {
            throw new RoleException("Best-of-N needs N between 1 and 16, not " + n + ".");
        }
        List<RoleOutput> drafts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            SamplingParams p = n == 1 ? captionParams : new SamplingParams(captionParams.maxTokens(), 0.7,
                    captionParams.topP(), (long) i);
            drafts.add(precaption(aspectId, labels, approvedCaptions, shotTransitionNote, analyzerEvidence, clip, p));
        }
        List<BestOfN.Candidate> scored = new ArrayList<>();
        for (RoleOutput d : drafts) {
            scored.add(new BestOfN.Candidate(d, reward(aspectId, d.text(), clip)));
        }
        return BestOfN.of(scored);
    }

    // ---------------------------------------------------------------- plumbing

    private RoleOutput run(String templateId, Map<String, Object> values, ClipInput clip, SamplingParams params,
            String what) {
        PromptTemplate.Rendered r = template(templateId).render(values);
        ChatRequest req = request(r, clip, params).build();
        return output(req, r, client.chat(req), what);
    }

    /** The checked output of a finished call: the same for a blocking and a streamed call. */
    private RoleOutput output(ChatRequest req, PromptTemplate.Rendered r, ChatResult res, String what) {
        String text = res.text().strip();
        if (text.isEmpty()) {
            throw new RoleException("Server '" + client.profile().name() + "' returned an empty " + what
                    + "; nothing was saved.");
        }
        return new RoleOutput(text, provenance(req, r, res), res.route());
    }

    private static ChatRequest.Builder request(PromptTemplate.Rendered r, ClipInput clip, SamplingParams params) {
        ChatRequest.Builder b = ChatRequest.builder(r.user()).params(params);
        if (!r.system().isBlank()) {
            b.system(r.system());
        }
        if (clip != null) {
            b.frames(clip.frames()).sampling(clip.sampling()).videoFile(clip.videoFile()).videoMode(clip.videoMode());
        }
        return b;
    }

    private Provenance provenance(ChatRequest req, PromptTemplate.Rendered r, ChatResult res) {
        SamplingParams p = req.params();
        Sampling sampling = new Sampling(
                p.temperature() == null ? OptionalDouble.empty() : OptionalDouble.of(p.temperature()),
                p.topP() == null ? OptionalDouble.empty() : OptionalDouble.of(p.topP()),
                p.maxTokens() == null ? OptionalInt.empty() : OptionalInt.of(p.maxTokens()),
                p.seed() == null ? OptionalLong.empty() : OptionalLong.of(p.seed()));
        boolean asImages = res.route().videoMode() == VideoMode.FRAMES_AS_IMAGES;
        List<Long> frames = asImages ? req.frames().stream().map(EncodedFrame::index).toList() : List.of();
        return new Provenance(res.provenance().respondingModel(), res.provenance().serverName(),
                res.route().dialect().id(), r.system().isBlank() ? Optional.empty() : Optional.of(r.system()),
                r.user(), inputMode(req, res), sampling, frames, res.provenance().duration(),
                res.usage().promptTokens() == null ? OptionalInt.empty() : OptionalInt.of(res.usage().promptTokens()),
                res.usage().completionTokens() == null ? OptionalInt.empty()
                        : OptionalInt.of(res.usage().completionTokens()),
                clock.instant());
    }

    /**
     * The authors' input-mode label: {@code Video} for a video input (and for more than four frames, which stand for
     * the video; the exact frames are in {@link Provenance#frames()}), the image modes for 2–4 frames, else
     * {@code Text Only}.
     */
    static InputMode inputMode(ChatRequest req, ChatResult res) {
        if (res.route().videoMode() != VideoMode.FRAMES_AS_IMAGES) {
            return InputMode.VIDEO;
        }
        return switch (req.frames().size()) {
            case 0 -> InputMode.TEXT_ONLY;
            case 2 -> InputMode.FIRST_AND_LAST_FRAME;
            case 3 -> InputMode.THREE_FRAMES;
            case 4 -> InputMode.FOUR_FRAMES;
            default -> InputMode.VIDEO;
        };
    }

    private Aspect aspect(String id) {
        return spec.aspect(id).orElseThrow(() -> new RoleException("Unknown aspect '" + id + "'; the specification has: "
                + String.join(", ", spec.aspects().stream().map(Aspect::id).toList()) + "."));
    }

    private PromptTemplate template(String id) {
        return spec.template(id).orElseThrow(() -> new RoleException("The specification has no '" + id
                + "' prompt template."));
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new RoleException("The " + what + " is empty.");
        }
        return text.strip();
    }

    /** Whether {@code text} is the sentinel, ignoring surrounding whitespace, quotes and letter case. */
    boolean isSentinel(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        while (t.length() > 1 && (t.startsWith("\"") || t.startsWith("'") || t.startsWith("“"))) {
            t = t.substring(1).strip();
        }
        while (t.length() > 1 && (t.endsWith("\"") || t.endsWith("'") || t.endsWith("”"))) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.toLowerCase(Locale.ROOT).equals(spec.sentinel().strip().toLowerCase(Locale.ROOT));
    }
}
