// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.domain.ClipId;
import io.chai.model.domain.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A train / val / test split by clip: every sample of a clip lands in the same split. A clip's place is a pure
 * function of (seed, clip id): {@code u} = the first 8 bytes of SHA-256("chai-split:" + seed + ":" + clip hex)
 * as a fraction in [0, 1); train when {@code u < train}, val when {@code u < train + val}, else test. Adding or
 * removing clips never moves another clip; the shares hold in expectation, not exactly.
 */
public record SplitSpec(double train, double val, double test, long seed) {
    public static final List<String> NAMES = List.of("train", "val", "test");

    public SplitSpec {
        if (train < 0 || val < 0 || test < 0 || Math.abs(train + val + test - 1.0) > 1e-6) {
            throw new InvalidValueException("Split shares must be three non-negative numbers adding up to 1, got "
                    + train + "," + val + "," + test + ".");
        }
    }

    /** Parses {@code "0.8,0.1,0.1"}. */
    public static SplitSpec parse(String shares, long seed) {
        String[] p = shares.split(",");
        if (p.length != 3) {
            throw new InvalidValueException("A split is three shares 'train,val,test' such as 0.8,0.1,0.1, got '"
                    + shares + "'.");
        }
        try {
            return new SplitSpec(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()),
                    Double.parseDouble(p[2].strip()), seed);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("A split is three numbers 'train,val,test' such as 0.8,0.1,0.1, got '"
                    + shares + "'.");
        }
    }

    /** The split of a clip. */
    public String of(ClipId clip) {
        double u = unit("chai-split:" + seed + ":" + clip.hex());
        return u < train ? "train" : u < train + val ? "val" : "test";
    }

    /** A fraction in [0, 1) from the SHA-256 of {@code key}; also orders samples reproducibly. */
    static double unit(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return (v >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train", train);
        m.put("val", val);
        m.put("test", test);
        m.put("seed", seed);
        m.put("rule", "sha256(\"chai-split:\" + seed + \":\" + clip_id)[0:8] / 2^64 against cumulative shares");
        return m;
    }
}
