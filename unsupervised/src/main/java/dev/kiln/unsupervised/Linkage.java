package dev.kiln.unsupervised;

/**
 * How {@link Agglomerative} measures the distance between two clusters, each given by its
 * Lance–Williams update from the distances of the merged pair (Euclidean point distances).
 */
public enum Linkage {
    /** Increase in within-cluster variance (Ward 1963); heights as in SciPy's {@code ward}. */
    WARD,
    /** Largest distance between members. */
    COMPLETE,
    /** Mean distance between members (UPGMA). */
    AVERAGE,
    /** Smallest distance between members. */
    SINGLE;

    /** Distance from cluster i to the union of x and y. */
    double update(double dxi, double dyi, double dxy, int sx, int sy, int si) {
        return switch (this) {
            case WARD -> {
                double t = 1.0 / (sx + sy + si);
                yield Math.sqrt(Math.max(0, (si + sx) * t * dxi * dxi + (si + sy) * t * dyi * dyi - si * t * dxy * dxy));
            }
            case COMPLETE -> Math.max(dxi, dyi);
            case AVERAGE -> (sx * dxi + sy * dyi) / (sx + sy);
            case SINGLE -> Math.min(dxi, dyi);
        };
    }
}
