package dev.kiln.semisupervised;

import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * The graphs of label propagation and spreading. The kNN graph is sparse (CSR: {@code indptr},
 * {@code cols}, {@code vals}; k entries a row), so its memory is O(n·k) rather than the O(n²) of a
 * dense matrix; the RBF graph is dense and meant for small n. Neighbours come from a blocked scan:
 * a block of query rows is compared with every row while the block stays in cache, and each query
 * keeps its k nearest in a small sorted buffer (ties to the lower row, so results are
 * deterministic). Distances are summed in double from the differences, not expanded as
 * {@code ‖a‖² − 2a·b + ‖b‖²}, so near-equal neighbours are ordered as an exact computation orders them.
 *
 * <p>Past {@link #GEMM_WORK} multiply-adds (MNIST: 70,000² × 784) that scan is far too slow, so
 * {@link #nearest} switches to the backend: a block of queries times the transposed points is one
 * float32 GEMM, which ranks candidates by {@code ‖p‖² − 2q·p}; the best {@code k + }{@link #SLACK}
 * candidates of each query are then re-ranked by exact double distances, so float rounding can
 * only matter for a neighbour that float32 placed more than {@code SLACK} ranks too low.
 */
final class Affinity {
    private static final int BLOCK = 64;
    static final double GEMM_WORK = 5e7;
    static final int SLACK = 8;
    private static final int GEMM_BLOCK = 256;

    private Affinity() {
    }

    /** A row-stochastic-or-not operator {@code G} with {@code G · Y} for dense {@code Y}. */
    interface Graph {
        double[][] times(double[][] y);
    }

    record Dense(double[][] m) implements Graph {
        @Override
        public double[][] times(double[][] y) {
            int k = y[0].length;
            double[][] out = new double[m.length][k];
            for (int i = 0; i < m.length; i++) {
                double[] row = m[i];
                double[] o = out[i];
                for (int j = 0; j < row.length; j++) {
                    double w = row[j];
                    if (w != 0) {
                        double[] yj = y[j];
                        for (int c = 0; c < k; c++) {
                            o[c] += w * yj[c];
                        }
                    }
                }
            }
            return out;
        }
    }

    record Sparse(int[] indptr, int[] cols, double[] vals) implements Graph {
        @Override
        public double[][] times(double[][] y) {
            int n = indptr.length - 1;
            int k = y[0].length;
            double[][] out = new double[n][k];
            for (int i = 0; i < n; i++) {
                double[] o = out[i];
                for (int e = indptr[i]; e < indptr[i + 1]; e++) {
                    double w = vals[e];
                    double[] yj = y[cols[e]];
                    for (int c = 0; c < k; c++) {
                        o[c] += w * yj[c];
                    }
                }
            }
            return out;
        }
    }

    static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** The k nearest rows of {@code points} to each query (nearest first; a query that is a point finds itself first). */
    static int[][] nearest(double[][] queries, double[][] points, int k) {
        double work = (double) queries.length * points.length * (points.length == 0 ? 0 : points[0].length);
        return work > GEMM_WORK ? nearestByGemm(queries, points, k) : nearestExact(queries, points, k);
    }

    /** Candidates from blocked float32 GEMMs on the default backend, re-ranked exactly (see the class comment). */
    static int[][] nearestByGemm(double[][] queries, double[][] points, int k) {
        if (queries == points) {
            return selfNearestByGemm(points, k, 1024);
        }
        int n = points.length;
        int d = points[0].length;
        int kk = Math.min(k, n);
        int cand = Math.min(n, kk + SLACK);
        float[] pt = new float[d * n]; // points transposed, [d, n], so each block is [B, d] x [d, n]
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < d; c++) {
                float v = (float) points[j][c];
                pt[c * n + j] = v;
                norms[j] += (double) v * v;
            }
        }
        Tensor p = Tensor.fromArray(pt, d, n);
        int[][] out = new int[queries.length][];
        int[] ci = new int[cand];
        double[] cs = new double[cand];
        for (int q0 = 0; q0 < queries.length; q0 += GEMM_BLOCK) {
            int b = Math.min(GEMM_BLOCK, queries.length - q0);
            float[] qb = new float[b * d];
            for (int r = 0; r < b; r++) {
                for (int c = 0; c < d; c++) {
                    qb[r * d + c] = (float) queries[q0 + r][c];
                }
            }
            float[] dot = Tensor.fromArray(qb, b, d).matmul(p).toArray();
            for (int r = 0; r < b; r++) {
                Arrays.fill(cs, Double.POSITIVE_INFINITY);
                Arrays.fill(ci, Integer.MAX_VALUE);
                int base = r * n;
                for (int j = 0; j < n; j++) {
                    double s = norms[j] - 2.0 * dot[base + j]; // ‖q‖² is the same for the whole row
                    if (s < cs[cand - 1]) {
                        int at = cand - 1;
                        while (at > 0 && cs[at - 1] > s) {
                            cs[at] = cs[at - 1];
                            ci[at] = ci[at - 1];
                            at--;
                        }
                        cs[at] = s;
                        ci[at] = j;
                    }
                }
                double[] q = queries[q0 + r];
                Integer[] order = new Integer[cand];
                double[] exact = new double[cand];
                for (int c = 0; c < cand; c++) {
                    order[c] = c;
                    exact[c] = squared(q, points[ci[c]]);
                }
                Arrays.sort(order, (x, y) -> exact[x] != exact[y] ? Double.compare(exact[x], exact[y]) : Integer.compare(ci[x], ci[y]));
                int[] o = new int[kk];
                for (int c = 0; c < kk; c++) {
                    o[c] = ci[order[c]];
                }
                out[q0 + r] = o;
            }
        }
        return out;
    }

    /**
     * The graph's own case, every row against every row: the squared distance is symmetric, so only
     * blocks on or above the diagonal are multiplied and each one updates the candidates of both
     * its row block and its column block — half the GEMM work of the general path.
     */
    static int[][] selfNearestByGemm(double[][] x, int k, int block) {
        int n = x.length;
        int d = x[0].length;
        int kk = Math.min(k, n);
        int cand = Math.min(n, kk + SLACK);
        float[] flat = new float[n * d];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                float v = (float) x[i][c];
                flat[i * d + c] = v;
                norms[i] += (double) v * v;
            }
        }
        double[][] cs = new double[n][cand];
        int[][] ci = new int[n][cand];
        for (int i = 0; i < n; i++) {
            Arrays.fill(cs[i], Double.POSITIVE_INFINITY);
            Arrays.fill(ci[i], Integer.MAX_VALUE);
        }
        for (int a0 = 0; a0 < n; a0 += block) {
            int a = Math.min(block, n - a0);
            Tensor rowsA = Tensor.fromArray(Arrays.copyOfRange(flat, a0 * d, (a0 + a) * d), a, d);
            for (int b0 = a0; b0 < n; b0 += block) {
                int b = Math.min(block, n - b0);
                float[] bt = new float[d * b]; // block b transposed, [d, b]
                for (int j = 0; j < b; j++) {
                    for (int c = 0; c < d; c++) {
                        bt[c * b + j] = flat[(b0 + j) * d + c];
                    }
                }
                float[] dot = rowsA.matmul(Tensor.fromArray(bt, d, b)).toArray();
                for (int i = 0; i < a; i++) {
                    for (int j = 0; j < b; j++) {
                        if (b0 == a0 && j < i) {
                            continue; // the diagonal block's lower half is its upper half mirrored
                        }
                        double s = norms[a0 + i] + norms[b0 + j] - 2.0 * dot[i * b + j];
                        offer(cs[a0 + i], ci[a0 + i], s, b0 + j);
                        if (b0 + j != a0 + i) {
                            offer(cs[b0 + j], ci[b0 + j], s, a0 + i);
                        }
                    }
                }
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = rerank(x[i], x, ci[i], kk);
        }
        return out;
    }

    private static void offer(double[] cs, int[] ci, double s, int j) {
        int last = cs.length - 1;
        if (s < cs[last] || (s == cs[last] && j < ci[last])) {
            int at = last;
            while (at > 0 && (cs[at - 1] > s || (cs[at - 1] == s && ci[at - 1] > j))) {
                cs[at] = cs[at - 1];
                ci[at] = ci[at - 1];
                at--;
            }
            cs[at] = s;
            ci[at] = j;
        }
    }

    /** The k nearest of the candidate rows by exact double distance, ties to the lower row. */
    private static int[] rerank(double[] q, double[][] points, int[] ci, int kk) {
        Integer[] order = new Integer[ci.length];
        double[] exact = new double[ci.length];
        for (int c = 0; c < ci.length; c++) {
            order[c] = c;
            exact[c] = squared(q, points[ci[c]]);
        }
        Arrays.sort(order, (x, y) -> exact[x] != exact[y] ? Double.compare(exact[x], exact[y]) : Integer.compare(ci[x], ci[y]));
        int[] o = new int[kk];
        for (int c = 0; c < kk; c++) {
            o[c] = ci[order[c]];
        }
        return o;
    }

    /** The exact blocked scan (small problems, and the reference the GEMM path is tested against). */
    static int[][] nearestExact(double[][] queries, double[][] points, int k) {
        int kk = Math.min(k, points.length);
        int[][] out = new int[queries.length][kk];
        double[][] dist = new double[queries.length][kk];
        for (double[] d : dist) {
            Arrays.fill(d, Double.POSITIVE_INFINITY);
        }
        for (int[] o : out) {
            Arrays.fill(o, Integer.MAX_VALUE);
        }
        for (int q0 = 0; q0 < queries.length; q0 += BLOCK) {
            int q1 = Math.min(queries.length, q0 + BLOCK);
            for (int p = 0; p < points.length; p++) {
                double[] pt = points[p];
                for (int q = q0; q < q1; q++) {
                    double s = squared(queries[q], pt);
                    double[] dq = dist[q];
                    if (s < dq[kk - 1]) { // points come in ascending order, so an equal distance never displaces a lower row
                        int at = kk - 1;
                        while (at > 0 && dq[at - 1] > s) {
                            dq[at] = dq[at - 1];
                            out[q][at] = out[q][at - 1];
                            at--;
                        }
                        dq[at] = s;
                        out[q][at] = p;
                    }
                }
            }
        }
        return out;
    }

    /** 0/1 connectivity of every row to its k nearest rows, itself included (scikit-learn's kneighbors_graph on the fit data). */
    static Sparse knn(double[][] x, int k) {
        int[][] nb = nearest(x, x, k);
        int kk = nb.length == 0 ? 0 : nb[0].length;
        int n = x.length;
        int[] indptr = new int[n + 1];
        int[] cols = new int[n * kk];
        double[] vals = new double[n * kk];
        for (int i = 0; i < n; i++) {
            int[] row = nb[i].clone();
            Arrays.sort(row); // CSR rows in column order
            System.arraycopy(row, 0, cols, i * kk, kk);
            Arrays.fill(vals, i * kk, (i + 1) * kk, 1.0);
            indptr[i + 1] = (i + 1) * kk;
        }
        return new Sparse(indptr, cols, vals);
    }

    /** {@code exp(-gamma ‖a − b‖²)} between every pair of rows of {@code a} and {@code b}. */
    static double[][] rbf(double[][] a, double[][] b, double gamma) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i][j] = Math.exp(-gamma * squared(a[i], b[j]));
            }
        }
        return out;
    }

    /** Column sums of a sparse matrix, skipping the diagonal when asked. */
    static double[] columnSums(Sparse g, int n, boolean skipDiagonal) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int e = g.indptr()[i]; e < g.indptr()[i + 1]; e++) {
                if (!skipDiagonal || g.cols()[e] != i) {
                    w[g.cols()[e]] += g.vals()[e];
                }
            }
        }
        return w;
    }

    /**
     * Label spreading's operator {@code D^-1/2 W D^-1/2} with the diagonal removed, as scikit-learn
     * gets it from the negated normalised Laplacian: degrees are column sums without self-loops, and
     * an isolated row (degree 0) is scaled by 1 so its row stays 0 instead of becoming NaN.
     */
    static Graph spreadingOperator(Graph w, int n) {
        if (w instanceof Sparse s) {
            double[] d = invSqrt(columnSums(s, n, true));
            int[] indptr = new int[n + 1];
            int[] cols = new int[s.cols().length];
            double[] vals = new double[s.vals().length];
            int o = 0;
            for (int i = 0; i < n; i++) {
                for (int e = s.indptr()[i]; e < s.indptr()[i + 1]; e++) {
                    int j = s.cols()[e];
                    if (j != i) {
                        cols[o] = j;
                        vals[o++] = s.vals()[e] * d[i] * d[j];
                    }
                }
                indptr[i + 1] = o;
            }
            return new Sparse(indptr, Arrays.copyOf(cols, o), Arrays.copyOf(vals, o));
        }
        double[][] m = ((Dense) w).m();
        double[] colSums = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    colSums[j] += m[i][j];
                }
            }
        }
        double[] d = invSqrt(colSums);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = i == j ? 0 : m[i][j] * d[i] * d[j];
            }
        }
        return new Dense(out);
    }

    /**
     * Label propagation's operator: row i of W divided by the sum of column i (scikit-learn's dense
     * rule; W is symmetric for RBF, so that is row normalisation). A zero sum divides by 1.
     */
    static Graph propagationOperator(Graph w, int n) {
        if (w instanceof Sparse s) {
            double[] c = columnSums(s, n, false);
            double[] vals = s.vals().clone();
            for (int i = 0; i < n; i++) {
                double by = c[i] == 0 ? 1 : c[i];
                for (int e = s.indptr()[i]; e < s.indptr()[i + 1]; e++) {
                    vals[e] /= by;
                }
            }
            return new Sparse(s.indptr(), s.cols(), vals);
        }
        double[][] m = ((Dense) w).m();
        double[] c = new double[n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                c[j] += row[j];
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double by = c[i] == 0 ? 1 : c[i];
            out[i] = new double[n];
            for (int j = 0; j < n; j++) {
                out[i][j] = m[i][j] / by;
            }
        }
        return new Dense(out);
    }

    private static double[] invSqrt(double[] w) {
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            d[i] = w[i] == 0 ? 1 : 1 / Math.sqrt(w[i]);
        }
        return d;
    }
}
