package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Zero skipping for GEMM, and the packing helpers of {@link Gemm} and {@link SkipGemm}: when A is
 * mostly zeros (a batch of images whose pixels are mostly background: 81% of MNIST's
 * {@code ToTensor()} inputs are exactly 0), each 4-row panel of A gets the list of depth steps p
 * where at least one of its rows is non-zero, and the micro-kernel runs over those steps alone,
 * reading A in place. On MNIST, 61% of a 4-image panel's pixel columns are zero in all four images.
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

    /** Step numbers, as many lanes as {@link #S}. */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final IntVector IOTA = IntVector.zero(I).addIndex(1);

    /**
     * The kept steps of four 4-row panels read in place: A's rows are unit-stride, row r of the
     * group at {@code d[base + r * rs + p]} for steps {@code p < kc}. Panel j's steps go to
     * {@code cols[colOff + j * kc ...]} (in order, each list may write up to 16 entries past its
     * end), its count to {@code counts[ip + j]}. Sixteen steps at a time: the four rows' non-zero
     * masks are or-ed and the step numbers compressed through the result, with no branch per step.
     */
    static void listRows(float[] d, int base, int rs, int kc, int[] cols, int colOff, int[] counts, int ip) {
        for (int j = 0; j < 4; j++) {
            int start = colOff + j * kc;
            int pos = start;
            int row = base + 4 * j * rs;
            for (int p0 = 0; p0 < kc; p0 += V) {
                VectorMask<Float> in = S.indexInRange(p0, kc);
                VectorMask<Float> any = FloatVector.fromArray(S, d, row + p0, in).compare(VectorOperators.NE, 0f)
                        .or(FloatVector.fromArray(S, d, row + rs + p0, in).compare(VectorOperators.NE, 0f))
                        .or(FloatVector.fromArray(S, d, row + 2 * rs + p0, in).compare(VectorOperators.NE, 0f))
                        .or(FloatVector.fromArray(S, d, row + 3 * rs + p0, in).compare(VectorOperators.NE, 0f));
                VectorMask<Integer> keep = any.cast(I);
                IOTA.add(p0).compress(keep).intoArray(cols, pos);
                pos += keep.trueCount();
            }
            counts[ip + j] = pos - start;
        }
    }

    /**
     * As {@link #listRows} for sixteen adjacent rows (a transposed view: step p's sixteen values at
     * {@code d[base + p * cs]}): one vector compare per step gives all four panels' bits, which are
     * then compressed panel by panel, sixteen steps at a time. {@code masks} holds kc + 16 ints.
     */
    static void listColumns(float[] d, int base, int cs, int kc, int[] cols, int colOff, int[] counts, int ip,
                            int[] masks) {
        for (int p = 0; p < kc; p++) {
            masks[p] = (int) FloatVector.fromArray(S, d, base + p * cs).compare(VectorOperators.NE, 0f).toLong();
        }
        for (int j = 0; j < 4; j++) {
            int start = colOff + j * kc;
            int pos = start;
            int panelBits = 0xF << (4 * j);
            for (int p0 = 0; p0 < kc; p0 += V) {
                VectorMask<Integer> keep = IntVector.fromArray(I, masks, p0).and(panelBits)
                        .compare(VectorOperators.NE, 0).and(I.indexInRange(p0, kc));
                IOTA.add(p0).compress(keep).intoArray(cols, pos);
                pos += keep.trueCount();
            }
            counts[ip + j] = pos - start;
        }
    }

    /**
     * One 4-row panel copied for any strides (the edges, and operands with no unit stride): rows
     * {@code [row0, row0 + h)} x depth {@code [pc, pc + kc)} of A to {@code pa[dst + p * 4 + r]} (rows
     * past h zero), its steps with a non-zero (every step when not skipping) listed in {@code cols}.
     * Returns the count.
     */
    static int packPanel(Gemm.Operand a, int row0, int h, int pc, int kc, float[] pa, int dst, boolean skip,
                         int[] cols, int colOff) {
        float[] d = a.data();
        int q = 0;
        int base = a.off() + row0 * a.rs() + pc * a.cs();
        for (int p = 0; p < kc; p++) {
            int src = base + p * a.cs();
            boolean any = !skip;
            for (int r = 0; r < 4; r++) {
                float x = r < h ? d[src + r * a.rs()] : 0f;
                pa[dst + p * 4 + r] = x;
                any |= x != 0f;
            }
            if (any) {
                cols[colOff + q++] = p;
            }
        }
        return q;
    }
}
