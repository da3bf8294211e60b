package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The zero-skipping part of {@link Gemm}: when A is mostly zeros (a batch of images whose pixels
 * are mostly background: 81% of MNIST's {@code ToTensor()} inputs are exactly 0), each packed
 * MR-row panel of A keeps only the depth steps p where at least one of its rows is non-zero, and
 * the micro-kernel runs over those steps alone. On MNIST, 54% of an 8-image panel's pixel columns
 * are zero in all eight images, so the first layer's forward product does half the work.
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
    /** Panel rows of 8 floats (the AVX-512 micro-tile height) are tested as one 256-bit vector. */
    private static final VectorSpecies<Float> PANEL_ROW = FloatVector.SPECIES_256;
    /** An operand with at most this fraction of non-zeros is worth building skip lists for. */
    static final double MAX_DENSITY = 0.35;
    /** Smaller products are not worth looking at. */
    static final long MIN_WORK = 1L << 16;
    /** Skipping needs the 8-row micro-kernel (AVX-512). */
    static final boolean AVAILABLE = Gemm.MR == 8;

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
     * Packs {@code kc} depth steps of one 8-row panel whose 8 values per step are adjacent (step p at
     * {@code src[off + p * stride]}) to {@code pa[dst]}; with {@code skip}, only the steps where some
     * value is non-zero, their offsets listed in {@code cols[colOff ...]}. Returns how many were packed.
     */
    static int packSteps(float[] src, int off, int stride, int kc, float[] pa, int dst, boolean skip, int[] cols,
                         int colOff) {
        int q = 0;
        for (int p = 0; p < kc; p++, off += stride) {
            FloatVector v = FloatVector.fromArray(PANEL_ROW, src, off);
            if (!skip || v.compare(VectorOperators.NE, 0f).anyTrue()) {
                v.intoArray(pa, dst + q * 8);
                if (skip) {
                    cols[colOff + q] = p;
                }
                q++;
            }
        }
        return q;
    }

    /**
     * Two adjacent 8-row panels at once, the 16 values of step p at {@code src[off + p * stride]}:
     * panel 0 to {@code pa[dst]}, panel 1 to {@code pa[dst + 8 * kc]}, their kept steps listed from
     * {@code cols[colOff]} and {@code cols[colOff + kc]}, their counts in {@code counts[ip]} and
     * {@code counts[ip + 1]}. Branch-free: each step is stored at the next free slot of its panel,
     * which advances only past a non-zero step (image zero patterns defeat branch prediction).
     */
    static void packPair(float[] src, int off, int stride, int kc, float[] pa, int dst, boolean skip, int[] cols,
                         int colOff, int[] counts, int ip) {
        int dst1 = dst + 8 * kc;
        if (!skip) {
            for (int p = 0; p < kc; p++, off += stride) {
                FloatVector v = FloatVector.fromArray(S, src, off);
                ((FloatVector) v.reinterpretShape(PANEL_ROW, 0)).intoArray(pa, dst + p * 8);
                ((FloatVector) v.reinterpretShape(PANEL_ROW, 1)).intoArray(pa, dst1 + p * 8);
            }
            return;
        }
        int q0 = 0;
        int q1 = 0;
        int col1 = colOff + kc;
        for (int p = 0; p < kc; p++, off += stride) {
            FloatVector v = FloatVector.fromArray(S, src, off);
            int nonZero = (int) v.compare(VectorOperators.NE, 0f).toLong();
            ((FloatVector) v.reinterpretShape(PANEL_ROW, 0)).intoArray(pa, dst + q0 * 8);
            ((FloatVector) v.reinterpretShape(PANEL_ROW, 1)).intoArray(pa, dst1 + q1 * 8);
            cols[colOff + q0] = p;
            cols[col1 + q1] = p;
            q0 += ((nonZero & 0xFF) + 0xFF) >>> 8; // 1 when any of the panel's 8 lanes is non-zero
            q1 += ((nonZero >>> 8) + 0xFF) >>> 8;
        }
        counts[ip] = q0;
        counts[ip + 1] = q1;
    }

    /**
     * {@link #packSteps} with skipping for any strides: rows {@code [row0, row0 + h)} x depth
     * {@code [pc, pc + kc)} of A into one 8-row panel (rows past h zero-filled).
     */
    static int packPanel(Gemm.Operand a, int row0, int h, int pc, int kc, float[] pa, int dst, int[] cols,
                         int colOff) {
        float[] d = a.data();
        int q = 0;
        int base = a.off() + row0 * a.rs() + pc * a.cs();
        for (int p = 0; p < kc; p++) {
            int src = base + p * a.cs();
            boolean any = false;
            for (int r = 0; r < h; r++) {
                any |= d[src + r * a.rs()] != 0f;
            }
            if (any) {
                copyStep(d, src, a.rs(), h, pa, dst + q * 8);
                cols[colOff + q++] = p;
            }
        }
        return q;
    }

    private static void copyStep(float[] d, int src, int rs, int h, float[] pa, int dst) {
        for (int r = 0; r < h; r++) {
            pa[dst + r] = d[src + r * rs];
        }
        for (int r = h; r < 8; r++) {
            pa[dst + r] = 0f;
        }
    }
}
