// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Persistent, lease-based job queues for batch work (batch pre-captioning): {@link io.chai.model.jobs.JobQueue}
 * is the contract, the SQLite implementation lives with the project store ({@code io.chai.model.store}).
 */
package io.chai.model.jobs;
