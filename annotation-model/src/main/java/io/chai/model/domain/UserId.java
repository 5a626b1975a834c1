// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A user's stable id (the authors' {@code user} / {@code reviewer_name} strings). Non-blank, no leading or
 * trailing spaces, no control characters, at most 200 characters. JSON form: the string.
 *
 * @param value the id
 */
public record UserId(String value) implements Comparable<UserId> {
    public UserId {
        Checks.nonBlank(value, "user id");
        if (!value.strip().equals(value)) {
            throw new InvalidValueException("User id '" + value + "' must not start or end with spaces.");
        }
        if (value.length() > 200) {
            throw new InvalidValueException("User id is longer than 200 characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("User id must not contain control characters.");
        }
    }

    /** Parses a user id (JSON creator). */
    @JsonCreator
    public static UserId of(String value) {
        return new UserId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
