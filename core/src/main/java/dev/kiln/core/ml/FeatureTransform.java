package dev.kiln.core.ml;

/**
 * A fitted map from feature rows to feature rows (PCA, scalers): its output is an input of any
 * other fitted model, so a PCA projection feeds k-means or a classifier directly.
 */
public interface FeatureTransform {
    Features transform(Features features);

    /** Whether {@link #inverseTransform} exists for this transform. */
    default boolean invertible() {
        return false;
    }

    /** Maps transformed rows back to the original space, where the transform has an inverse. */
    default Features inverseTransform(Features transformed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no inverse transform");
    }
}
