// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.common.UserFacingException;

/**
 * An expected media failure with a one-line message a user can act on: a missing, empty, truncated or corrupt
 * file, a file without video, an unsupported codec, or a frame outside the clip. {@link #kind()} lets callers
 * react without parsing the message.
 */
public final class MediaException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        NOT_FOUND, EMPTY, UNREADABLE, NO_VIDEO, UNSUPPORTED_CODEC, OUT_OF_RANGE, DECODE_FAILED, CACHE_IO
    }

    private final Kind kind;

    public MediaException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MediaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
