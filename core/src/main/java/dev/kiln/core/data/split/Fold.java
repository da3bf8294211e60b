package dev.kiln.core.data.split;

/**
 * One cross-validation fold: row indices to train on and to test on (both ascending, disjoint,
 * together every row once). {@code index} is the fold's position, 0-based.
 */
public record Fold(int index, int[] train, int[] test) {
}
