package dev.kiln.unsupervised;

/** Shape of each Gaussian component's covariance in a {@link GaussianMixture}. */
public enum CovarianceType {
    /** A full {@code d x d} covariance per component. */
    FULL,
    /** A diagonal covariance (independent features) per component: {@code d} variances. */
    DIAGONAL
}
