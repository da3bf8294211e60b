package dev.kiln.semisupervised;

import dev.kiln.core.tensor.Tensor;

/**
 * Exact k-nearest-neighbour lists (Euclidean), as a sparse graph: row {@code i}'s neighbours are
 * {@code neighbours[i*k .. i*k+k)}, nearest first, equal distances by row index. A query row that
 * is also a reference row finds itself (distance 0), as scikit-learn's {@code kneighbors_graph}
 * of the training rows does.
 *
 * <p>Memory is what makes label spreading fit at MNIST scale: the graph is {@code n·k} ints, and
 * distances are computed a block of queries at a time as {@code |q|² + |x|² − 2 q·x}, the
 * {@code q·x} part one matrix product on the tensor backend, so at most {@code block × n} floats
 * of distances exist at once (about 64 MB), never the {@code n × n} matrix.
 */
final class KnnGraph {
    /** Distances held per block: 16 M floats = 64 MB. */
    private static final long BLOCK_FLOATS = 16L << 20;

    final int rows;
    final int k;
    final int[] neighbours;

    private KnnGraph(int rows, int k, int[] neighbours) {
        this.rows = rows;
        this.k = k;
        this.neighbours = neighbours;
    }

    /** The k nearest rows of {@code reference} for each row of {@code queries}. */
    static KnnGraph build(double[][] reference, double[][] queries, int k) {
        int n = reference.length;
        int m = queries.length;
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " neighbours but only " + n + " reference rows");
        }
        int d = n == 0 ? 0 : reference[0].length;
        Tensor refT = Tensor.fromArray(flat(reference, 0, n, d), n, d).t();
        double[] refNorm = norms(reference);
        int block = (int) Math.max(1, Math.min(1024, BLOCK_FLOATS / Math.max(1, n)));
        int[] out = new int[m * k];
        int[] heapIdx = new int[k];
        double[] heapDist = new double[k];
        for (int from = 0; from < m; from += block) {
            int b = Math.min(block, m - from);
            float[] prod = Tensor.fromArray(flat(queries, from, b, d), b, d).matmul(refT).toArray();
            for (int q = 0; q < b; q++) {
                double qn = 0;
                for (double v : queries[from + q]) {
                    float f = (float) v; // the product used floats; the norm must match it
                    qn += (double) f * f;
                }
                int size = 0;
                int base = q * n;
                for (int j = 0; j < n; j++) {
                    // clamp: rounding can make a tiny distance negative
                    double dist = Math.max(0, qn + refNorm[j] - 2.0 * prod[base + j]);
                    if (size < k) {
                        heapIdx[size] = j;
                        heapDist[size] = dist;
                        siftUp(heapIdx, heapDist, size++);
                    } else if (dist < heapDist[0]) {
                        // strictly smaller only: an equal distance keeps the earlier (lower) row
                        heapIdx[0] = j;
                        heapDist[0] = dist;
                        siftDown(heapIdx, heapDist, k);
                    }
                }
                // drain the max-heap from the back: farthest last
                int o = (from + q) * k;
                for (int s = k - 1; s >= 0; s--) {
                    out[o + s] = heapIdx[0];
                    heapIdx[0] = heapIdx[s];
                    heapDist[0] = heapDist[s];
                    siftDown(heapIdx, heapDist, s);
                }
            }
        }
        return new KnnGraph(m, k, out);
    }

    /** Heap order: larger distance on top; for equal distances the larger row index is "larger". */
    private static boolean above(int[] idx, double[] dist, int a, int b) {
        return dist[a] > dist[b] || (dist[a] == dist[b] && idx[a] > idx[b]);
    }

    private static void siftUp(int[] idx, double[] dist, int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!above(idx, dist, i, p)) {
                return;
            }
            swap(idx, dist, i, p);
            i = p;
        }
    }

    private static void siftDown(int[] idx, double[] dist, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int top = i;
            if (l < size && above(idx, dist, l, top)) {
                top = l;
            }
            if (r < size && above(idx, dist, r, top)) {
                top = r;
            }
            if (top == i) {
                return;
            }
            swap(idx, dist, i, top);
            i = top;
        }
    }

    private static void swap(int[] idx, double[] dist, int a, int b) {
        int t = idx[a];
        idx[a] = idx[b];
        idx[b] = t;
        double u = dist[a];
        dist[a] = dist[b];
        dist[b] = u;
    }

    private static float[] flat(double[][] x, int from, int count, int d) {
        float[] out = new float[count * d];
        for (int i = 0; i < count; i++) {
            double[] r = x[from + i];
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) r[j];
            }
        }
        return out;
    }

    private static double[] norms(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double v : x[i]) {
                float f = (float) v;
                s += (double) f * f;
            }
            out[i] = s;
        }
        return out;
    }
}
