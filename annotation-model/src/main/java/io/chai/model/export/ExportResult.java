// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one export wrote.
 *
 * @param format  the format
 * @param dir     the export folder
 * @param files   file name → records, in writing order
 * @param clips   clips that contributed at least one record
 * @param records records written in all
 */
public record ExportResult(ExportFormat format, Path dir, Map<String, Integer> files, int clips, long records) {
    public ExportResult {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }
}
