package dev.kiln.unsupervised.metrics;

import dev.kiln.core.tensor.Rng;

/**
 * Cluster quality without ground truth, on rows {@code x[n][d]} and labels (any ints; each distinct
 * value is one cluster, as in scikit-learn): inertia, the silhouette coefficient and the
 * Davies–Bouldin index.
 */
public final class InternalMetrics {
    private InternalMetrics() {
    }

    /** Sum of squared distances of each point to its cluster's centre {@code centres[label]}. */
    public static double inertia(double[][] x, int[] labels, double[][] centres) {
        check(x, labels);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (labels[i] < 0 || labels[i] >= centres.length) {
                throw new IllegalArgumentException("inertia: label " + labels[i] + " at row " + i + " has no centre (there are "
                        + centres.length + ")");
            }
            s += squaredDistance(x[i], centres[labels[i]]);
        }
        return s;
    }

    /**
     * Mean silhouette coefficient over all points: {@code (b − a) / max(a, b)} with {@code a} the
     * mean distance to the point's own cluster and {@code b} the lowest mean distance to another
     * cluster; 0 for points alone in their cluster. O(n²·d) time, O(n) memory.
     */
    public static double silhouette(double[][] x, int[] labels) {
        check(x, labels);
        int[] dense = Contingency.dense(labels);
        int k = 0;
        for (int v : dense) {
            k = Math.max(k, v + 1);
        }
        if (k < 2 || k > x.length - 1) {
            throw new IllegalArgumentException("silhouette: needs 2 <= clusters <= n - 1, got " + k + " clusters for "
                    + x.length + " points");
        }
        int[] sizes = new int[k];
        for (int v : dense) {
            sizes[v]++;
        }
        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < x.length; i++) {
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    sums[dense[j]] += Math.sqrt(squaredDistance(x[i], x[j]));
                }
            }
            int own = dense[i];
            if (sizes[own] == 1) {
                continue; // silhouette 0 by definition
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / x.length;
    }

    /**
     * Silhouette on a random sample of {@code sampleSize} points (scikit-learn's
     * {@code sample_size}), for sets too large for the O(n²) version.
     */
    public static double silhouette(double[][] x, int[] labels, int sampleSize, Rng rng) {
        check(x, labels);
        if (sampleSize >= x.length) {
            return silhouette(x, labels);
        }
        int[] perm = rng.permutation(x.length);
        double[][] xs = new double[sampleSize][];
        int[] ls = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            xs[i] = x[perm[i]];
            ls[i] = labels[perm[i]];
        }
        return silhouette(xs, ls);
    }

    /**
     * Davies–Bouldin index: the mean over clusters of the worst ratio {@code (s_i + s_j) / d(c_i, c_j)},
     * where {@code s} is the mean distance of a cluster's points to its centroid. Lower is better.
     */
    public static double daviesBouldin(double[][] x, int[] labels) {
        check(x, labels);
        int[] dense = Contingency.dense(labels);
        int k = 0;
        for (int v : dense) {
            k = Math.max(k, v + 1);
        }
        if (k < 2 || k > x.length - 1) {
            throw new IllegalArgumentException("daviesBouldin: needs 2 <= clusters <= n - 1, got " + k
                    + " clusters for " + x.length + " points");
        }
        int d = x[0].length;
        double[][] centroids = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < x.length; i++) {
            sizes[dense[i]]++;
            for (int j = 0; j < d; j++) {
                centroids[dense[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= sizes[c];
            }
        }
        double[] scatter = new double[k];
        for (int i = 0; i < x.length; i++) {
            scatter[dense[i]] += Math.sqrt(squaredDistance(x[i], centroids[dense[i]]));
        }
        for (int c = 0; c < k; c++) {
            scatter[c] /= sizes[c];
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (b != a) {
                    double dist = Math.sqrt(squaredDistance(centroids[a], centroids[b]));
                    // coincident centroids count as infinitely far apart, as in scikit-learn
                    double r = dist == 0 ? 0 : (scatter[a] + scatter[b]) / dist;
                    worst = Math.max(worst, r);
                }
            }
            total += worst;
        }
        return total / k;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double e = a[j] - b[j];
            s += e * e;
        }
        return s;
    }

    private static void check(double[][] x, int[] labels) {
        if (x.length != labels.length) {
            throw new IllegalArgumentException("cluster metrics: " + x.length + " rows but " + labels.length + " labels");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("cluster metrics: no rows");
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("cluster metrics: row " + i + " has " + x[i].length
                        + " features, row 0 has " + x[0].length);
            }
        }
    }
}
