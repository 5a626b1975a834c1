// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Small validation and normalisation helpers shared by the domain records (and the workflow package). Every
 * failure is an {@link InvalidValueException} with a one-line message naming the offending value.
 */
public final class Checks {
    /** The identifier syntax of the specification: snake_case ASCII. */
    public static final Pattern IDENTIFIER = Pattern.compile("^[a-z][a-z0-9_]*$");

    private Checks() {
    }

    /** Returns {@code value}, or fails with "{@code what} is missing." when it is null. */
    public static <T> T required(T value, String what) {
        if (value == null) {
            throw new InvalidValueException(capitalise(what) + " is missing.");
        }
        return value;
    }

    /** Returns the text unchanged when it has a non-whitespace character; otherwise fails. */
    public static String nonBlank(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(capitalise(what) + " must not be empty.");
        }
        return text;
    }

    /** Returns the identifier when it matches {@link #IDENTIFIER}; otherwise fails. */
    public static String identifier(String id, String what) {
        required(id, what);
        if (!IDENTIFIER.matcher(id).matches()) {
            throw new InvalidValueException(capitalise(what) + " '" + id
                    + "' is not a snake_case identifier (lowercase letters, digits, underscores).");
        }
        return id;
    }

    /** Null becomes empty. */
    public static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** Null becomes empty. */
    public static OptionalInt opt(OptionalInt value) {
        return value == null ? OptionalInt.empty() : value;
    }

    /** Null becomes empty. */
    public static OptionalLong opt(OptionalLong value) {
        return value == null ? OptionalLong.empty() : value;
    }

    /** Null becomes empty. */
    public static OptionalDouble opt(OptionalDouble value) {
        return value == null ? OptionalDouble.empty() : value;
    }

    /** An unmodifiable copy; null becomes empty; null elements are refused. */
    public static <T> List<T> list(Collection<T> values, String what) {
        if (values == null) {
            return List.of();
        }
        for (T v : values) {
            if (v == null) {
                throw new InvalidValueException(capitalise(what) + " must not contain an empty entry.");
            }
        }
        return List.copyOf(values);
    }

    /** An unmodifiable sorted copy (deterministic iteration and JSON order); null becomes empty. */
    public static <T extends Comparable<? super T>> SortedSet<T> sortedSet(Collection<T> values, String what) {
        TreeSet<T> copy = new TreeSet<>();
        if (values != null) {
            for (T v : values) {
                if (v == null) {
                    throw new InvalidValueException(capitalise(what) + " must not contain an empty entry.");
                }
                copy.add(v);
            }
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    /** An unmodifiable key-sorted copy; null becomes empty; null keys or values are refused. */
    public static <K extends Comparable<? super K>, V> SortedMap<K, V> sortedMap(Map<K, V> values, String what) {
        TreeMap<K, V> copy = new TreeMap<>();
        if (values != null) {
            for (Map.Entry<K, V> e : values.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new InvalidValueException(capitalise(what) + " must not contain an empty entry.");
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    static String capitalise(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
