package dev.kiln.unsupervised;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;

/**
 * Squared Euclidean distances from every point to a few centres, computed on a backend as
 * {@code ‖x‖² − (2 x·c − ‖c‖²)}: one GEMM {@code [n, d] × [d, k]} against the doubled, transposed
 * centres, then broadcasts. The points are uploaded once, row-major, with their squared norms (kept
 * by {@link Points#onBackend} for later fits); only the centres travel. The nearest centre is the
 * one with the largest score {@code 2 x·c − ‖c‖²}, so an assignment needs no {@code [n, k]} distance
 * matrix, only the scores and their row maximum. The GEMM's result is narrow (k columns), the shape
 * tensor-cpu streams without copying the points; the same row-major points serve the per-cluster
 * sums. Float32 cancellation can make a distance slightly negative: results are clamped at 0.
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
        Points.OnBackend uploaded = points.onBackend(backend);
        this.x = uploaded.x();
        this.xNorms = uploaded.squaredNorms();
    }

    Backend backend() {
        return backend;
    }

    int rows() {
        return n;
    }

    /** {@code [n, k]} scores {@code 2 x·c − ‖c‖²} (larger is nearer) for row-major {@code k x d} centres. */
    private Tensor scores(float[] centres) {
        int k = centres.length / d;
        float[] cNorms = new float[k];
        float[] twiceT = new float[d * k]; // 2 cᵀ, [d, k]: doubling is exact, so it costs no rounding
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                float v = centres[c * d + j];
                s += (double) v * v;
                twiceT[j * k + c] = 2f * v;
            }
            cNorms[c] = (float) s;
        }
        return x.matmul(Tensor.fromArray(backend, twiceT, d, k)).sub(Tensor.fromArray(backend, cNorms, 1, k));
    }

    /** {@code [n, k]} squared distances from every point to {@code centres} (row-major {@code k x d}). */
    Tensor to(float[] centres) {
        return xNorms.sub(scores(centres)).maximum(0f);
    }

    /** Nearest centre of every point and the squared distance to it. */
    Assignment assign(float[] centres) {
        Tensor s = scores(centres);
        Tensor labels = s.argmax(1);
        float[] min = xNorms.sub(s.max(1, true)).maximum(0f).toArray();
        return new Assignment(labels, labels.toIntArray(), min);
    }

    /**
     * Per-centre sums of the points assigned to it, {@code [k, d]} row-major: a scatter-add of the
     * point rows on the backend (so a device backend keeps the pass on the device).
     */
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
