package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM register-tiled micro-kernels: an MR x (2 vectors) block of C lives in registers while the
 * packed A panel (MR floats per k step) and packed B panel (2 vectors per k step) stream through.
 * Written out per row count because C2 keeps only named locals in registers. {@code kernel6} suits
 * 16 registers (AVX2: 12 accumulators + 2 B vectors + 1 broadcast), {@code kernel8} suits 32
 * registers (AVX-512: 16 accumulators). Every product goes through {@code fma}, whose result is
 * specified exactly, so interpreted and compiled code give the same bits.
 */
final class GemmKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int V = S.length();

    private GemmKernels() {
    }

    /** 6 x 2V micro-kernel: C[0..6, 0..2V) (+)= packed A panel * packed B panel over kc. */
    static void kernel6(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, boolean load) {
        final int v = V;
        FloatVector c00, c01;
        FloatVector c10, c11;
        FloatVector c20, c21;
        FloatVector c30, c31;
        FloatVector c40, c41;
        FloatVector c50, c51;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff + 0 * ldc); c01 = FloatVector.fromArray(S, c, cOff + 0 * ldc + v);
            c10 = FloatVector.fromArray(S, c, cOff + 1 * ldc); c11 = FloatVector.fromArray(S, c, cOff + 1 * ldc + v);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc); c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + v);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc); c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + v);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * ldc); c41 = FloatVector.fromArray(S, c, cOff + 4 * ldc + v);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * ldc); c51 = FloatVector.fromArray(S, c, cOff + 5 * ldc + v);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z;
            c10 = z; c11 = z;
            c20 = z; c21 = z;
            c30 = z; c31 = z;
            c40 = z; c41 = z;
            c50 = z; c51 = z;
        }
        for (int p = 0; p < kc; p++) {
            int pa = aOff + p * 6;
            int pb = bOff + p * 2 * v;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + v);
            FloatVector a0 = FloatVector.broadcast(S, a[pa + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[pa + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[pa + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[pa + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[pa + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[pa + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, cOff + 0 * ldc); c01.intoArray(c, cOff + 0 * ldc + v);
        c10.intoArray(c, cOff + 1 * ldc); c11.intoArray(c, cOff + 1 * ldc + v);
        c20.intoArray(c, cOff + 2 * ldc); c21.intoArray(c, cOff + 2 * ldc + v);
        c30.intoArray(c, cOff + 3 * ldc); c31.intoArray(c, cOff + 3 * ldc + v);
        c40.intoArray(c, cOff + 4 * ldc); c41.intoArray(c, cOff + 4 * ldc + v);
        c50.intoArray(c, cOff + 5 * ldc); c51.intoArray(c, cOff + 5 * ldc + v);
    }

    /** 8 x 2V micro-kernel: C[0..8, 0..2V) (+)= packed A panel * packed B panel over kc. */
    static void kernel8(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, boolean load) {
        final int v = V;
        FloatVector c00, c01;
        FloatVector c10, c11;
        FloatVector c20, c21;
        FloatVector c30, c31;
        FloatVector c40, c41;
        FloatVector c50, c51;
        FloatVector c60, c61;
        FloatVector c70, c71;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff + 0 * ldc); c01 = FloatVector.fromArray(S, c, cOff + 0 * ldc + v);
            c10 = FloatVector.fromArray(S, c, cOff + 1 * ldc); c11 = FloatVector.fromArray(S, c, cOff + 1 * ldc + v);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc); c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + v);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc); c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + v);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * ldc); c41 = FloatVector.fromArray(S, c, cOff + 4 * ldc + v);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * ldc); c51 = FloatVector.fromArray(S, c, cOff + 5 * ldc + v);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * ldc); c61 = FloatVector.fromArray(S, c, cOff + 6 * ldc + v);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * ldc); c71 = FloatVector.fromArray(S, c, cOff + 7 * ldc + v);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z;
            c10 = z; c11 = z;
            c20 = z; c21 = z;
            c30 = z; c31 = z;
            c40 = z; c41 = z;
            c50 = z; c51 = z;
            c60 = z; c61 = z;
            c70 = z; c71 = z;
        }
        for (int p = 0; p < kc; p++) {
            int pa = aOff + p * 8;
            int pb = bOff + p * 2 * v;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + v);
            FloatVector a0 = FloatVector.broadcast(S, a[pa + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[pa + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[pa + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[pa + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[pa + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[pa + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[pa + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[pa + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc); c01.intoArray(c, cOff + 0 * ldc + v);
        c10.intoArray(c, cOff + 1 * ldc); c11.intoArray(c, cOff + 1 * ldc + v);
        c20.intoArray(c, cOff + 2 * ldc); c21.intoArray(c, cOff + 2 * ldc + v);
        c30.intoArray(c, cOff + 3 * ldc); c31.intoArray(c, cOff + 3 * ldc + v);
        c40.intoArray(c, cOff + 4 * ldc); c41.intoArray(c, cOff + 4 * ldc + v);
        c50.intoArray(c, cOff + 5 * ldc); c51.intoArray(c, cOff + 5 * ldc + v);
        c60.intoArray(c, cOff + 6 * ldc); c61.intoArray(c, cOff + 6 * ldc + v);
        c70.intoArray(c, cOff + 7 * ldc); c71.intoArray(c, cOff + 7 * ldc + v);
    }

    /**
     * 4 x 4V micro-kernel over the depth steps listed in {@code cols[colOff .. colOff + steps)}: A is
     * read in place, row r of step p at {@code a[aOff + p * cs + r * rs]}, and B's 4V floats of step p
     * at {@code b[bOff + p * ldb]} (packed, or B's own rows). The zero-skipping path's kernel
     * ({@link SkipGemm}).
     */
    static void kernel4x4Skip(int steps, int[] cols, int colOff, float[] a, int aOff, int rs, int cs, float[] b,
                              int bOff, int ldb, float[] c, int cOff, int ldc, boolean load) {
        final int v = V;
        FloatVector c00, c01, c02, c03;
        FloatVector c10, c11, c12, c13;
        FloatVector c20, c21, c22, c23;
        FloatVector c30, c31, c32, c33;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff); c01 = FloatVector.fromArray(S, c, cOff + v);
            c02 = FloatVector.fromArray(S, c, cOff + 2 * v); c03 = FloatVector.fromArray(S, c, cOff + 3 * v);
            c10 = FloatVector.fromArray(S, c, cOff + ldc); c11 = FloatVector.fromArray(S, c, cOff + ldc + v);
            c12 = FloatVector.fromArray(S, c, cOff + ldc + 2 * v); c13 = FloatVector.fromArray(S, c, cOff + ldc + 3 * v);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc); c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + v);
            c22 = FloatVector.fromArray(S, c, cOff + 2 * ldc + 2 * v);
            c23 = FloatVector.fromArray(S, c, cOff + 2 * ldc + 3 * v);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc); c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + v);
            c32 = FloatVector.fromArray(S, c, cOff + 3 * ldc + 2 * v);
            c33 = FloatVector.fromArray(S, c, cOff + 3 * ldc + 3 * v);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c02 = z; c03 = z;
            c10 = z; c11 = z; c12 = z; c13 = z;
            c20 = z; c21 = z; c22 = z; c23 = z;
            c30 = z; c31 = z; c32 = z; c33 = z;
        }
        for (int q = 0; q < steps; q++) {
            int p = cols[colOff + q];
            int pa = aOff + p * cs;
            int pb = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + v);
            FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * v);
            FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * v);
            FloatVector a0 = FloatVector.broadcast(S, a[pa]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02); c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, a[pa + rs]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12); c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, a[pa + 2 * rs]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22); c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, a[pa + 3 * rs]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32); c33 = a3.fma(b3, c33);
        }
        c00.intoArray(c, cOff); c01.intoArray(c, cOff + v); c02.intoArray(c, cOff + 2 * v); c03.intoArray(c, cOff + 3 * v);
        int o = cOff + ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + v); c12.intoArray(c, o + 2 * v); c13.intoArray(c, o + 3 * v);
        o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + v); c22.intoArray(c, o + 2 * v); c23.intoArray(c, o + 3 * v);
        o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + v); c32.intoArray(c, o + 2 * v); c33.intoArray(c, o + 3 * v);
    }
}
