// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * In-process analyzers that run on the workstation without a model server: camera-motion estimation
 * ({@code motion}, OpenCV optical flow), on-screen text and overlay detection ({@code overlays}, classical OpenCV)
 * and sentence embeddings ({@code embeddings}, all-MiniLM-L6-v2 through DJL OnnxRuntime, offline). Their outputs
 * are <em>suggestions</em> with a confidence: they are shown to people and may be passed to a model as evidence,
 * but are never written as labels.
 */
package io.chai.inference.analyzers;
