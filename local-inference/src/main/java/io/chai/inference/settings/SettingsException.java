// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import io.chai.common.UserFacingException;

/** A problem with the user's model-server settings or secrets (bad file, unknown profile, missing key). */
public class SettingsException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
