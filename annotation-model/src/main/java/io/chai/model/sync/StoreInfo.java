// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import java.util.Objects;

/**
 * What a shared store says about itself: its kind ({@code folder}, {@code postgres}), where it is (a folder or a
 * URL without password), its id (UUID made when it was created; names the local pull cursor) and the specification
 * id and version its labels are made under.
 */
public record StoreInfo(String kind, String location, String storeId, String specId, String specVersion) {
    public StoreInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(specId, "specId");
        Objects.requireNonNull(specVersion, "specVersion");
        if (!storeId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("store id must be 1-64 characters of [A-Za-z0-9-]: " + storeId);
        }
    }
}
