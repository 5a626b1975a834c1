// SPDX-License-Identifier: GPL-3.0-or-later
/** Batch pre-captioning of a project through its persistent, lease-based job queue (see docs/inference.md). */
package io.chai.inference.batch;
