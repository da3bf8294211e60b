package dev.kiln.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Single-precision GEMM, {@code C[m, n] = A[m, k] * B[k, n]}, in the BLIS/GotoBLAS layout: B is
 * packed in blocks of KC x NC into NR-wide column panels, A in blocks of MC x KC into MR-tall row
 * panels, and a register-tiled micro-kernel ({@link GemmKernels}) computes MR x NR tiles of C.
 * Packing reads through arbitrary strides, so transposed views ({@code x.t()}) cost no copy.
 *
 * <p>Threads split the tiles of C (by rows of panels, or by columns when there are few rows);
 * every element of C is computed by one thread with the same order of k, so results are the same
 * for any thread count. Packing buffers are per thread and reused across calls.
 *
 * <p>Results at most two vectors wide go to {@link SkinnyGemm} instead, which streams A unpacked
 * (same arithmetic, so the same bits). A mostly-zero A or B goes to {@link SkipGemm}, which
 * leaves out the all-zero depth steps (see {@link ZeroSkip}).
 */
final class Gemm {
    /** Float lanes per vector (8 on AVX2, 16 on AVX-512). */
    static final int V = GemmKernels.V;
    /** Micro-tile rows: 8 with 32 vector registers (AVX-512), 6 with 16 (AVX2). */
    static final int MR = V >= 16 ? 8 : 6;
    /** Micro-tile columns: two vectors. */
    static final int NR = 2 * V;
    /** Depth of one block: a KC x NR panel of B stays in L1 while the A panel streams. */
    static final int KC = V >= 16 ? 384 : 256;
    /** Rows of one A block (MC x KC, about 192 KiB, stays in L2). */
    static final int MC = MR * 16;
    /** Columns of one B block (KC x NC stays in L3). */
    static final int NC = 4096;
    /** Below this many multiply-adds a GEMM stays on the calling thread. */
    static final long PARALLEL_GRAIN = 1L << 19;

    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];
        /** Sixteen rows of A transposed (depth-major), packed as two panels. */
        final float[] strip = new float[16 * KC];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private Gemm() {
    }

    /** A matrix operand: element (i, j) is at {@code data[off + i * rs + j * cs]}. */
    record Operand(float[] data, int off, int rs, int cs) {
    }

    /**
     * Computes {@code c[cOff + i*n + j] = sum_p A(i,p) B(p,j)} for a contiguous row-major C. C's
     * previous contents are ignored (overwritten).
     */
    static void multiply(Parallel pool, int m, int n, int k, Operand a, Operand b, float[] c, int cOff) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
            return;
        }
        // only tall products: for a batch of 64 rows (a dense layer's 10-class output) the narrow
        // kernel saved 5 us in isolation, but inside a training step C2 left its vector ops
        // un-intrinsified (boxed FMAs: the forward pass went from 220 to 510 us); the packed path
        // is robust there
        if (n <= SkinnyGemm.MAX_N && m >= SkinnyGemm.MIN_M) {
            SkinnyGemm.multiply(pool, m, n, k, a, b, c, cOff);
            return;
        }
        if (SkipGemm.available() && (long) m * n * k >= ZeroSkip.MIN_WORK) {
            if (ZeroSkip.sparse(a, m, k)) {
                SkipGemm.multiply(pool, m, n, k, a, b, c, cOff, false);
                return;
            }
            if (m >= SkipGemm.MR && ZeroSkip.sparse(b, k, n)) {
                // the weight gradient of a layer fed sparse inputs: C^T = B^T A^T, the sparse side first
                SkipGemm.multiply(pool, n, m, k, new Operand(b.data(), b.off(), b.cs(), b.rs()),
                        new Operand(a.data(), a.off(), a.cs(), a.rs()), c, cOff, true);
                return;
            }
        }
        packed(pool, m, n, k, a, b, c, cOff);
    }

    /** The packed (BLIS) path for any shape with {@code m, n, k >= 1}; tests compare the other paths with it. */
    static void packed(Parallel pool, int m, int n, int k, Operand a, Operand b, float[] c, int cOff) {
        int tasks = pool.tasksFor((long) m * n * k, PARALLEL_GRAIN);
        Buffers mine = BUFFERS.get();
        int mPanels = ceilDiv(m, MR);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int nPanels = ceilDiv(nc, NR);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                if (mine.b.length < nPanels * NR * kc) {
                    mine.b = new float[ceilDiv(Math.min(n, NC), NR) * NR * Math.min(k, KC)];
                }
                float[] pb = mine.b;
                final int jcF = jc;
                final int pcF = pc;
                boolean accumulate = pc > 0;
                if (tasks == 1) {
                    packB(b, pcF, kc, jcF, nc, pb, 0, nPanels, NR);
                    compute(a, pb, c, cOff, n, pcF, kc, jcF, nc, 0, mPanels, 0, nPanels, m, accumulate);
                    continue;
                }
                int packParts = Math.min(nPanels, 4 * tasks);
                pool.run(packParts, t -> packB(b, pcF, kc, jcF, nc, pb, Parallel.split(nPanels, packParts, t),
                        Parallel.split(nPanels, packParts, t + 1), NR));
                // split by rows of panels when there are enough of them, else by columns
                boolean byRows = mPanels >= 2 * tasks || mPanels >= nPanels;
                // rows are cut finer than the thread count and claimed as threads come free, so a
                // worker that wakes late still takes its share (a training step is hundreds of
                // products of ~100 us); which thread computes a panel never changes its bits
                // panels go out in pairs: two 8-row panels are packed in one pass (see packA)
                int pairs = ceilDiv(mPanels, 2);
                int parts = byRows ? Math.min(pairs, 4 * tasks) : tasks;
                pool.run(parts, t -> {
                    if (byRows) {
                        compute(a, pb, c, cOff, n, pcF, kc, jcF, nc, 2 * Parallel.split(pairs, parts, t),
                                Math.min(mPanels, 2 * Parallel.split(pairs, parts, t + 1)), 0, nPanels, m, accumulate);
                    } else {
                        compute(a, pb, c, cOff, n, pcF, kc, jcF, nc, 0, mPanels, Parallel.split(nPanels, tasks, t),
                                Parallel.split(nPanels, tasks, t + 1), m, accumulate);
                    }
                });
            }
        }
    }

    /** Packs B rows [pc, pc+kc) x columns of nr-wide panels [p0, p1) of the block at column jc (width nc). */
    static void packB(Operand b, int pc, int kc, int jc, int nc, float[] pb, int p0, int p1, int nr) {
        float[] d = b.data();
        for (int panel = p0; panel < p1; panel++) {
            int j0 = panel * nr;
            int w = Math.min(nr, nc - j0);
            int dst = panel * nr * kc;
            int src = b.off() + pc * b.rs() + (jc + j0) * b.cs();
            if (b.cs() == 1) {
                for (int p = 0; p < kc; p++, dst += nr, src += b.rs()) {
                    System.arraycopy(d, src, pb, dst, w);
                    if (w < nr) {
                        Arrays.fill(pb, dst + w, dst + nr, 0f);
                    }
                }
            } else if (w == nr && b.rs() == 1 && Transpose.BLOCKS) {
                // B is a transposed row-major matrix (a dense layer's w.t()): a panel is a transpose
                Transpose.transpose(d, src, b.cs(), pb, dst, nr, nr, kc);
            } else if (w == nr && (long) (nr - 1) * b.cs() < Integer.MAX_VALUE / 2) {
                // strided columns (a dense layer's w.t()): one SIMD gather per vector of the panel row
                // instead of nr scalar loads; the index map is the column stride
                int[] map = gatherMap(b.cs());
                for (int p = 0; p < kc; p++, dst += nr, src += b.rs()) {
                    for (int v = 0; v < nr; v += V) {
                        FloatVector.fromArray(GemmKernels.S, d, src + v * b.cs(), map, 0).intoArray(pb, dst + v);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++, dst += nr, src += b.rs()) {
                    for (int j = 0; j < w; j++) {
                        pb[dst + j] = d[src + j * b.cs()];
                    }
                    for (int j = w; j < nr; j++) {
                        pb[dst + j] = 0f;
                    }
                }
            }
        }
    }

    /** Packs A rows [i0, i0+mc) x [pc, pc+kc) into MR-row panels, zero-padding the last one. */
    private static void packA(Operand a, int i0, int mc, int pc, int kc, float[] pa, Buffers buf) {
        float[] d = a.data();
        for (int ip = 0; ip * MR < mc; ip++) {
            int r0 = ip * MR;
            int h = Math.min(MR, mc - r0);
            int dst = ip * MR * kc;
            int src = a.off() + (i0 + r0) * a.rs() + pc * a.cs();
            if (MR == 8 && mc - r0 >= 16 && (a.rs() == 1 || (a.cs() == 1 && Transpose.BLOCKS))) {
                // two panels at once: a step's 16 values are adjacent, in A itself (a transposed
                // view) or after a register-block transpose of 16 unit-stride rows
                if (a.rs() == 1) {
                    ZeroSkip.packPair(d, src, a.cs(), kc, pa, dst);
                } else {
                    Transpose.transpose(d, src, a.rs(), buf.strip, 0, 16, 16, kc);
                    ZeroSkip.packPair(buf.strip, 0, 16, kc, pa, dst);
                }
                ip++;
                continue;
            }
            if (a.rs() == 1 && h == MR) { // A is a transposed view: MR rows of one column are adjacent
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(d, src + p * a.cs(), pa, dst + p * MR, MR);
                }
                continue;
            }
            for (int r = 0; r < h; r++) {
                int s = src + r * a.rs();
                for (int p = 0; p < kc; p++) {
                    pa[dst + p * MR + r] = d[s + p * a.cs()];
                }
            }
            for (int r = h; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    pa[dst + p * MR + r] = 0f;
                }
            }
        }
    }

    /** Tiles of C for row panels [m0, m1) and column panels [n0, n1) of the current KC x NC block. */
    private static void compute(Operand a, float[] pb, float[] c, int cOff, int ldc, int pc, int kc, int jc, int nc,
                                int m0, int m1, int n0, int n1, int m, boolean accumulate) {
        if (m0 >= m1 || n0 >= n1) {
            return;
        }
        Buffers buf = BUFFERS.get();
        int rowEnd = Math.min(m, m1 * MR);
        for (int ic = m0 * MR; ic < rowEnd; ic += MC) {
            int mc = Math.min(MC, rowEnd - ic);
            int need = ceilDiv(mc, MR) * MR * kc;
            if (buf.a.length < need) {
                buf.a = new float[MC * KC];
            }
            float[] pa = buf.a;
            packA(a, ic, mc, pc, kc, pa, buf);
            for (int jp = n0; jp < n1; jp++) {
                int j0 = jp * NR;
                int w = Math.min(NR, nc - j0);
                int bOff = jp * NR * kc;
                for (int ip = 0; ip * MR < mc; ip++) {
                    int r0 = ip * MR;
                    int h = Math.min(MR, mc - r0);
                    int cPos = cOff + (ic + r0) * ldc + jc + j0;
                    if (h == MR && w == NR) {
                        kernel(kc, pa, ip * MR * kc, pb, bOff, c, cPos, ldc, accumulate);
                    } else {
                        edgeTile(kc, pa, ip * MR * kc, pb, bOff, c, cPos, ldc, h, w, accumulate, buf.tile);
                    }
                }
            }
        }
    }

    /** A partial tile at the matrix edge: computed in a full-size scratch tile, then copied. */
    private static void edgeTile(int kc, float[] pa, int aOff, float[] pb, int bOff, float[] c, int cPos, int ldc,
                                 int h, int w, boolean accumulate, float[] tile) {
        if (accumulate) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(c, cPos + r * ldc, tile, r * NR, w);
            }
        }
        kernel(kc, pa, aOff, pb, bOff, tile, 0, NR, accumulate);
        for (int r = 0; r < h; r++) {
            System.arraycopy(tile, r * NR, c, cPos + r * ldc, w);
        }
    }

    private static void kernel(int kc, float[] pa, int aOff, float[] pb, int bOff, float[] c, int cOff, int ldc,
                               boolean load) {
        if (MR == 8) {
            GemmKernels.kernel8(kc, pa, aOff, pb, bOff, c, cOff, ldc, load);
        } else {
            GemmKernels.kernel6(kc, pa, aOff, pb, bOff, c, cOff, ldc, load);
        }
    }

    private static final ThreadLocal<int[]> GATHER_MAP = ThreadLocal.withInitial(() -> new int[V]);

    /** {@code 0, stride, 2 stride, ...}: V lanes of a column with this stride. */
    private static int[] gatherMap(int stride) {
        int[] map = GATHER_MAP.get();
        if (map[1] != stride) {
            for (int i = 0; i < V; i++) {
                map[i] = i * stride;
            }
        }
        return map;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
