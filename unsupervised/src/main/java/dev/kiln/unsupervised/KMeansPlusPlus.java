package dev.kiln.unsupervised;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007, with the local trials of scikit-learn's
 * {@code _kmeans_plusplus}): the first centre is a uniform random point; each further centre is
 * the best of {@code 2 + ln k} candidates drawn with probability proportional to the squared
 * distance to the nearest centre so far, "best" meaning the lowest resulting potential. The
 * candidate distances are one GEMM per step on the backend.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    /** {@code k} initial centres, row-major {@code k x d}. */
    static float[] seed(Points points, SquaredDistances dist, int k, Rng rng) {
        int n = points.rows();
        int d = points.cols();
        float[] data = points.data();
        int trials = 2 + (int) Math.log(k);
        float[] centres = new float[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(data, first * d, centres, 0, d);
        float[] closest = dist.to(java.util.Arrays.copyOf(centres, d)).toArray();
        double potential = sum(closest);
        for (int c = 1; c < k; c++) {
            double[] cumulative = cumulative(closest);
            float[] candidates = new float[trials * d];
            int[] ids = new int[trials];
            for (int t = 0; t < trials; t++) {
                double target = rng.nextDouble() * potential;
                ids[t] = Math.min(searchSorted(cumulative, target), n - 1);
                System.arraycopy(data, ids[t] * d, candidates, t * d, d);
            }
            // [n, trials]: each candidate's distances, capped by the current closest distances
            Tensor closestNow = Tensor.fromArray(dist.backend(), closest, n, 1);
            Tensor capped = dist.to(candidates).minimum(closestNow);
            float[] pots = capped.sum(0, false).toArray();
            int best = 0;
            for (int t = 1; t < trials; t++) {
                if (pots[t] < pots[best]) {
                    best = t;
                }
            }
            closest = capped.slice(1, best, best + 1).toArray();
            potential = sum(closest);
            System.arraycopy(data, ids[best] * d, centres, c * d, d);
        }
        return centres;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    private static double[] cumulative(float[] v) {
        double[] c = new double[v.length];
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i];
            c[i] = s;
        }
        return c;
    }

    /** The first index whose cumulative value is >= target (numpy's searchsorted, side='left'). */
    static int searchSorted(double[] cumulative, double target) {
        int lo = 0;
        int hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
