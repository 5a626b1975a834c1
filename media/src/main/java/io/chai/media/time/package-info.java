// SPDX-License-Identifier: GPL-3.0-or-later
/** Exact time arithmetic: rationals, rational frame rates and SMPTE timecode (pure Java, no FFmpeg). */
package io.chai.media.time;
