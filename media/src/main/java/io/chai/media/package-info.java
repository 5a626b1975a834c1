// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Frame truth for the product: probing, the persisted per-frame index, frame-exact decoding, sampling and
 * thumbnail strips. FFmpeg (JavaCPP presets, natives from Maven) is used only inside package-private classes;
 * the public API uses plain Java types. See {@code docs/media.md}.
 */
package io.chai.media;
