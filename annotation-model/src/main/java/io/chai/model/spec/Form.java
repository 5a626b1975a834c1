// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/** A labeling form grouping primitive groups (e.g. {@code cam_setup}, {@code cam_motion}). */
public record Form(String id, String name) {
}
