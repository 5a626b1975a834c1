// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import io.chai.common.UserFacingException;
import io.chai.inference.client.ChatRequest;
import io.chai.inference.client.ChatResult;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.ConfigPaths;
import io.chai.inference.settings.SecretStore;
import io.chai.inference.settings.ServerProfile;
import io.chai.inference.settings.ServerSettings;
import io.chai.model.domain.Aspect;
import io.chai.model.quality.CritiqueJudge;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The model judge of critique constructiveness ({@code chai quality --judge SERVER}), backed by a configured model
 * server (text only). The model answers {@code CONSTRUCTIVE} or {@code NOT_CONSTRUCTIVE} on its first line and a
 * reason on the next; any other answer stops the check with a one-line message.
 */
final class ModelCritiqueJudge implements CritiqueJudge, AutoCloseable {
    /** System prompt of the judge. */
    static final String SYSTEM = "You check critiques that film professionals wrote about captions of video clips.";
    /** User prompt of the judge; %1$s aspect, %2$s caption, %3$s critique. */
    static final String USER = """
            A critique is constructive when every point it makes says what is wrong in the caption and what the \
            caption should say instead. It is not constructive when a point only complains (for example "this is \
            wrong" or "details are missing") without giving the correction.

            Aspect: %1$s

            Caption:
            %2$s

            Critique:
            %3$s

            Answer with exactly CONSTRUCTIVE or NOT_CONSTRUCTIVE on the first line, and one short sentence on the \
            second line saying why.""";

    private final ServerProfile profile;
    private final ModelServerClient client;

    private ModelCritiqueJudge(ServerProfile profile, ModelServerClient client) {
        this.profile = profile;
        this.client = client;
    }

    /** Opens the server profile {@code name} from the user's settings. */
    static ModelCritiqueJudge open(String name) {
        Path dir = ConfigPaths.configDir();
        ServerProfile p = ServerSettings.load(dir).require(name);
        return new ModelCritiqueJudge(p, new ModelServerClient(p, new ApiKeys(System.getenv(), new SecretStore(dir))));
    }

    @Override
    public Verdict judge(Aspect aspect, String caption, String critique) {
        ChatResult r = client.chat(ChatRequest.builder(String.format(Locale.ROOT, USER, aspect.displayName(),
                caption, critique)).system(SYSTEM).build());
        return parse(r.text(), profile.model());
    }

    /** Reads the verdict from the model's answer. */
    static Verdict parse(String answer, String model) {
        String text = answer == null ? "" : answer.strip();
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).replaceAll("[*_`#.:\"'\\s]+", " ").strip()
                .toUpperCase(Locale.ROOT);
        String reason = nl < 0 ? "" : text.substring(nl + 1).strip().replaceAll("\\s+", " ");
        if (first.startsWith("NOT CONSTRUCTIVE")) {
            return new Verdict(false, reason, model);
        }
        if (first.startsWith("CONSTRUCTIVE")) {
            return new Verdict(true, reason, model);
        }
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        throw new UserFacingException("The judge model " + model + " answered '" + shown.replace('\n', ' ')
                + "' instead of CONSTRUCTIVE or NOT_CONSTRUCTIVE; try another model or run without --judge.");
    }

    @Override
    public void close() {
        client.close();
    }
}
