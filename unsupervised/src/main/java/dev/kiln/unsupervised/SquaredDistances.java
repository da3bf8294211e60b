package dev.kiln.unsupervised;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;

/**
 * Squared Euclidean distances from a few centres to every point, computed on a backend as
 * {@code ‖c‖² − 2 c·xᵀ + ‖x‖²}: one GEMM {@code [k, d] × [d, n]} plus broadcasts. The points are
 * uploaded once, transposed ({@code [d, n]}), with their squared norms; only the centres travel
 * (k-means also uploads the row-major points once, for the per-cluster sums).
 * The {@code [k, n]} orientation keeps the GEMM's long dimension (n) as its output width, the
 * shape GEMM kernels run fastest (measured ~2x faster than {@code [n, d] × [d, k]} for k = 10 on
 * tensor-cpu). Float32 cancellation can make a distance slightly negative: results are clamped at 0.
 */
final class SquaredDistances {
    private final Backend backend;
    private final Points points;
    private final Tensor xT;
    private Tensor x;
    private final Tensor xNorms;
    private final int n;
    private final int d;

    SquaredDistances(Points points, Backend backend) {
        this.backend = backend;
        this.points = points;
        this.n = points.rows();
        this.d = points.cols();
        float[] data = points.data();
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0, o = i * d; j < d; j++) {
                s += (double) data[o + j] * data[o + j];
            }
            norms[i] = (float) s;
        }
        this.xT = Tensor.fromArray(backend, transpose(data, n, d), d, n);
        this.xNorms = Tensor.fromArray(backend, norms, 1, n);
    }

    /** {@code [d, n]} from {@code [n, d]}, in 64 x 64 tiles so reads and writes both stay in cache. */
    static float[] transpose(float[] x, int n, int d) {
        final int tile = 64;
        float[] out = new float[n * d];
        for (int i0 = 0; i0 < n; i0 += tile) {
            int i1 = Math.min(n, i0 + tile);
            for (int j0 = 0; j0 < d; j0 += tile) {
                int j1 = Math.min(d, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * n + i] = x[i * d + j];
                    }
                }
            }
        }
        return out;
    }

    Backend backend() {
        return backend;
    }

    int rows() {
        return n;
    }

    /** {@code [k, n]} squared distances from {@code centres} (row-major {@code k x d}) to every point. */
    Tensor to(float[] centres) {
        int k = centres.length / d;
        float[] cNorms = new float[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                float v = centres[c * d + j];
                s += (double) v * v;
            }
            cNorms[c] = (float) s;
        }
        Tensor cross = Tensor.fromArray(backend, centres, k, d).matmul(xT);
        return Tensor.fromArray(backend, cNorms, k, 1).add(xNorms).sub(cross.mul(2f)).maximum(0f);
    }

    /** Nearest centre of every point and the squared distance to it. */
    Assignment assign(float[] centres) {
        Tensor dist = to(centres);
        Tensor labels = dist.neg().argmax(0);
        return new Assignment(labels, labels.toIntArray(), dist.min(0, false).toArray());
    }

    /**
     * Per-centre sums of the points assigned to it, {@code [k, d]} row-major: a scatter-add of the
     * point rows on the backend (so a device backend keeps the pass on the device). The row-major
     * copy of the points is uploaded on first use only: prediction never needs it.
     */
    float[] clusterSums(Tensor labels, int k) {
        if (x == null) {
            x = points.toTensor(backend);
        }
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
