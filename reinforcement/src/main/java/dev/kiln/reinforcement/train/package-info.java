/**
 * The episode trainer (a {@link dev.kiln.core.train.Trainer} over environments; one epoch is one
 * episode), greedy evaluation, solved criteria and the per-episode log.
 */
package dev.kiln.reinforcement.train;
