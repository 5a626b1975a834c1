// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import io.chai.inference.client.ChatCall;
import io.chai.inference.client.ChatResult;
import java.util.Objects;
import java.util.function.Function;

/**
 * A role's answer while it streams (see {@link ModelRoles#precaptionStream}): the prompt that went out (for power
 * users), the provisional text so far, {@link #cancel()} to abort the HTTP exchange, and {@link #await()} for the
 * checked output. The output exists only when the whole answer arrived and passed the same checks and provenance
 * as the blocking call; a broken, failed or cancelled stream throws a one-line
 * {@link io.chai.inference.client.ModelServerException} and its partial text is never an output.
 */
public final class RoleStream {
    private final ChatCall call;
    private final String server;
    private final String model;
    private final String systemPrompt;
    private final String userPrompt;
    private final Function<ChatResult, RoleOutput> finish;

    RoleStream(ChatCall call, String server, String model, String systemPrompt, String userPrompt,
            Function<ChatResult, RoleOutput> finish) {
        this.call = Objects.requireNonNull(call);
        this.server = server;
        this.model = model;
        this.systemPrompt = systemPrompt;
        this.userPrompt = userPrompt;
        this.finish = Objects.requireNonNull(finish);
    }

    /** The server profile's name. */
    public String server() {
        return server;
    }

    /** The model asked for (the responding model is in the output's provenance). */
    public String model() {
        return model;
    }

    /** The rendered system prompt (empty when the template has none). */
    public String systemPrompt() {
        return systemPrompt;
    }

    /** The rendered user prompt. */
    public String userPrompt() {
        return userPrompt;
    }

    /** Aborts the HTTP exchange; {@link #await()} then throws {@code CallCancelledException}. */
    public void cancel() {
        call.cancel();
    }

    /** The text received so far: provisional, for display only. */
    public String partialText() {
        return call.partialText();
    }

    public boolean isDone() {
        return call.isDone();
    }

    /**
     * Waits for the end of the stream and returns the checked output (text stripped, not empty, with provenance).
     * Throws the call's one-line failure when the stream broke, failed or was cancelled.
     */
    public RoleOutput await() {
        return finish.apply(call.await());
    }
}
