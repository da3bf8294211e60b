package dev.kiln.supervised.classic;

import java.util.Arrays;

/**
 * Brute-force Euclidean neighbour search shared by the k-NN classifier and regressor. Equal
 * distances are ordered by training row index, so results are deterministic.
 */
public final class KNeighbors {
    /** Uniform votes, or votes weighted by 1 / distance (an exact match takes all the weight). */
    public enum Weights { UNIFORM, DISTANCE }

    private final double[][] x;
    private final int k;

    KNeighbors(double[][] x, int k) {
        this.x = x;
        this.k = Math.min(k, x.length);
    }

    int dimension() {
        return x[0].length;
    }

    /** Indices of the k nearest training rows (nearest first) and their distances. */
    record Found(int[] index, double[] distance) {
        /** Weight of each neighbour under the scheme. */
        double[] weights(Weights scheme) {
            double[] w = new double[index.length];
            boolean exact = false;
            for (double d : distance) {
                exact |= d == 0;
            }
            for (int i = 0; i < w.length; i++) {
                if (scheme == Weights.UNIFORM) {
                    w[i] = 1;
                } else if (exact) {
                    w[i] = distance[i] == 0 ? 1 : 0;
                } else {
                    w[i] = 1 / distance[i];
                }
            }
            return w;
        }
    }

    Found query(double[] q) {
        int n = x.length;
        double[] dist = new double[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                double t = x[i][j] - q[j];
                s += t * t;
            }
            dist[i] = s;
            idx[i] = i;
        }
        // partial selection of the k smallest (n is small in k-NN's use; this keeps ties by index)
        int[] best = new int[k];
        boolean[] taken = new boolean[n];
        for (int m = 0; m < k; m++) {
            int arg = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (arg < 0 || dist[i] < dist[arg])) {
                    arg = i;
                }
            }
            taken[arg] = true;
            best[m] = arg;
        }
        double[] d = new double[k];
        for (int m = 0; m < k; m++) {
            d[m] = Math.sqrt(dist[best[m]]);
        }
        return new Found(Arrays.copyOf(best, k), d);
    }

    int k() {
        return k;
    }

    double[][] points() {
        return x;
    }
}
