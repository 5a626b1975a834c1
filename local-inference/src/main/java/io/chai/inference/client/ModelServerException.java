// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import io.chai.common.UserFacingException;

/**
 * A model-server call failed for a reason the user can act on. The message is one line; subclasses say what went
 * wrong (server down, model missing, context too long, malformed or cut-off answer, ...). No partial answer of a
 * failed call is ever returned as a result; {@link #partialText()} exposes what had arrived, for display only.
 */
public class ModelServerException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    private final String serverName;
    private String partialText = "";

    public ModelServerException(String serverName, String message) {
        super(oneLine(message));
        this.serverName = serverName;
    }

    public ModelServerException(String serverName, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.serverName = serverName;
    }

    public String serverName() {
        return serverName;
    }

    /** Text received before the failure (never a result; may be shown as "incomplete"). */
    public String partialText() {
        return partialText;
    }

    ModelServerException withPartialText(String text) {
        this.partialText = text == null ? "" : text;
        return this;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** Shortens server-provided text for inclusion in a one-line message. */
    static String excerpt(String s, int max) {
        String t = oneLine(s);
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
