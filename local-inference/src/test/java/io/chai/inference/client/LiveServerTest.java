// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.inference.settings.Timeouts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: one real pre-caption against a real server. {@code CHAI_LIVE_SERVER} is either the name of a profile in
 * the user's settings or {@code DIALECT,URL,MODEL}, e.g.
 * {@code CHAI_LIVE_SERVER=vllm,http://127.0.0.1:8000,Qwen/Qwen3-VL-8B-Instruct}.
 */
@EnabledIfEnvironmentVariable(named = "CHAI_LIVE_SERVER", matches = ".+")
class LiveServerTest {

    static ServerProfile profile() {
        String v = System.getenv("CHAI_LIVE_SERVER").strip();
        String[] parts = v.split(",", 3);
        ServerProfile p = parts.length == 3 ? ServerProfile.of("live", parts[1], parts[2], Dialect.parse(parts[0]))
                : ServerSettings.load(ConfigPaths.configDir()).require(v);
        return p.withTimeouts(new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(5)));
    }

    @Test
    void preCaptionsASyntheticShot() {
        JpegFrameEncoder enc = JpegFrameEncoder.standard();
        List<EncodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(40, 90, 40));
            g.fillRect(0, 0, 640, 360);
            g.setColor(Color.RED);
            g.fillOval(40 + i * 70, 150, 60, 60);
            g.dispose();
            frames.add(enc.encode(img, i * 12L, i * 0.5));
        }
        ServerProfile p = profile();
        try (ModelServerClient c = new ModelServerClient(p, ApiKeys.system())) {
            StringBuilder streamed = new StringBuilder();
            ChatResult r = c.stream(ChatRequest.builder("8 frames from one shot, 2 frames/s, in order. Write one caption"
                    + " (<= 40 words): subjects, action, setting, camera.").system("You caption video shots for an"
                    + " annotation tool. Be literal and specific.").frames(frames).maxTokens(200).build(),
                    streamed::append).await();
            System.out.println("live pre-caption from " + p.name() + " (" + r.route() + "): " + r.text());
            assertThat(r.text()).isEqualTo(streamed.toString());
            assertThat(r.text().strip()).hasSizeGreaterThan(10).doesNotContain("[canned answer");
            assertThat(r.finishReason()).isEqualTo("stop");
        }
    }
}
