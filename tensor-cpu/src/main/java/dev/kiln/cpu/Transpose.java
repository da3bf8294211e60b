package dev.kiln.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Out-of-place matrix transpose, {@code o[j * ldo + i] = a[i * lda + j]}. With 16-float vectors
 * (AVX-512) it moves 16 x 16 blocks through registers: four rounds of two-vector lane selects swap
 * ever smaller sub-blocks (8, 4, 2, then 1 lanes), about three times faster than gathering
 * columns. Other vector sizes, and the edges, copy element by element. Only moves values.
 */
final class Transpose {
    private static final VectorSpecies<Float> S = GemmKernels.S;
    /** Whether the register-block transpose is available (it is written for 16 lanes). */
    static final boolean BLOCKS = GemmKernels.V == 16;

    // lane selectors of the four rounds; index >= 16 picks from the second vector
    private static final FloatVector LO8 = selector(8, false);
    private static final FloatVector HI8 = selector(8, true);
    private static final FloatVector LO4 = selector(4, false);
    private static final FloatVector HI4 = selector(4, true);
    private static final FloatVector LO2 = selector(2, false);
    private static final FloatVector HI2 = selector(2, true);
    private static final FloatVector LO1 = selector(1, false);
    private static final FloatVector HI1 = selector(1, true);

    private Transpose() {
    }

    /**
     * Round with sub-block size b pairs rows x (i) and y (i + b): the low output keeps x's first b
     * lanes of every 2b group and takes y's first b; the high output takes x's second b and keeps y's.
     */
    private static FloatVector selector(int b, boolean high) {
        if (!BLOCKS) {
            return null;
        }
        float[] idx = new float[16];
        for (int lane = 0; lane < 16; lane++) {
            int g = lane / (2 * b) * 2 * b;
            int h = lane % (2 * b);
            idx[lane] = high ? (h < b ? g + b + h : 16 + g + h) : (h < b ? g + h : 16 + g + h - b);
        }
        return FloatVector.fromArray(S, idx, 0);
    }

    /** Transposes the {@code rows x cols} matrix at {@code a[aOff]} (row stride lda) into {@code o[oOff]} (row stride ldo). */
    static void transpose(float[] a, int aOff, int lda, float[] o, int oOff, int ldo, int rows, int cols) {
        int i = 0;
        if (BLOCKS) {
            for (; i + 16 <= rows; i += 16) {
                int j = 0;
                for (; j + 16 <= cols; j += 16) {
                    block16(a, aOff + i * lda + j, lda, o, oOff + j * ldo + i, ldo);
                }
                scalar(a, aOff, lda, o, oOff, ldo, i, i + 16, j, cols);
            }
        }
        scalar(a, aOff, lda, o, oOff, ldo, i, rows, 0, cols);
    }

    private static void scalar(float[] a, int aOff, int lda, float[] o, int oOff, int ldo, int i0, int i1, int j0,
                               int j1) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                o[oOff + j * ldo + i] = a[aOff + i * lda + j];
            }
        }
    }

    /** One 16 x 16 block; written out with named locals because C2 keeps only those in registers. */
    private static void block16(float[] a, int src, int lda, float[] o, int dst, int ldo) {
        FloatVector r0 = FloatVector.fromArray(S, a, src);
        FloatVector r1 = FloatVector.fromArray(S, a, src + lda);
        FloatVector r2 = FloatVector.fromArray(S, a, src + 2 * lda);
        FloatVector r3 = FloatVector.fromArray(S, a, src + 3 * lda);
        FloatVector r4 = FloatVector.fromArray(S, a, src + 4 * lda);
        FloatVector r5 = FloatVector.fromArray(S, a, src + 5 * lda);
        FloatVector r6 = FloatVector.fromArray(S, a, src + 6 * lda);
        FloatVector r7 = FloatVector.fromArray(S, a, src + 7 * lda);
        FloatVector r8 = FloatVector.fromArray(S, a, src + 8 * lda);
        FloatVector r9 = FloatVector.fromArray(S, a, src + 9 * lda);
        FloatVector r10 = FloatVector.fromArray(S, a, src + 10 * lda);
        FloatVector r11 = FloatVector.fromArray(S, a, src + 11 * lda);
        FloatVector r12 = FloatVector.fromArray(S, a, src + 12 * lda);
        FloatVector r13 = FloatVector.fromArray(S, a, src + 13 * lda);
        FloatVector r14 = FloatVector.fromArray(S, a, src + 14 * lda);
        FloatVector r15 = FloatVector.fromArray(S, a, src + 15 * lda);
        FloatVector x;
        x = r0; r0 = LO8.selectFrom(x, r8); r8 = HI8.selectFrom(x, r8);
        x = r1; r1 = LO8.selectFrom(x, r9); r9 = HI8.selectFrom(x, r9);
        x = r2; r2 = LO8.selectFrom(x, r10); r10 = HI8.selectFrom(x, r10);
        x = r3; r3 = LO8.selectFrom(x, r11); r11 = HI8.selectFrom(x, r11);
        x = r4; r4 = LO8.selectFrom(x, r12); r12 = HI8.selectFrom(x, r12);
        x = r5; r5 = LO8.selectFrom(x, r13); r13 = HI8.selectFrom(x, r13);
        x = r6; r6 = LO8.selectFrom(x, r14); r14 = HI8.selectFrom(x, r14);
        x = r7; r7 = LO8.selectFrom(x, r15); r15 = HI8.selectFrom(x, r15);
        x = r0; r0 = LO4.selectFrom(x, r4); r4 = HI4.selectFrom(x, r4);
        x = r1; r1 = LO4.selectFrom(x, r5); r5 = HI4.selectFrom(x, r5);
        x = r2; r2 = LO4.selectFrom(x, r6); r6 = HI4.selectFrom(x, r6);
        x = r3; r3 = LO4.selectFrom(x, r7); r7 = HI4.selectFrom(x, r7);
        x = r8; r8 = LO4.selectFrom(x, r12); r12 = HI4.selectFrom(x, r12);
        x = r9; r9 = LO4.selectFrom(x, r13); r13 = HI4.selectFrom(x, r13);
        x = r10; r10 = LO4.selectFrom(x, r14); r14 = HI4.selectFrom(x, r14);
        x = r11; r11 = LO4.selectFrom(x, r15); r15 = HI4.selectFrom(x, r15);
        x = r0; r0 = LO2.selectFrom(x, r2); r2 = HI2.selectFrom(x, r2);
        x = r1; r1 = LO2.selectFrom(x, r3); r3 = HI2.selectFrom(x, r3);
        x = r4; r4 = LO2.selectFrom(x, r6); r6 = HI2.selectFrom(x, r6);
        x = r5; r5 = LO2.selectFrom(x, r7); r7 = HI2.selectFrom(x, r7);
        x = r8; r8 = LO2.selectFrom(x, r10); r10 = HI2.selectFrom(x, r10);
        x = r9; r9 = LO2.selectFrom(x, r11); r11 = HI2.selectFrom(x, r11);
        x = r12; r12 = LO2.selectFrom(x, r14); r14 = HI2.selectFrom(x, r14);
        x = r13; r13 = LO2.selectFrom(x, r15); r15 = HI2.selectFrom(x, r15);
        x = r0; r0 = LO1.selectFrom(x, r1); r1 = HI1.selectFrom(x, r1);
        x = r2; r2 = LO1.selectFrom(x, r3); r3 = HI1.selectFrom(x, r3);
        x = r4; r4 = LO1.selectFrom(x, r5); r5 = HI1.selectFrom(x, r5);
        x = r6; r6 = LO1.selectFrom(x, r7); r7 = HI1.selectFrom(x, r7);
        x = r8; r8 = LO1.selectFrom(x, r9); r9 = HI1.selectFrom(x, r9);
        x = r10; r10 = LO1.selectFrom(x, r11); r11 = HI1.selectFrom(x, r11);
        x = r12; r12 = LO1.selectFrom(x, r13); r13 = HI1.selectFrom(x, r13);
        x = r14; r14 = LO1.selectFrom(x, r15); r15 = HI1.selectFrom(x, r15);
        r0.intoArray(o, dst);
        r1.intoArray(o, dst + ldo);
        r2.intoArray(o, dst + 2 * ldo);
        r3.intoArray(o, dst + 3 * ldo);
        r4.intoArray(o, dst + 4 * ldo);
        r5.intoArray(o, dst + 5 * ldo);
        r6.intoArray(o, dst + 6 * ldo);
        r7.intoArray(o, dst + 7 * ldo);
        r8.intoArray(o, dst + 8 * ldo);
        r9.intoArray(o, dst + 9 * ldo);
        r10.intoArray(o, dst + 10 * ldo);
        r11.intoArray(o, dst + 11 * ldo);
        r12.intoArray(o, dst + 12 * ldo);
        r13.intoArray(o, dst + 13 * ldo);
        r14.intoArray(o, dst + 14 * ldo);
        r15.intoArray(o, dst + 15 * ldo);
    }
}
