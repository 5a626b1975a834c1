// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.inference.client.ChatRequest;
import io.chai.inference.client.ChatResult;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.SecretStore;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.model.export.MergeWriter;
import io.chai.model.spec.PromptTemplate;
import java.nio.file.Path;

/** The merged-caption writer of exports, backed by a configured model server (text only). */
final class MergeModelWriter implements MergeWriter, AutoCloseable {
    private final ServerProfile profile;
    private final ModelServerClient client;

    private MergeModelWriter(ServerProfile profile, ModelServerClient client) {
        this.profile = profile;
        this.client = client;
    }

    /** Opens the server profile {@code name} from the user's settings. */
    static MergeModelWriter open(String name) {
        Path dir = ConfigPaths.configDir();
        ServerProfile p = ServerSettings.load(dir).require(name);
        return new MergeModelWriter(p, new ModelServerClient(p, new ApiKeys(System.getenv(), new SecretStore(dir))));
    }

    @Override
    public Answer write(PromptTemplate.Rendered prompt) {
        ChatRequest.Builder b = ChatRequest.builder(prompt.user());
        if (prompt.system() != null && !prompt.system().isBlank()) {
            b.system(prompt.system());
        }
        ChatResult r = client.chat(b.build());
        int in = r.usage().promptTokens() == null ? -1 : r.usage().promptTokens();
        int out = r.usage().completionTokens() == null ? -1 : r.usage().completionTokens();
        return new Answer(r.text(), profile.model(), in, out);
    }

    @Override
    public void close() {
        client.close();
    }
}
