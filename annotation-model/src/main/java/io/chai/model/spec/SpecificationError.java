// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/**
 * One problem in a specification: the file (as named in the manifest), the 1-based line (0 when unknown), the
 * path inside the file ({@code groups[7].values[3].definition}, list indices counted from 0; empty for the whole
 * file) and what is wrong. {@link #toString()} is the one-line form {@code FILE:LINE: PATH: message}.
 */
public record SpecificationError(String file, int line, String path, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
