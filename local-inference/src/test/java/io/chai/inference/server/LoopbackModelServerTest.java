// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.JsonSchemaValidator;
import io.chai.inference.client.JpegFrameEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loopback server's own checks: it must catch malformed requests, or the client tests prove nothing. */
class LoopbackModelServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String JPEG;
    static final String PNG;

    static {
        try {
            EncodedFrame f = JpegFrameEncoder.standard().encode(new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB), 0, 0);
            JPEG = f.base64();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
            PNG = Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    LoopbackModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackModelServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String user(String parts) {
        return "{\"model\":\"" + LoopbackModelServer.DEFAULT_MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"caption\"}" + parts + "]}]";
    }

    @Test
    void acceptsAValidRequestAndRecordsIt() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", user(",{\"type\":\"image_url\",\"image_url\":{\"url\":"
                + "\"data:image/jpeg;base64," + JPEG + "\"}},{\"type\":\"image_url\",\"image_url\":{\"url\":"
                + "\"data:image/png;base64," + PNG + "\"}}") + ",\"max_tokens\":64}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.at("/choices/0/message/content").asText()).startsWith(CannedAnswers.MARKER)
                .contains("received 2 images");
        RecordedRequest rec = server.chatRequests().get(0);
        assertThat(rec.valid()).isTrue();
        assertThat(rec.imageSizes()).containsExactly("32x16", "8x8");
    }

    @Test
    void catchesMalformedOpenAiRequests() throws Exception {
        String bad = "{\"model\":\"" + LoopbackModelServer.DEFAULT_MODEL + "\",\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":\"data:image/jpeg;base64," + JPEG + "\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64," + PNG + "\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64,!!notbase64\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.jpg\"}},"
                + "{\"type\":\"input_video\",\"video\":\"x\"}]},"
                + "{\"role\":\"system\",\"content\":\"late\"}],"
                + "\"top_logprobs\":3,\"temprature\":0.2,\"media_io_kwargs\":{\"video\":{\"fps\":2}},"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{}}}}";
        HttpResponse<String> r = post("/v1/chat/completions", bad);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).at("/error/message").asText()).startsWith("loopback: invalid request: ");
        assertThat(server.chatRequests().get(0).violations()).containsExactlyInAnyOrder(
                "unknown field temprature",
                "messages[0].content[0].image_url must be an object {\"url\": ...}",
                "messages[0].content[1]: declared image/jpeg but the bytes are image/png",
                "messages[0].content[2]: image base64 does not decode (Illegal base64 character 21)",
                "messages[0].content[3]: image url must be a data:image/jpeg or data:image/png base64 URI, got"
                        + " 'https://example.com/a.jpg'",
                "messages[0].content[4].type 'input_video' is not text, image_url or video_url",
                "messages[1]: a system message must come first",
                "response_format.json_schema needs a string name and an object schema",
                "top_logprobs requires logprobs=true",
                "media_io_kwargs given without a video_url part");
    }

    @Test
    void checksVllmVideoFields() throws Exception {
        String body = user(",{\"type\":\"video_url\",\"video_url\":{\"url\":\"data:video/jpeg;base64," + JPEG + ","
                + JPEG + "\"}}") + ",\"media_io_kwargs\":{\"video\":{\"fps\":25,\"frames_indices\":[0,0],"
                + "\"total_num_frames\":0,\"duration\":2,\"max_frames\":4}},\"mm_processor_kwargs\":{\"fps\":-1}}";
        assertThat(post("/v1/chat/completions", body).statusCode()).isEqualTo(400);
        assertThat(server.chatRequests().get(0).videoFrames()).isEqualTo(2);
        assertThat(server.chatRequests().get(0).violations()).containsExactlyInAnyOrder(
                "unknown field media_io_kwargs.video.max_frames",
                "media_io_kwargs.video.frames_indices must be strictly increasing non-negative integers",
                "media_io_kwargs.video.total_num_frames must be an integer above the last frame index",
                "mm_processor_kwargs.fps must be a positive number");
    }

    @Test
    void catchesMalformedOllamaRequests() throws Exception {
        String bad = "{\"model\":\"" + LoopbackModelServer.DEFAULT_MODEL + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"x\"}],\"images\":[\"data:image/jpeg;base64," + JPEG
                + "\",\"" + JPEG + "\"]}],\"options\":{\"max_tokens\":5},\"format\":\"yaml\"}";
        assertThat(post("/api/chat", bad).statusCode()).isEqualTo(400);
        RecordedRequest rec = server.chatRequests().get(0);
        assertThat(rec.imageCount()).isEqualTo(2);
        assertThat(rec.violations()).containsExactlyInAnyOrder(
                "messages[0].content must be a string (Ollama native takes no content parts)",
                "messages[0].images[0] must be bare base64, not a data: URI",
                "unknown field options.max_tokens",
                "format must be \"json\" or a JSON schema object");
    }

    @Test
    void readsImageHeadersAndRejectsBrokenOnes() {
        byte[] jpeg = Base64.getDecoder().decode(JPEG);
        assertThat(RequestInspector.dimensions(jpeg)).isEqualTo("32x16");
        assertThat(RequestInspector.dimensions(Base64.getDecoder().decode(PNG))).isEqualTo("8x8");
        assertThat(RequestInspector.dimensions(java.util.Arrays.copyOf(jpeg, 30))).isNull();
        RequestInspector.Inspection in = new RequestInspector.Inspection();
        RequestInspector.image(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(jpeg, 30)), "image/jpeg",
                "x", in);
        assertThat(in.violations).containsExactly("x: image/jpeg header does not decode");
    }

    @Test
    void rejectsBodiesThatAreNotJson() throws Exception {
        assertThat(post("/v1/chat/completions", "{\"model\": ").statusCode()).isEqualTo(400);
        assertThat(server.violations()).singleElement().asString().startsWith("#1 /v1/chat/completions: body is not"
                + " valid JSON");
    }

    @Test
    void cannedSchemaInstancesSatisfyTheirSchema() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"required\":[\"a\",\"b\",\"c\",\"d\"],"
                + "\"properties\":{\"a\":{\"type\":\"string\",\"minLength\":200},\"b\":{\"type\":\"integer\","
                + "\"minimum\":3},\"c\":{\"type\":\"array\",\"minItems\":2,\"items\":{\"enum\":[\"x\",\"y\"]}},"
                + "\"d\":{\"type\":[\"null\",\"number\"],\"exclusiveMinimum\":0.5},\"e\":{\"type\":\"string\","
                + "\"maxLength\":3}}}");
        JsonNode v = CannedAnswers.instance(schema);
        assertThat(JsonSchemaValidator.validate(schema, v)).isEmpty();
        assertThat(v.get("a").asText()).startsWith(CannedAnswers.MARKER);
    }
}
