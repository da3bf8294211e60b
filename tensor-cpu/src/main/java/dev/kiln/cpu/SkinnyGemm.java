package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM for narrow results, {@code C[m, n] = A[m, k] * B[k, n]} with {@code n <= 2V} (a layer with
 * ten outputs, distances from points to ten centres). The packed path ({@link Gemm}) would copy all
 * of the big operand A into panels on every call and fill a 2V-wide micro-tile with only n useful
 * columns; here A streams straight from its array through its strides, a few rows at a time, and
 * only the small B is packed: into a {@code kc x W} panel (W = one or two vectors, zero-padded past
 * n) that stays in cache while R rows of A are multiplied into R x W accumulators in registers.
 *
 * <p>Every element of C is one fused-multiply-add chain over {@code p = 0 .. k-1} in order, starting
 * from 0 (a partial sum goes through C between depth blocks, which is exact). That is the same
 * arithmetic as the packed path, whichever rows share a register block and whichever thread runs
 * them, so results are identical for any thread count and to {@link Gemm}'s packed path.
 *
 * <p>Results only a few columns wide (a quarter vector) with unit-stride rows of A go to
 * {@link SkinnyDot} instead, which fills every lane by running dot products along k (its own fixed
 * summation order: also independent of the thread count, not the packed path's bits).
 */
final class SkinnyGemm {
    private static final VectorSpecies<Float> S = GemmKernels.S;
    private static final int V = GemmKernels.V;
    /** Widest C this path takes: two vectors per row. */
    static final int MAX_N = 2 * V;
    /** Fewer rows than this stay on the packed path (see {@link Gemm#multiply}). */
    static final int MIN_M = 1024;
    /** Rows per register block: 8 rows x 1 vector, or 6 rows x 2 vectors (15 registers on AVX2). */
    private static final int R1 = 8;
    private static final int R2 = 6;
    /** Floats of one packed B block (256 KiB: it stays in L2 while all rows stream past it). */
    private static final int PANEL_FLOATS = 1 << 16;

    private static final ThreadLocal<float[]> PANEL = ThreadLocal.withInitial(() -> new float[0]);

    private SkinnyGemm() {
    }

    /**
     * Tasks for {@code threads} threads: several per thread, handed out as threads come free, so a
     * thread the OS deschedules on a shared machine delays its current slice, not half the product.
     * Which rows a task gets never changes their arithmetic, so neither does the split.
     */
    static int overSplit(int threads) {
        return threads == 1 ? 1 : threads * 8;
    }

    /** Same contract as {@link Gemm#multiply} for {@code 1 <= n <= MAX_N}, {@code m, k >= 1}. */
    static void multiply(Parallel pool, int m, int n, int k, Gemm.Operand a, Gemm.Operand b, float[] c, int cOff) {
        if (SkinnyDot.suits(n, k, a)) {
            SkinnyDot.multiply(pool, m, n, k, a, b, c, cOff);
            return;
        }
        broadcast(pool, m, n, k, a, b, c, cOff);
    }

    /** The broadcast kernels for any strides: the packed path's arithmetic, so the same bits. */
    static void broadcast(Parallel pool, int m, int n, int k, Gemm.Operand a, Gemm.Operand b, float[] c, int cOff) {
        int nv = n <= V ? 1 : 2;
        int w = nv * V;
        int rows = nv == 1 ? R1 : R2;
        int kb = Math.max(1, PANEL_FLOATS / w);
        int blocks = Gemm.ceilDiv(m, rows);
        int tasks = Math.min(blocks, SkinnyGemm.overSplit(pool.tasksFor((long) m * n * k, Gemm.PARALLEL_GRAIN)));
        float[] panel = PANEL.get();
        if (panel.length < Math.min(k, kb) * w) {
            panel = new float[Math.min(k, kb) * w];
            PANEL.set(panel);
        }
        final float[] pb = panel;
        for (int pc = 0; pc < k; pc += kb) {
            int kc = Math.min(kb, k - pc);
            pack(b, pc, kc, n, w, pb);
            int pcF = pc;
            pool.run(tasks, t -> {
                int r0 = Math.min(m, Parallel.split(blocks, tasks, t) * rows);
                int r1 = Math.min(m, Parallel.split(blocks, tasks, t + 1) * rows);
                rows(a, pcF, kc, pb, n, nv, r0, r1, c, cOff, pcF > 0);
            });
        }
    }

    /** B rows [pc, pc+kc) into a kc x w panel, zero past column n. */
    private static void pack(Gemm.Operand b, int pc, int kc, int n, int w, float[] pb) {
        float[] d = b.data();
        for (int p = 0; p < kc; p++) {
            int src = b.off() + (pc + p) * b.rs();
            int dst = p * w;
            if (b.cs() == 1) {
                System.arraycopy(d, src, pb, dst, n);
            } else {
                for (int j = 0; j < n; j++) {
                    pb[dst + j] = d[src + j * b.cs()];
                }
            }
            java.util.Arrays.fill(pb, dst + n, dst + w, 0f);
        }
    }

    /** Rows [r0, r1) of C over depth [pc, pc+kc); {@code load}: add to the partial sums in C. */
    private static void rows(Gemm.Operand a, int pc, int kc, float[] pb, int n, int nv, int r0, int r1, float[] c,
                             int cOff, boolean load) {
        float[] ad = a.data();
        int rs = a.rs();
        int cs = a.cs();
        VectorMask<Float> m0 = S.indexInRange(0, n);
        VectorMask<Float> m1 = S.indexInRange(V, n);
        int i = r0;
        if (nv == 1) {
            for (; i + R1 <= r1; i += R1) {
                if (cs == 1) {
                    rows8Contiguous(kc, ad, a.off() + i * rs + pc, rs, pb, c, cOff + i * n, n, m0, load);
                } else {
                    rows8(kc, ad, a.off() + i * rs + pc * cs, rs, cs, pb, c, cOff + i * n, n, m0, load);
                }
            }
        } else {
            for (; i + R2 <= r1; i += R2) {
                rows6x2(kc, ad, a.off() + i * rs + pc * cs, rs, cs, pb, c, cOff + i * n, n, m0, m1, load);
            }
        }
        for (; i < r1; i++) {
            row(kc, ad, a.off() + i * rs + pc * cs, cs, pb, nv, c, cOff + i * n, m0, m1, load);
        }
    }

    /** One row of C (the tail after the register blocks), one or two vectors wide. */
    private static void row(int kc, float[] a, int ai, int cs, float[] b, int nv, float[] c, int ci,
                            VectorMask<Float> m0, VectorMask<Float> m1, boolean load) {
        int w = nv * V;
        FloatVector c0 = load ? FloatVector.fromArray(S, c, ci, m0) : FloatVector.zero(S);
        FloatVector c1 = nv == 2 && load ? FloatVector.fromArray(S, c, ci + V, m1) : FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p * cs]);
            c0 = x.fma(FloatVector.fromArray(S, b, p * w), c0);
            if (nv == 2) {
                c1 = x.fma(FloatVector.fromArray(S, b, p * w + V), c1);
            }
        }
        c0.intoArray(c, ci, m0);
        if (nv == 2) {
            c1.intoArray(c, ci + V, m1);
        }
    }

    /** Eight rows of C, one vector wide (n <= V). Unrolled by hand: C2 keeps only named locals in registers. */
    private static void rows8(int kc, float[] a, int ai, int rs, int cs, float[] b, float[] c, int ci, int ldc,
                              VectorMask<Float> m, boolean load) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (load) {
            c0 = FloatVector.fromArray(S, c, ci, m);
            c1 = FloatVector.fromArray(S, c, ci + ldc, m);
            c2 = FloatVector.fromArray(S, c, ci + 2 * ldc, m);
            c3 = FloatVector.fromArray(S, c, ci + 3 * ldc, m);
            c4 = FloatVector.fromArray(S, c, ci + 4 * ldc, m);
            c5 = FloatVector.fromArray(S, c, ci + 5 * ldc, m);
            c6 = FloatVector.fromArray(S, c, ci + 6 * ldc, m);
            c7 = FloatVector.fromArray(S, c, ci + 7 * ldc, m);
        } else {
            FloatVector z = FloatVector.zero(S);
            c0 = z; c1 = z; c2 = z; c3 = z; c4 = z; c5 = z; c6 = z; c7 = z;
        }
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int a4 = ai + 4 * rs;
        int a5 = ai + 5 * rs;
        int a6 = ai + 6 * rs;
        int a7 = ai + 7 * rs;
        for (int p = 0, o = 0; p < kc; p++, o += cs) {
            FloatVector bv = FloatVector.fromArray(S, b, p * V);
            c0 = FloatVector.broadcast(S, a[ai + o]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + o]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + o]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + o]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[a4 + o]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[a5 + o]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[a6 + o]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[a7 + o]).fma(bv, c7);
        }
        c0.intoArray(c, ci, m);
        c1.intoArray(c, ci + ldc, m);
        c2.intoArray(c, ci + 2 * ldc, m);
        c3.intoArray(c, ci + 3 * ldc, m);
        c4.intoArray(c, ci + 4 * ldc, m);
        c5.intoArray(c, ci + 5 * ldc, m);
        c6.intoArray(c, ci + 6 * ldc, m);
        c7.intoArray(c, ci + 7 * ldc, m);
    }

    /** {@link #rows8} for unit-stride rows of A: a plain induction variable lets C2 drop bounds checks. */
    private static void rows8Contiguous(int kc, float[] a, int ai, int rs, float[] b, float[] c, int ci, int ldc,
                                        VectorMask<Float> m, boolean load) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (load) {
            c0 = FloatVector.fromArray(S, c, ci, m);
            c1 = FloatVector.fromArray(S, c, ci + ldc, m);
            c2 = FloatVector.fromArray(S, c, ci + 2 * ldc, m);
            c3 = FloatVector.fromArray(S, c, ci + 3 * ldc, m);
            c4 = FloatVector.fromArray(S, c, ci + 4 * ldc, m);
            c5 = FloatVector.fromArray(S, c, ci + 5 * ldc, m);
            c6 = FloatVector.fromArray(S, c, ci + 6 * ldc, m);
            c7 = FloatVector.fromArray(S, c, ci + 7 * ldc, m);
        } else {
            FloatVector z = FloatVector.zero(S);
            c0 = z; c1 = z; c2 = z; c3 = z; c4 = z; c5 = z; c6 = z; c7 = z;
        }
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int a4 = ai + 4 * rs;
        int a5 = ai + 5 * rs;
        int a6 = ai + 6 * rs;
        int a7 = ai + 7 * rs;
        for (int p = 0; p < kc; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, p * V);
            c0 = FloatVector.broadcast(S, a[ai + p]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[a4 + p]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[a5 + p]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[a6 + p]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[a7 + p]).fma(bv, c7);
        }
        c0.intoArray(c, ci, m);
        c1.intoArray(c, ci + ldc, m);
        c2.intoArray(c, ci + 2 * ldc, m);
        c3.intoArray(c, ci + 3 * ldc, m);
        c4.intoArray(c, ci + 4 * ldc, m);
        c5.intoArray(c, ci + 5 * ldc, m);
        c6.intoArray(c, ci + 6 * ldc, m);
        c7.intoArray(c, ci + 7 * ldc, m);
    }

    /** Six rows of C, two vectors wide (V < n <= 2V). */
    private static void rows6x2(int kc, float[] a, int ai, int rs, int cs, float[] b, float[] c, int ci, int ldc,
                                VectorMask<Float> m0, VectorMask<Float> m1, boolean load) {
        final int v = V;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load) {
            c00 = FloatVector.fromArray(S, c, ci, m0); c01 = FloatVector.fromArray(S, c, ci + v, m1);
            c10 = FloatVector.fromArray(S, c, ci + ldc, m0); c11 = FloatVector.fromArray(S, c, ci + ldc + v, m1);
            c20 = FloatVector.fromArray(S, c, ci + 2 * ldc, m0); c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + v, m1);
            c30 = FloatVector.fromArray(S, c, ci + 3 * ldc, m0); c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + v, m1);
            c40 = FloatVector.fromArray(S, c, ci + 4 * ldc, m0); c41 = FloatVector.fromArray(S, c, ci + 4 * ldc + v, m1);
            c50 = FloatVector.fromArray(S, c, ci + 5 * ldc, m0); c51 = FloatVector.fromArray(S, c, ci + 5 * ldc + v, m1);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z;
            c30 = z; c31 = z; c40 = z; c41 = z; c50 = z; c51 = z;
        }
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int a4 = ai + 4 * rs;
        int a5 = ai + 5 * rs;
        for (int p = 0, o = 0; p < kc; p++, o += cs) {
            FloatVector b0 = FloatVector.fromArray(S, b, p * 2 * v);
            FloatVector b1 = FloatVector.fromArray(S, b, p * 2 * v + v);
            FloatVector x0 = FloatVector.broadcast(S, a[ai + o]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + o]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + o]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + o]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + o]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + o]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
        }
        c00.intoArray(c, ci, m0); c01.intoArray(c, ci + v, m1);
        c10.intoArray(c, ci + ldc, m0); c11.intoArray(c, ci + ldc + v, m1);
        c20.intoArray(c, ci + 2 * ldc, m0); c21.intoArray(c, ci + 2 * ldc + v, m1);
        c30.intoArray(c, ci + 3 * ldc, m0); c31.intoArray(c, ci + 3 * ldc + v, m1);
        c40.intoArray(c, ci + 4 * ldc, m0); c41.intoArray(c, ci + 4 * ldc + v, m1);
        c50.intoArray(c, ci + 5 * ldc, m0); c51.intoArray(c, ci + 5 * ldc + v, m1);
    }
}
