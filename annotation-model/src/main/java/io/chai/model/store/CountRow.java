// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/**
 * One line of a status or annotator table: a group (an aspect, an assignee, an author; "" for none), a column
 * (a state or revision kind id) and a count.
 */
public record CountRow(String group, String column, long count) {
}
