package dev.kiln.unsupervised;

/**
 * One step of a dendrogram in SciPy's linkage-matrix convention: clusters {@code left} and
 * {@code right} (ids below n are points, id {@code n + i} is the cluster made by merge i) joined
 * at {@code distance} into a cluster of {@code size} points; {@code left < right}.
 */
public record Merge(int left, int right, double distance, int size) {
}
