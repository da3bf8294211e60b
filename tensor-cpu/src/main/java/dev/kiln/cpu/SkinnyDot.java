package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Very narrow GEMM results as dot products along k, for an A whose rows are contiguous ({@code cs == 1}):
 * {@code C(i, j)} is the dot product of row i of A with column j of B, both read a vector at a time,
 * so every lane does useful work however few columns C has (broadcasting A along n, as
 * {@link SkinnyGemm}'s other kernels do, leaves {@code V - n} lanes idle). B is packed once per call
 * as {@code Bᵀ} ({@code n} rows of {@code kp}, k rounded up to whole vectors, zero-padded); blocks of
 * 4 rows x 4 columns of C accumulate in 16 registers while the rows of A stream from memory once and
 * from L1 for the other column blocks.
 *
 * <p>Every element of C gets the same arithmetic whichever block or thread computes it: one
 * fused-multiply-add per lane for each full vector of k in order, one for the zero-masked last
 * vector, then the lanes summed in a fixed pairwise tree (not {@code reduceLanes}, whose order for
 * floats is unspecified). So results do not depend on the thread count.
 */
final class SkinnyDot {
    private static final VectorSpecies<Float> S = GemmKernels.S;
    private static final int V = GemmKernels.V;
    /** Rows of C per register block. */
    static final int R = 4;
    /** Largest packed Bᵀ (floats, 1 MiB): beyond it the broadcast kernels, which block k, take over. */
    static final int MAX_PANEL = 1 << 18;

    /** Lane rotations by V/2, V/4, V/8, V/16 (a rotation by 0 where V is too narrow for that step). */
    private static final VectorShuffle<Float> BY2 = rotation(V / 2);
    private static final VectorShuffle<Float> BY4 = rotation(V / 4);
    private static final VectorShuffle<Float> BY8 = rotation(V / 8);
    private static final VectorShuffle<Float> BY16 = rotation(V / 16);

    private static final ThreadLocal<float[]> PANEL = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[V]);

    private static VectorShuffle<Float> rotation(int by) {
        return VectorShuffle.iota(S, by, 1, true);
    }

    private SkinnyDot() {
    }

    /**
     * Whether this path takes the product: rows of A contiguous, k at least a vector, Bᵀ small, and C
     * at most a quarter of a vector wide. Wider, the broadcast kernels win even with idle lanes:
     * measured on MNIST-sized A (60000 x 784, AVX-512, one thread), dot products took 21 ms for n = 4
     * and 33 ms for n = 10, the broadcast kernels 26 ms for any n up to 16.
     */
    static boolean suits(int n, int k, Gemm.Operand a) {
        return a.cs() == 1 && k >= V && (n == 1 || 4 * n <= V) && (long) n * roundUp(k) <= MAX_PANEL;
    }

    static void multiply(Parallel pool, int m, int n, int k, Gemm.Operand a, Gemm.Operand b, float[] c, int cOff) {
        int kp = roundUp(k);
        float[] panel = PANEL.get();
        if (panel.length < n * kp) {
            panel = new float[n * kp];
            PANEL.set(panel);
        }
        final float[] bt = panel;
        pack(b, k, n, kp, bt);
        int blocks = Gemm.ceilDiv(m, R);
        int tasks = Math.min(blocks, SkinnyGemm.overSplit(pool.tasksFor((long) m * n * k, Gemm.PARALLEL_GRAIN)));
        pool.run(tasks, t -> {
            int r0 = Math.min(m, Parallel.split(blocks, tasks, t) * R);
            int r1 = Math.min(m, Parallel.split(blocks, tasks, t + 1) * R);
            rows(a, k, n, kp, bt, r0, r1, c, cOff);
        });
    }

    /** Bᵀ into n rows of kp floats, zero past k. */
    private static void pack(Gemm.Operand b, int k, int n, int kp, float[] bt) {
        float[] d = b.data();
        for (int j = 0; j < n; j++) {
            int src = b.off() + j * b.cs();
            int dst = j * kp;
            for (int p = 0; p < k; p++) {
                bt[dst + p] = d[src + p * b.rs()];
            }
            java.util.Arrays.fill(bt, dst + k, dst + kp, 0f);
        }
    }

    private static void rows(Gemm.Operand a, int k, int n, int kp, float[] bt, int r0, int r1, float[] c, int cOff) {
        float[] ad = a.data();
        int rs = a.rs();
        int kv = S.loopBound(k);
        VectorMask<Float> tail = S.indexInRange(kv, k);
        float[] lanes = LANES.get();
        int i = r0;
        for (; i + R <= r1; i += R) {
            int ai = a.off() + i * rs;
            int ci = cOff + i * n;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                block4x4(kv, k, tail, ad, ai, rs, bt, j * kp, kp, c, ci + j, n, lanes);
            }
            for (; j < n; j++) {
                block4x1(kv, k, tail, ad, ai, rs, bt, j * kp, c, ci + j, n, lanes);
            }
        }
        for (; i < r1; i++) {
            int ai = a.off() + i * rs;
            for (int j = 0; j < n; j++) {
                c[cOff + i * n + j] = dot(kv, k, tail, ad, ai, bt, j * kp, lanes);
            }
        }
    }

    /**
     * Sum of the lanes in a fixed pairwise tree: lane l adds lane l + w for w = V/2, V/4, ..., 1
     * (a rotation and a lane-wise add per level: exact IEEE adds, the same bits in interpreted and
     * compiled code).
     */
    private static float sum(FloatVector v, float[] lanes) {
        if (V < 2 || V > 16) {
            return sumSlow(v, lanes);
        }
        v = v.add(v.rearrange(BY2));
        if (V >= 4) {
            v = v.add(v.rearrange(BY4));
        }
        if (V >= 8) {
            v = v.add(v.rearrange(BY8));
        }
        if (V >= 16) {
            v = v.add(v.rearrange(BY16));
        }
        return v.lane(0);
    }

    /** The same tree, through an array, for vector widths the unrolled version does not cover. */
    private static float sumSlow(FloatVector v, float[] lanes) {
        v.intoArray(lanes, 0);
        for (int w = V / 2; w >= 1; w /= 2) {
            for (int l = 0; l < w; l++) {
                lanes[l] += lanes[l + w];
            }
        }
        return lanes[0];
    }

    private static float dot(int kv, int k, VectorMask<Float> tail, float[] a, int ai, float[] bt, int bi,
                             float[] lanes) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < kv; p += V) {
            acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, bt, bi + p), acc);
        }
        if (kv < k) {
            acc = FloatVector.fromArray(S, a, ai + kv, tail).fma(FloatVector.fromArray(S, bt, bi + kv), acc);
        }
        return sum(acc, lanes);
    }

    /** Four rows of A against one column of B. */
    private static void block4x1(int kv, int k, VectorMask<Float> tail, float[] a, int ai, int rs, float[] bt, int bi,
                                 float[] c, int ci, int ldc, float[] lanes) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        for (int p = 0; p < kv; p += V) {
            FloatVector y = FloatVector.fromArray(S, bt, bi + p);
            c0 = FloatVector.fromArray(S, a, ai + p).fma(y, c0);
            c1 = FloatVector.fromArray(S, a, a1 + p).fma(y, c1);
            c2 = FloatVector.fromArray(S, a, a2 + p).fma(y, c2);
            c3 = FloatVector.fromArray(S, a, a3 + p).fma(y, c3);
        }
        if (kv < k) {
            FloatVector y = FloatVector.fromArray(S, bt, bi + kv);
            c0 = FloatVector.fromArray(S, a, ai + kv, tail).fma(y, c0);
            c1 = FloatVector.fromArray(S, a, a1 + kv, tail).fma(y, c1);
            c2 = FloatVector.fromArray(S, a, a2 + kv, tail).fma(y, c2);
            c3 = FloatVector.fromArray(S, a, a3 + kv, tail).fma(y, c3);
        }
        c[ci] = sum(c0, lanes);
        c[ci + ldc] = sum(c1, lanes);
        c[ci + 2 * ldc] = sum(c2, lanes);
        c[ci + 3 * ldc] = sum(c3, lanes);
    }

    /** Four rows of A against four columns of B: 16 accumulators. Unrolled: C2 keeps named locals in registers. */
    private static void block4x4(int kv, int k, VectorMask<Float> tail, float[] a, int ai, int rs, float[] bt, int bi,
                                 int kp, float[] c, int ci, int ldc, float[] lanes) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        FloatVector c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z;
        FloatVector c30 = z, c31 = z, c32 = z, c33 = z;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int b1 = bi + kp;
        int b2 = bi + 2 * kp;
        int b3 = bi + 3 * kp;
        for (int p = 0; p < kv; p += V) {
            FloatVector x0 = FloatVector.fromArray(S, a, ai + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + p);
            FloatVector x3 = FloatVector.fromArray(S, a, a3 + p);
            FloatVector y = FloatVector.fromArray(S, bt, bi + p);
            c00 = x0.fma(y, c00); c10 = x1.fma(y, c10); c20 = x2.fma(y, c20); c30 = x3.fma(y, c30);
            y = FloatVector.fromArray(S, bt, b1 + p);
            c01 = x0.fma(y, c01); c11 = x1.fma(y, c11); c21 = x2.fma(y, c21); c31 = x3.fma(y, c31);
            y = FloatVector.fromArray(S, bt, b2 + p);
            c02 = x0.fma(y, c02); c12 = x1.fma(y, c12); c22 = x2.fma(y, c22); c32 = x3.fma(y, c32);
            y = FloatVector.fromArray(S, bt, b3 + p);
            c03 = x0.fma(y, c03); c13 = x1.fma(y, c13); c23 = x2.fma(y, c23); c33 = x3.fma(y, c33);
        }
        if (kv < k) { // the last, partial vector of k: lanes past k read as 0 (Bᵀ is 0 there too)
            FloatVector x0 = FloatVector.fromArray(S, a, ai + kv, tail);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + kv, tail);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + kv, tail);
            FloatVector x3 = FloatVector.fromArray(S, a, a3 + kv, tail);
            FloatVector y = FloatVector.fromArray(S, bt, bi + kv);
            c00 = x0.fma(y, c00); c10 = x1.fma(y, c10); c20 = x2.fma(y, c20); c30 = x3.fma(y, c30);
            y = FloatVector.fromArray(S, bt, b1 + kv);
            c01 = x0.fma(y, c01); c11 = x1.fma(y, c11); c21 = x2.fma(y, c21); c31 = x3.fma(y, c31);
            y = FloatVector.fromArray(S, bt, b2 + kv);
            c02 = x0.fma(y, c02); c12 = x1.fma(y, c12); c22 = x2.fma(y, c22); c32 = x3.fma(y, c32);
            y = FloatVector.fromArray(S, bt, b3 + kv);
            c03 = x0.fma(y, c03); c13 = x1.fma(y, c13); c23 = x2.fma(y, c23); c33 = x3.fma(y, c33);
        }
        c[ci] = sum(c00, lanes); c[ci + 1] = sum(c01, lanes); c[ci + 2] = sum(c02, lanes); c[ci + 3] = sum(c03, lanes);
        ci += ldc;
        c[ci] = sum(c10, lanes); c[ci + 1] = sum(c11, lanes); c[ci + 2] = sum(c12, lanes); c[ci + 3] = sum(c13, lanes);
        ci += ldc;
        c[ci] = sum(c20, lanes); c[ci + 1] = sum(c21, lanes); c[ci + 2] = sum(c22, lanes); c[ci + 3] = sum(c23, lanes);
        ci += ldc;
        c[ci] = sum(c30, lanes); c[ci + 1] = sum(c31, lanes); c[ci + 2] = sum(c32, lanes); c[ci + 3] = sum(c33, lanes);
    }

    private static int roundUp(int k) {
        return Gemm.ceilDiv(k, V) * V;
    }
}
