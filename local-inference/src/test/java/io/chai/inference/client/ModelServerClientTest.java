// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.server.RecordedRequest;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.RetryPolicy;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.Timeouts;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the loopback server over real HTTP: every success and failure path. */
class ModelServerClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<EncodedFrame> FRAMES = TestFrames.frames(4);

    LoopbackModelServer server;
    List<ModelServerClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = LoopbackModelServer.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(ModelServerClient::close);
        server.close();
        assertThat(server.violations()).as("every request the client sent was valid").isEmpty();
    }

    ServerProfile profile(Dialect d) {
        return ServerProfile.of("loop", server.baseUrl().toString(), LoopbackModelServer.DEFAULT_MODEL, d)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)))
                .withTimeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    ModelServerClient client(ServerProfile p) {
        ModelServerClient c = new ModelServerClient(p, ApiKeys.none());
        clients.add(c);
        return c;
    }

    ModelServerClient client(Dialect d) {
        return client(profile(d));
    }

    static ChatRequest caption() {
        return ChatRequest.builder("Write one caption.").system("You caption video shots.").frames(FRAMES).build();
    }

    // ---------------------------------------------------------------- success paths

    @Test
    void framesGoAsBase64JpegImagesAndTheAnswerCarriesProvenance() {
        ChatResult r = client(Dialect.OPENAI).chat(caption());

        assertThat(r.text()).startsWith("[canned answer").contains("received 4 images");
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.route().videoMode()).isEqualTo(VideoMode.FRAMES_AS_IMAGES);
        assertThat(r.route().fellBack()).isFalse();
        assertThat(r.usage().promptTokens()).isPositive();
        assertThat(r.provenance().serverName()).isEqualTo("loop");
        assertThat(r.provenance().respondingModel()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
        assertThat(r.provenance().responseId()).startsWith("chatcmpl-loopback-");
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.imageCount()).isEqualTo(4);
        assertThat(req.imageSizes()).containsOnly("448x252");
        assertThat(req.hasVideo()).isFalse();
        JsonNode content = req.body().at("/messages/1/content");
        assertThat(req.body().at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(content.get(0).get("text").asText()).isEqualTo("Write one caption.");
        assertThat(content.get(1).get("text").asText()).isEqualTo("4 frames in order, at t=0.00s, 0.48s, 0.96s, 1.44s.");
        assertThat(content.get(2).at("/image_url/url").asText()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(req.body().get("stream").asBoolean()).isFalse();
        assertThat(req.body().get("max_tokens").asInt()).isEqualTo(512);
    }

    @Test
    void vllmSendsClientSampledFramesAsOneVideoWithExactTimestamps() {
        ChatRequest r = caption().toBuilder().sampling(new FrameSampling(25, 250, 10.0)).build();
        ChatResult res = client(Dialect.VLLM).chat(r);

        assertThat(res.text()).contains("a video of 4 frames");
        assertThat(res.route().videoMode()).isEqualTo(VideoMode.VIDEO_FRAMES);
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.videoKind()).isEqualTo("jpeg-frames");
        assertThat(req.videoFrames()).isEqualTo(4);
        assertThat(req.imageCount()).isZero();
        JsonNode video = req.body().at("/media_io_kwargs/video");
        assertThat(video.get("fps").asDouble()).isEqualTo(25.0);
        assertThat(video.get("frames_indices").toString()).isEqualTo("[0,12,24,36]");
        assertThat(video.get("total_num_frames").asInt()).isEqualTo(250);
        assertThat(video.get("duration").asDouble()).isEqualTo(10.0);
    }

    @Test
    void vllmFallsBackToImagesWhenTheServerRejectsVideoAndRemembersIt() throws Exception {
        server.close();
        server = LoopbackModelServer.start(LoopbackModelServer.Config.defaults().withVideoSupported(false), 0);
        ModelServerClient c = client(Dialect.VLLM);

        ChatResult first = c.chat(caption());
        assertThat(first.route().videoMode()).isEqualTo(VideoMode.FRAMES_AS_IMAGES);
        assertThat(first.route().notes()).singleElement().asString()
                .contains("server rejected video_url with 4 JPEG frames (HTTP 400: At most 0 video(s)")
                .contains("sent 4 frames as images");
        assertThat(first.text()).contains("received 4 images");
        ChatResult second = c.chat(caption());
        assertThat(second.route().notes()).singleElement().asString().contains("rejected video_url earlier");
        List<RecordedRequest> reqs = server.chatRequests();
        assertThat(reqs).hasSize(3);
        assertThat(reqs.get(0).videoKind()).isEqualTo("jpeg-frames");
        assertThat(reqs.get(1).imageCount()).isEqualTo(4);
        assertThat(reqs.get(2).hasVideo()).isFalse();
    }

    @Test
    void vllmCanSendTheClipFileForServerSideSampling(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("shot 1.mp4");
        Files.write(clip, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0});
        ChatRequest r = caption().toBuilder().videoFile(clip).videoMode(VideoMode.VIDEO_FILE).build();

        ChatResult res = client(Dialect.VLLM).chat(r);

        assertThat(res.route().videoMode()).isEqualTo(VideoMode.VIDEO_FILE);
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.videoKind()).isEqualTo("file");
        assertThat(req.body().at("/messages/1/content/1/video_url/url").asText()).isEqualTo(clip.toUri().toString());
        assertThat(req.body().at("/mm_processor_kwargs/do_sample_frames").asBoolean()).isTrue();
    }

    @Test
    void videoRejectionWithoutFallbackIsAClearError() throws Exception {
        server.enqueue(new Behavior.RejectVideo());
        ChatRequest r = caption().toBuilder().videoMode(VideoMode.VIDEO_FRAMES).allowVideoFallback(false).build();

        assertThatThrownBy(() -> client(Dialect.VLLM).chat(r)).isInstanceOf(VideoNotSupportedException.class)
                .hasMessage("Server 'loop' rejected video_url with 4 JPEG frames (HTTP 400: At most 0 video(s) may be"
                        + " provided in one request.).");
    }

    @Test
    void nonVideoDialectsSendImagesAndSayWhy() {
        ChatRequest r = caption().toBuilder().videoMode(VideoMode.VIDEO_FRAMES).build();
        ChatResult res = client(Dialect.LLAMA_CPP).chat(r);
        assertThat(res.route().videoMode()).isEqualTo(VideoMode.FRAMES_AS_IMAGES);
        assertThat(res.route().notes()).containsExactly("dialect llama-cpp has no video input; sent 4 frames as images");
    }

    @Test
    void streamingDeliversIncrementalTextAndThenTheFinalResult() {
        List<String> chunks = Collections.synchronizedList(new ArrayList<>());
        ChatCall call = client(Dialect.OPENAI).stream(caption(), chunks::add);
        ChatResult r = call.await();

        assertThat(chunks.size()).isGreaterThan(5);
        assertThat(String.join("", chunks)).isEqualTo(r.text());
        assertThat(r.usage().completionTokens()).isEqualTo(chunks.size());
        assertThat(call.state()).isEqualTo(ChatCall.State.COMPLETED);
        assertThat(call.finalResult()).contains(r);
        assertThat(server.chatRequests().get(0).body().at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void aSlowButSteadyStreamIsNotATimeout() {
        // ~20 chunks 80 ms apart: the whole answer takes longer than the 1 s read timeout, no single gap does
        server.enqueue(new Behavior.SlowStream(Duration.ofMillis(80)));
        ServerProfile p = profile(Dialect.OPENAI).withTimeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        ChatResult r = client(p).stream(caption(), s -> { }).await();
        assertThat(r.text()).contains("received 4 images");
    }

    // ---------------------------------------------------------------- failure paths

    @Test
    void droppedStreamFailsAndLeavesNoFinalResult() {
        server.enqueue(new Behavior.DropConnection(3));
        List<String> chunks = Collections.synchronizedList(new ArrayList<>());
        ChatCall call = client(Dialect.OPENAI).stream(caption(), chunks::add);

        assertThatThrownBy(call::await).isInstanceOf(ConnectionDroppedException.class)
                .hasMessageStartingWith("Server 'loop' closed the connection before the answer was complete (")
                .hasMessageEndingWith("characters received); the incomplete answer was not saved.");
        assertThat(chunks).hasSize(3);
        assertThat(call.finalResult()).isEmpty();
        assertThat(call.state()).isEqualTo(ChatCall.State.FAILED);
        assertThat(call.partialText()).isEqualTo(String.join("", chunks));
        assertThat(((ModelServerException) call.failure().orElseThrow()).partialText()).isEqualTo(call.partialText());
    }

    @Test
    void anErrorEventMidStreamIsRetriedAndTheListenerStartsOver() {
        server.enqueue(new Behavior.ErrorMidStream(3, 500, "CUDA error: an illegal memory access"));
        List<String> chunks = Collections.synchronizedList(new ArrayList<>());
        List<String> restarts = Collections.synchronizedList(new ArrayList<>());
        ChatCall call = client(Dialect.OPENAI).stream(caption(), new StreamListener() {
            @Override
            public void onText(String chunk) {
                chunks.add(chunk);
            }

            @Override
            public void onRestart(String reason) {
                restarts.add(reason);
                chunks.clear();
            }
        });
        ChatResult r = call.await();
        assertThat(restarts).containsExactly("server failed mid-answer (HTTP 500); retrying");
        assertThat(String.join("", chunks)).isEqualTo(r.text()).isEqualTo(call.partialText());
        assertThat(r.route().attempts()).isEqualTo(2);
    }

    @Test
    void anErrorEventMidStreamFailsWhenRetriesRunOut() {
        server.setDefaultBehavior(new Behavior.ErrorMidStream(2, 500, "CUDA error: an illegal memory access"));
        ServerProfile p = profile(Dialect.OLLAMA).withRetry(RetryPolicy.NONE);
        ChatCall call = client(p).stream(caption(), s -> { });
        assertThatThrownBy(call::await).isInstanceOf(ServerErrorException.class)
                .hasMessage("Server 'loop' failed with HTTP 500 after 1 attempt (server said: CUDA error: an illegal"
                        + " memory access).");
        assertThat(call.finalResult()).isEmpty();
    }

    @Test
    void droppedNonStreamingAnswerFails() {
        server.enqueue(new Behavior.DropConnection(0));
        ChatCall call = client(Dialect.OPENAI).submit(caption());
        assertThatThrownBy(call::await).isInstanceOf(ConnectionDroppedException.class)
                .hasMessageContaining("closed the connection before the answer was complete");
        assertThat(call.finalResult()).isEmpty();
    }

    @Test
    void noAnswerWithinTheReadTimeoutIsATimeout() {
        server.enqueue(new Behavior.Delay(Duration.ofSeconds(3), new Behavior.Normal()));
        ServerProfile p = profile(Dialect.OPENAI).withTimeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
        ChatCall call = client(p).submit(caption());
        assertThatThrownBy(call::await).isInstanceOf(ServerTimeoutException.class)
                .hasMessage("Server 'loop' did not answer within 0.5 s (read timeout); raise readTimeoutMs in its"
                        + " profile if the model is slow.");
        assertThat(call.finalResult()).isEmpty();
    }

    @Test
    void aStreamThatStallsMidAnswerTimesOutAndIsNotSaved() {
        server.enqueue(new Behavior.StallMidStream(Duration.ofSeconds(3)));
        ServerProfile p = profile(Dialect.OPENAI).withTimeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
        List<String> chunks = Collections.synchronizedList(new ArrayList<>());
        ChatCall call = client(p).stream(caption(), chunks::add);
        assertThatThrownBy(call::await).isInstanceOf(ServerTimeoutException.class)
                .hasMessage("Server 'loop' stopped sending for more than 0.5 s mid-answer (read timeout); the"
                        + " incomplete answer was not saved.");
        assertThat(chunks).hasSize(1);
        assertThat(call.finalResult()).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        server.enqueue(new Behavior.Status(500, "CUDA out of memory"), new Behavior.Status(503, "busy"));
        ChatResult r = client(Dialect.OPENAI).chat(caption());
        assertThat(r.route().attempts()).isEqualTo(3);
        assertThat(server.chatRequests()).hasSize(3);
    }

    @Test
    void persistentServerErrorsFailAfterAllRetries() {
        server.setDefaultBehavior(new Behavior.Status(500, "CUDA out of memory"));
        assertThatThrownBy(() -> client(Dialect.OPENAI).chat(caption())).isInstanceOf(ServerErrorException.class)
                .hasMessage("Server 'loop' failed with HTTP 500 after 4 attempts (server said: CUDA out of memory).");
        assertThat(server.chatRequests()).hasSize(4);
    }

    @Test
    void rateLimitingIsRetriedHonouringRetryAfterThenReported() {
        server.enqueue(new Behavior.RateLimited(0));
        assertThat(client(Dialect.OPENAI).chat(caption()).route().attempts()).isEqualTo(2);

        server.setDefaultBehavior(new Behavior.RateLimited(0));
        ServerProfile p = profile(Dialect.OPENAI).withRetry(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(5)));
        assertThatThrownBy(() -> client(p).chat(caption())).isInstanceOf(RateLimitedException.class)
                .hasMessage("Server 'loop' is still rate limiting (HTTP 429) after 2 attempts; try again later or"
                        + " lower the concurrency.");
    }

    @Test
    void malformedJsonBodyIsReported() {
        server.enqueue(new Behavior.MalformedJson());
        assertThatThrownBy(() -> client(Dialect.OPENAI).chat(caption())).isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("Server 'loop' returned malformed JSON: Unexpected end-of-input");
    }

    @Test
    void malformedStreamChunkIsReportedAndNothingIsFinal() {
        server.enqueue(new Behavior.MalformedJson());
        ChatCall call = client(Dialect.OPENAI).stream(caption(), s -> { });
        assertThatThrownBy(call::await).isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("Server 'loop' sent a malformed stream chunk: ");
        assertThat(call.finalResult()).isEmpty();
    }

    @Test
    void cutOffAnswerIsAnErrorWithThePartialTextAside() {
        server.enqueue(new Behavior.Truncated());
        ChatCall call = client(Dialect.OPENAI).submit(caption());
        assertThatThrownBy(call::await).isInstanceOf(TruncatedAnswerException.class)
                .hasMessageStartingWith("The answer from server 'loop' was cut off (finish_reason=length) after ")
                .hasMessageEndingWith("raise max tokens (now 512) or shorten the prompt. The incomplete answer was not saved.");
        assertThat(call.finalResult()).isEmpty();
        assertThat(((ModelServerException) call.failure().orElseThrow()).partialText()).startsWith("[canned answer");
    }

    @Test
    void missingModelListsTheAvailableOnes() {
        ServerProfile p = profile(Dialect.VLLM).withModel("qwen3-vl:8b");
        assertThatThrownBy(() -> client(p).chat(caption())).isInstanceOf(ModelNotFoundException.class)
                .hasMessage("Model 'qwen3-vl:8b' is not available on server 'loop' (404). Available: "
                        + LoopbackModelServer.DEFAULT_MODEL + ".");
        ServerProfile o = profile(Dialect.OLLAMA).withModel("qwen3-vl:8b");
        assertThatThrownBy(() -> client(o).chat(caption())).isInstanceOf(ModelNotFoundException.class)
                .hasMessage("Model 'qwen3-vl:8b' is not available on server 'loop' (404). Available: "
                        + LoopbackModelServer.DEFAULT_MODEL + ".");
    }

    @Test
    void contextTooLongIsRecognisedInEachServersWording() {
        for (Behavior.Flavor f : Behavior.Flavor.values()) {
            server.enqueue(new Behavior.ContextTooLong(f));
            Dialect d = f == Behavior.Flavor.OLLAMA ? Dialect.OLLAMA : Dialect.OPENAI;
            assertThatThrownBy(() -> client(d).chat(caption())).as(f.name()).isInstanceOf(ContextTooLongException.class)
                    .hasMessageStartingWith("The request is too long for the model's context on server 'loop' (server said: ")
                    .hasMessageEndingWith("). Send fewer or smaller frames, or raise the server's context length.");
        }
        assertThat(server.chatRequests()).hasSize(3);
    }

    @Test
    void serverDownIsReportedAsNotReachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ServerProfile p = ServerProfile.of("local-vllm", "http://127.0.0.1:" + port, "m", Dialect.VLLM);
        assertThatThrownBy(() -> client(p).chat(caption())).isInstanceOf(ServerUnreachableException.class)
                .hasMessage("Model server 'local-vllm' at http://127.0.0.1:" + port
                        + " is not reachable (connection refused). Is it running?");
        assertThatThrownBy(() -> client(p).listModels()).isInstanceOf(ServerUnreachableException.class);
    }

    @Test
    void tooManyImagesIsARejectedRequest() throws Exception {
        server.close();
        server = LoopbackModelServer.start(LoopbackModelServer.Config.defaults().withMaxImages(2), 0);
        assertThatThrownBy(() -> client(Dialect.OPENAI).chat(caption())).isInstanceOf(RequestRejectedException.class)
                .hasMessage("Server 'loop' rejected the request (HTTP 400): At most 2 image(s) may be provided in one request.");
    }

    @Test
    void cancellationAbortsTheExchange() throws Exception {
        server.enqueue(new Behavior.Delay(Duration.ofSeconds(4), new Behavior.Normal()));
        ChatCall call = client(Dialect.OPENAI).submit(caption());
        long deadline = System.currentTimeMillis() + 3000;
        while (server.chatRequests().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        call.cancel();
        assertThatThrownBy(call::await).isInstanceOf(CallCancelledException.class)
                .hasMessage("The request to server 'loop' was cancelled; nothing was saved.");
        assertThat(call.state()).isEqualTo(ChatCall.State.CANCELLED);
        assertThat(call.finalResult()).isEmpty();
    }

    // ---------------------------------------------------------------- schema, logprobs, keys

    static final OutputSchema CRITIQUE;

    static {
        try {
            CRITIQUE = new OutputSchema("critique", JSON.readTree("{\"type\":\"object\",\"properties\":{"
                    + "\"verdict\":{\"type\":\"string\",\"enum\":[\"ok\",\"edit\"]},"
                    + "\"issues\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}},"
                    + "\"required\":[\"verdict\",\"issues\"],\"additionalProperties\":false}"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void schemaConstrainedAnswerIsParsedAndValidated() {
        ChatResult r = client(Dialect.VLLM).chat(caption().toBuilder().schema(CRITIQUE).build());
        assertThat(r.json().get("verdict").asText()).isEqualTo("ok");
        assertThat(r.route().serverConstrained()).isTrue();
        JsonNode rf = server.chatRequests().get(0).body().get("response_format");
        assertThat(rf.get("type").asText()).isEqualTo("json_schema");
        assertThat(rf.at("/json_schema/name").asText()).isEqualTo("critique");
    }

    @Test
    void answerThatIsNotJsonOrBreaksTheSchemaIsRejected() {
        server.enqueue(new Behavior.Answer("Sure! The verdict is ok.", "stop"),
                new Behavior.Answer("{\"verdict\":\"great\",\"issues\":[]}", "stop"));
        ModelServerClient c = client(Dialect.OPENAI);
        ChatRequest r = caption().toBuilder().schema(CRITIQUE).build();
        assertThatThrownBy(() -> c.chat(r)).isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("Server 'loop' returned malformed JSON for schema 'critique': Unrecognized token 'Sure'");
        assertThatThrownBy(() -> c.chat(r)).isInstanceOf(SchemaViolationException.class)
                .hasMessage("The answer from server 'loop' does not match schema 'critique': $.verdict: \"great\" is not"
                        + " one of [\"ok\",\"edit\"] (and 1 more).");
    }

    @Test
    void serverWithoutJsonSchemaSupportFallsBackToClientSideValidation() {
        server.enqueue(new Behavior.Status(400, "response_format json_schema is not supported by this server"),
                new Behavior.Answer("```json\n{\"verdict\":\"edit\",\"issues\":[\"too vague\"]}\n```", "stop"));
        ChatResult r = client(Dialect.LM_STUDIO).chat(caption().toBuilder().schema(CRITIQUE).build());
        assertThat(r.route().serverConstrained()).isFalse();
        assertThat(r.route().notes()).singleElement().asString().startsWith("server rejected response_format json_schema");
        assertThat(server.chatRequests().get(1).body().has("response_format")).isFalse();
        assertThat(r.json().get("issues").get(0).asText()).isEqualTo("too vague");
    }

    @Test
    void yesNoLogprobsGiveANormalisedProbability() {
        server.enqueue(new Behavior.YesNo(0.8));
        ChatRequest r = ChatRequest.builder("Does this caption describe the clip? Answer Yes or No.")
                .frames(FRAMES).maxTokens(1).logprobs(5).acceptTruncated(true).build();
        ChatResult res = client(Dialect.VLLM).chat(r);
        YesNoScore s = res.yesNoScore();
        assertThat(s.status()).isEqualTo(YesNoScore.Status.SCORED);
        assertThat(s.pYes()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.massYesNo()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(res.finishReason()).isEqualTo("length");
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.body().get("logprobs").asBoolean()).isTrue();
        assertThat(req.body().get("top_logprobs").asInt()).isEqualTo(5);
    }

    @Test
    void missingLogprobsAreReportedSoTheCallerCanFallBack() {
        server.enqueue(new Behavior.NoLogprobs());
        ChatRequest r = ChatRequest.builder("Yes or No?").maxTokens(64).logprobs(5).build();
        YesNoScore s = client(Dialect.LLAMA_CPP).chat(r).yesNoScore();
        assertThat(s.scored()).isFalse();
        assertThat(s.status()).isEqualTo(YesNoScore.Status.NO_LOGPROBS);
        assertThat(s.detail()).isEqualTo("Server 'loop' returned no logprobs; use a rubric score instead.");
    }

    @Test
    void apiKeyIsSentFromItsReferenceAndARefusalIsClear() throws Exception {
        server.close();
        server = LoopbackModelServer.start(LoopbackModelServer.Config.defaults().withApiKey("s3cret"), 0);
        ServerProfile p = profile(Dialect.OPENAI).withApiKeyRef("env:CHAI_TEST_KEY");
        ModelServerClient ok = new ModelServerClient(p, new ApiKeys(Map.of("CHAI_TEST_KEY", "s3cret"), null));
        clients.add(ok);
        assertThat(ok.chat(caption()).text()).contains("4 images");
        assertThat(server.chatRequests().get(0).headers().get("authorization")).isEqualTo("Bearer s3cret");

        ModelServerClient bad = new ModelServerClient(p, new ApiKeys(Map.of("CHAI_TEST_KEY", "wrong"), null));
        clients.add(bad);
        assertThatThrownBy(() -> bad.chat(caption())).isInstanceOf(AuthenticationException.class)
                .hasMessage("Server 'loop' refused the request (HTTP 401: invalid API key). Check the API key referenced"
                        + " by env:CHAI_TEST_KEY.");
    }

    // ---------------------------------------------------------------- Ollama native

    @Test
    void ollamaNativeSendsBareBase64ImagesOptionsAndFormat() {
        ChatRequest r = caption().toBuilder().schema(CRITIQUE).logprobs(3).build();
        ChatResult res = client(Dialect.OLLAMA).chat(r);
        assertThat(res.json().get("issues").size()).isEqualTo(1);
        assertThat(res.hasLogprobs()).isTrue();
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.path()).isEqualTo("/api/chat");
        assertThat(req.imageCount()).isEqualTo(4);
        assertThat(req.body().at("/messages/1/images/0").asText()).startsWith("/9j/");
        assertThat(req.body().at("/options/num_predict").asInt()).isEqualTo(512);
        assertThat(req.body().at("/format/type").asText()).isEqualTo("object");
    }

    @Test
    void ollamaNativeStreamsNdjson() {
        StringBuilder seen = new StringBuilder();
        ChatCall call = client(Dialect.OLLAMA).stream(caption(), seen::append);
        ChatResult r = call.await();
        assertThat(r.text()).isEqualTo(seen.toString()).contains("received 4 images");
        assertThat(r.usage().completionTokens()).isPositive();
    }

    @Test
    void ollamaNativeDroppedStreamIsNotFinal() {
        server.enqueue(new Behavior.DropConnection(2));
        ChatCall call = client(Dialect.OLLAMA).stream(caption(), s -> { });
        assertThatThrownBy(call::await).isInstanceOf(ConnectionDroppedException.class);
        assertThat(call.finalResult()).isEmpty();
    }

    @Test
    void listsModelsInBothDialects() {
        assertThat(client(Dialect.OPENAI).listModels()).containsExactly(LoopbackModelServer.DEFAULT_MODEL);
        assertThat(client(Dialect.OLLAMA).listModels()).containsExactly(LoopbackModelServer.DEFAULT_MODEL);
    }
}
