// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A video clip of a project.
 *
 * @param id          content hash of the media file
 * @param displayName what the user sees (usually the file name), not empty
 * @param mediaPath   path of the media file relative to the project's media root, with {@code /} separators
 *                    (backslashes are normalised); never absolute, never leaving the root through {@code ..}
 * @param externalId  optional id in an external dataset (the authors' {@code video_name}), e.g. for imports
 * @param tags        free tags, each non-blank; kept sorted
 * @param media       optional probe summary (duration, fps, size)
 */
public record Clip(
        @JsonProperty("id") ClipId id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("media_path") String mediaPath,
        @JsonProperty("external_id") Optional<String> externalId,
        @JsonProperty("tags") SortedSet<String> tags,
        @JsonProperty("media") Optional<MediaSummary> media) {

    public Clip {
        Checks.required(id, "clip id");
        Checks.nonBlank(displayName, "clip display name");
        mediaPath = relativePath(mediaPath);
        externalId = Checks.opt(externalId);
        externalId.ifPresent(e -> Checks.nonBlank(e, "clip external id"));
        tags = Checks.sortedSet(tags, "clip tags");
        for (String t : tags) {
            Checks.nonBlank(t, "clip tag");
        }
        media = Checks.opt(media);
    }

    /** A clip with no external id, tags or media summary. */
    public static Clip of(ClipId id, String displayName, String mediaPath) {
        return new Clip(id, displayName, mediaPath, Optional.empty(), null, Optional.empty());
    }

    /** A copy with these tags. */
    public Clip withTags(Collection<String> newTags) {
        return new Clip(id, displayName, mediaPath, externalId, Checks.sortedSet(newTags, "clip tags"), media);
    }

    /** A copy with this media summary. */
    public Clip withMedia(MediaSummary summary) {
        return new Clip(id, displayName, mediaPath, externalId, tags, Optional.of(summary));
    }

    private static String relativePath(String path) {
        Checks.nonBlank(path, "clip media path");
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            throw new InvalidValueException("Clip media path '" + path
                    + "' must be relative to the project's media folder, not absolute.");
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..")) {
                throw new InvalidValueException("Clip media path '" + path
                        + "' must stay inside the project's media folder (no '..').");
            }
            if (segment.isEmpty()) {
                throw new InvalidValueException("Clip media path '" + path + "' has an empty path segment.");
            }
        }
        return p;
    }
}
