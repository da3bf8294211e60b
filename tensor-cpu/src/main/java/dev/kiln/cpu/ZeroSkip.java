package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Zero skipping for GEMM, and the packing helpers of {@link Gemm} and {@link SkipGemm}: when A is
 * mostly zeros (a batch of images whose pixels are mostly background: 81% of MNIST's
 * {@code ToTensor()} inputs are exactly 0), each packed panel of A keeps only the depth steps p
 * where at least one of its rows is non-zero, and the micro-kernel runs over those steps alone. On
 * MNIST, 61% of a 4-image panel's pixel columns are zero in all four images.
 *
 * <p><b>Same results.</b> A skipped step would have added {@code fma(0, b, s) = s} to every
 * element of its tile, which changes nothing when b is finite; so skipping is used only for blocks
 * of B that are all finite (an infinite or NaN weight must still poison its outputs, as 0 * inf
 * does), and then the only possible difference from the dense kernel is the sign of an
 * exactly-zero result.
 */
final class ZeroSkip {
    private static final VectorSpecies<Float> S = GemmKernels.S;
    private static final int V = GemmKernels.V;
    /** Panel rows of 8 floats (the dense AVX-512 micro-tile height) are one 256-bit vector. */
    private static final VectorSpecies<Float> PANEL_ROW = FloatVector.SPECIES_256;
    /** An operand with at most this fraction of non-zeros is worth building skip lists for. */
    static final double MAX_DENSITY = 0.35;
    /** Smaller products are not worth looking at. */
    static final long MIN_WORK = 1L << 16;

    private ZeroSkip() {
    }

    /** Whether the {@code rows x cols} operand is sparse enough that skipping its zeros pays. */
    static boolean sparse(Gemm.Operand x, int rows, int cols) {
        return nonZeros(x, rows, cols) >= 0;
    }

    /**
     * Non-zeros of the {@code rows x cols} operand, or -1 as soon as there are more than
     * {@link #MAX_DENSITY} of them (a dense operand costs a partial scan, not a full one).
     */
    static long nonZeros(Gemm.Operand x, int rows, int cols) {
        long limit = (long) (MAX_DENSITY * rows * cols);
        boolean byRows = x.cs() == 1 || x.rs() != 1;
        int outer = byRows ? rows : cols;
        int inner = byRows ? cols : rows;
        int outerStride = byRows ? x.rs() : x.cs();
        int innerStride = byRows ? x.cs() : x.rs();
        float[] d = x.data();
        long count = 0;
        int sample = Math.max(1, outer / 16); // a dense operand is usually told by its first lines
        for (int o = 0; o < outer; o++) {
            int base = x.off() + o * outerStride;
            int i = 0;
            if (innerStride == 1) {
                for (; i <= inner - V; i += V) {
                    count += FloatVector.fromArray(S, d, base + i).compare(VectorOperators.NE, 0f).trueCount();
                }
            }
            for (; i < inner; i++) {
                if (d[base + i * innerStride] != 0f) {
                    count++;
                }
            }
            if (count > limit || (o + 1 == sample && count > MAX_DENSITY * sample * inner)) {
                return -1;
            }
        }
        return count;
    }

    /** Whether {@code x[from, to)} holds only finite values. */
    static boolean allFinite(float[] x, int from, int to) {
        int i = from;
        FloatVector nan = FloatVector.zero(S); // v - v is 0 for finite v, NaN for infinities and NaN
        for (; i <= to - V; i += V) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            nan = nan.add(v.sub(v));
        }
        if (nan.compare(VectorOperators.NE, nan).anyTrue()) {
            return false;
        }
        for (; i < to; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two adjacent 8-row panels of the dense path, the 16 values of step p at
     * {@code src[off + p * stride]}: panel 0 to {@code pa[dst]}, panel 1 to {@code pa[dst + 8 * kc]}.
     */
    static void packPair(float[] src, int off, int stride, int kc, float[] pa, int dst) {
        int dst1 = dst + 8 * kc;
        for (int p = 0; p < kc; p++, off += stride) {
            FloatVector v = FloatVector.fromArray(S, src, off);
            ((FloatVector) v.reinterpretShape(PANEL_ROW, 0)).intoArray(pa, dst + p * 8);
            ((FloatVector) v.reinterpretShape(PANEL_ROW, 1)).intoArray(pa, dst1 + p * 8);
        }
    }

    /** Four 4-float panel rows are one 128-bit vector each. */
    private static final VectorSpecies<Float> QUAD = FloatVector.SPECIES_128;

    /**
     * Four adjacent 4-row panels at once, the 16 values of step p at {@code src[off + p * stride]}:
     * panel j to {@code pa[dst + j * 4 * kc]}, its kept steps from {@code cols[colOff + j * kc]}, its
     * count to {@code counts[ip + j]}. Branch-free: each step is stored at the next free slot of its
     * panel, which advances only past a non-zero step (image zero patterns defeat branch prediction).
     */
    static void packQuads(float[] src, int off, int stride, int kc, float[] pa, int dst, boolean skip, int[] cols,
                          int colOff, int[] counts, int ip) {
        int q0 = 0;
        int q1 = 0;
        int q2 = 0;
        int q3 = 0;
        int d1 = dst + 4 * kc;
        int d2 = dst + 8 * kc;
        int d3 = dst + 12 * kc;
        for (int p = 0; p < kc; p++, off += stride) {
            FloatVector v = FloatVector.fromArray(S, src, off);
            ((FloatVector) v.reinterpretShape(QUAD, 0)).intoArray(pa, dst + q0 * 4);
            ((FloatVector) v.reinterpretShape(QUAD, 1)).intoArray(pa, d1 + q1 * 4);
            ((FloatVector) v.reinterpretShape(QUAD, 2)).intoArray(pa, d2 + q2 * 4);
            ((FloatVector) v.reinterpretShape(QUAD, 3)).intoArray(pa, d3 + q3 * 4);
            if (skip) {
                int nonZero = (int) v.compare(VectorOperators.NE, 0f).toLong();
                cols[colOff + q0] = p;
                cols[colOff + kc + q1] = p;
                cols[colOff + 2 * kc + q2] = p;
                cols[colOff + 3 * kc + q3] = p;
                q0 += ((nonZero & 0xF) + 0xF) >>> 4; // 1 when any of the panel's 4 lanes is non-zero
                q1 += (((nonZero >>> 4) & 0xF) + 0xF) >>> 4;
                q2 += (((nonZero >>> 8) & 0xF) + 0xF) >>> 4;
                q3 += ((nonZero >>> 12) + 0xF) >>> 4;
            } else {
                q0++;
                q1++;
                q2++;
                q3++;
            }
        }
        counts[ip] = q0;
        counts[ip + 1] = q1;
        counts[ip + 2] = q2;
        counts[ip + 3] = q3;
    }

    /**
     * One 4-row panel for any strides: rows {@code [row0, row0 + h)} x depth {@code [pc, pc + kc)} of
     * A (rows past h zero-filled), only the steps with a non-zero when {@code skip}. Returns the count.
     */
    static int packQuad(Gemm.Operand a, int row0, int h, int pc, int kc, float[] pa, int dst, boolean skip,
                        int[] cols, int colOff) {
        float[] d = a.data();
        int q = 0;
        int base = a.off() + row0 * a.rs() + pc * a.cs();
        for (int p = 0; p < kc; p++) {
            int src = base + p * a.cs();
            boolean any = !skip;
            for (int r = 0; r < h; r++) {
                any |= d[src + r * a.rs()] != 0f;
            }
            if (any) {
                for (int r = 0; r < 4; r++) {
                    pa[dst + q * 4 + r] = r < h ? d[src + r * a.rs()] : 0f;
                }
                if (skip) {
                    cols[colOff + q] = p;
                }
                q++;
            }
        }
        return q;
    }

}
