package dev.kiln.core.backend;

/** Reductions over one or more axes. Reducing an empty axis gives 0 (SUM), NaN (MEAN), -Inf (MAX), +Inf (MIN). */
public enum ReduceOp {
    SUM, MEAN, MAX, MIN;

    public float identity() {
        return switch (this) {
            case SUM, MEAN -> 0f;
            case MAX -> Float.NEGATIVE_INFINITY;
            case MIN -> Float.POSITIVE_INFINITY;
        };
    }

    public float combine(float acc, float x) {
        return switch (this) {
            case SUM, MEAN -> acc + x;
            case MAX -> Float.isNaN(acc) || Float.isNaN(x) ? Float.NaN : Math.max(acc, x);
            case MIN -> Float.isNaN(acc) || Float.isNaN(x) ? Float.NaN : Math.min(acc, x);
        };
    }
}
