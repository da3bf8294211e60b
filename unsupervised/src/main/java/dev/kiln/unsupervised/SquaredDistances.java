package dev.kiln.unsupervised;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;

/**
 * Squared Euclidean distances from every point to a small set of centres, computed on a backend
 * as {@code ‖x‖² − 2 x·cᵀ + ‖c‖²}: one GEMM {@code [n, d] × [d, k]} plus broadcasts. The points and
 * their squared norms are uploaded once and reused across iterations; only the centres travel.
 * Float32 cancellation can make a distance slightly negative, so results are clamped at zero.
 */
final class SquaredDistances {
    private final Backend backend;
    private final Tensor x;
    private final Tensor xNorms;
    private final int n;
    private final int d;

    SquaredDistances(Points points, Backend backend) {
        this.backend = backend;
        this.n = points.rows();
        this.d = points.cols();
        this.x = points.toTensor(backend);
        float[] data = points.data();
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0, o = i * d; j < d; j++) {
                s += (double) data[o + j] * data[o + j];
            }
            norms[i] = (float) s;
        }
        this.xNorms = Tensor.fromArray(backend, norms, n, 1);
    }

    Backend backend() {
        return backend;
    }

    /** The points as a backend tensor {@code [n, d]}. */
    Tensor points() {
        return x;
    }

    int rows() {
        return n;
    }

    /** {@code [n, k]} squared distances to {@code centres} (row-major {@code k x d}). */
    Tensor to(float[] centres) {
        int k = centres.length / d;
        float[] ct = new float[d * k];
        float[] cNorms = new float[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                float v = centres[c * d + j];
                ct[j * k + c] = v;
                s += (double) v * v;
            }
            cNorms[c] = (float) s;
        }
        Tensor cross = x.matmul(Tensor.fromArray(backend, ct, d, k));
        return xNorms.add(Tensor.fromArray(backend, cNorms, 1, k)).sub(cross.mul(2f)).maximum(0f);
    }

    /** Nearest centre of every point and the squared distance to it. */
    Assignment assign(float[] centres) {
        Tensor dist = to(centres);
        Tensor labels = dist.neg().argmax(1);
        return new Assignment(labels, labels.toIntArray(), dist.min(1, false).toArray());
    }

    /** Per-centre sums of the points assigned to it, {@code [k, d]} row-major, summed on the backend. */
    float[] clusterSums(Tensor labels, int k) {
        return backend.indexAdd(Tensor.zeros(backend, k, d), 0, labels, x).toArray();
    }

    /** The result of one assignment step; {@code labelTensor} stays on the backend for the update. */
    record Assignment(Tensor labelTensor, int[] labels, float[] minDistances) {
        double inertia() {
            double s = 0;
            for (float v : minDistances) {
                s += v;
            }
            return s;
        }
    }
}
