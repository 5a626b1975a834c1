// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects every {@link SpecificationError} found while loading, in discovery order. */
final class Problems {
    private final List<SpecificationError> errors = new ArrayList<>();

    void add(String file, int line, String path, String message) {
        errors.add(new SpecificationError(file, line, path, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<SpecificationError> list() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SpecificationException(list());
        }
    }
}
