package dev.kiln.core.data.split;

/** A train/validation/test partition of row indices (each ascending; disjoint; together every row once). */
public record Partition(int[] train, int[] validation, int[] test) {
}
