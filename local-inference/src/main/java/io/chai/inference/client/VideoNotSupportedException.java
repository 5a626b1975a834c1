// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/** The server rejected the video form of the request and no fallback was allowed. */
public class VideoNotSupportedException extends ModelServerException {
    private static final long serialVersionUID = 1L;

    public VideoNotSupportedException(String serverName, String message) {
        super(serverName, message);
    }

    public VideoNotSupportedException(String serverName, String message, Throwable cause) {
        super(serverName, message, cause);
    }
}
