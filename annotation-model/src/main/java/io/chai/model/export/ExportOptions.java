// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * How to export.
 *
 * @param filter        which work items
 * @param split         train / val / test by clip, or one file
 * @param media         how records refer to media
 * @param mediaRoot     the folder media paths are relative to (required for {@link MediaMode#COPY} and
 *                      {@link MediaMode#LINK}; recorded in the manifest when given)
 * @param generatedAt   the time written into the manifest (callers pass the clock; tests a fixed instant)
 * @param vqaSeed       seed for choosing the balanced primitive-VQA samples
 * @param mergeMaxWords word limit of a merged caption (§4.10; default 320)
 * @param overwrite     whether existing export files may be replaced
 */
public record ExportOptions(ExportFilter filter, Optional<SplitSpec> split, MediaMode media,
        Optional<Path> mediaRoot, Instant generatedAt, long vqaSeed, int mergeMaxWords, boolean overwrite) {
    public static final int DEFAULT_MERGE_MAX_WORDS = 320;

    /** Everything, one file per format, relative media paths. */
    public static ExportOptions defaults(Instant generatedAt) {
        return new ExportOptions(ExportFilter.all(), Optional.empty(), MediaMode.RELATIVE, Optional.empty(),
                generatedAt, 0, DEFAULT_MERGE_MAX_WORDS, false);
    }

    public ExportOptions withSplit(SplitSpec s) {
        return new ExportOptions(filter, Optional.of(s), media, mediaRoot, generatedAt, vqaSeed, mergeMaxWords,
                overwrite);
    }

    public ExportOptions withOverwrite(boolean o) {
        return new ExportOptions(filter, split, media, mediaRoot, generatedAt, vqaSeed, mergeMaxWords, o);
    }
}
