package dev.kiln.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zero skipping ({@link SkipGemm}: a sparse A, a sparse B through the transposed product) and the
 * register-block {@link Transpose}: every element equal to the dense packed path's (only the sign
 * of an exactly-zero result may differ), for views, vector tails, depth blocks and any thread
 * count; and a non-finite dense factor still poisons its outputs.
 */
class ZeroSkipTest {
    private static final Parallel[] POOLS = {new Parallel(1), new Parallel(2), new Parallel(3)};

    @AfterAll
    static void close() {
        for (Parallel p : POOLS) {
            p.close();
        }
    }

    /** {@code count} values in [-1, 1), each zero with probability {@code 1 - density}. */
    private static float[] values(long seed, int count, double density) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < density ? (float) (r.nextDouble() * 2 - 1) : 0f;
        }
        return x;
    }

    /** A row-major {@code rows x cols} operand, or the transposed view of a row-major {@code cols x rows} array. */
    private static Gemm.Operand operand(float[] data, int rows, int cols, boolean transposed) {
        return transposed ? new Gemm.Operand(data, 0, 1, rows) : new Gemm.Operand(data, 0, cols, 1);
    }

    private static void assertSameAsDense(int m, int n, int k, Gemm.Operand a, Gemm.Operand b) {
        float[] expected = new float[m * n];
        Gemm.packed(POOLS[0], m, n, k, a, b, expected, 0);
        for (Parallel pool : POOLS) {
            float[] got = new float[m * n + 3];
            Gemm.multiply(pool, m, n, k, a, b, got, 3);
            for (int i = 0; i < m * n; i++) {
                boolean bothNaN = Float.isNaN(got[3 + i]) && Float.isNaN(expected[i]);
                if (got[3 + i] != expected[i] && !bothNaN) { // == treats -0 and +0 alike
                    throw new AssertionError(m + "x" + k + "x" + n + " element " + i + " with " + pool.threads()
                            + " threads: " + got[3 + i] + " vs dense " + expected[i]);
                }
            }
        }
    }

    @ParameterizedTest(name = "A {0}x{2} sparse, B {2}x{1}; A^T view {3}, B^T view {4}")
    @CsvSource({"64,128,784,false,true", "64,128,784,false,false", "64,128,784,true,false", "37,50,300,false,true",
        "9,17,513,true,true", "100,64,90,false,false", "16,200,333,true,false", "300,40,1000,false,true",
        "784,128,64,true,false", "50,70,21,true,false", "33,64,400,false,false"})
    void sparseA(int m, int n, int k, boolean aT, boolean bT) {
        float[] a = values(m * 31L + k, m * k, 0.19);
        float[] b = values(n * 7L + k, k * n, 1.0);
        assertSameAsDense(m, n, k, operand(a, m, k, aT), operand(b, k, n, bT));
    }

    @Test
    void aSparseOperandWithNoUnitStrideIsCopied() {
        // every other column of a 48 x 600 array: neither rows nor columns are adjacent in memory
        int m = 48;
        int k = 300;
        int n = 70;
        float[] a = values(17, m * 2 * k, 0.19);
        float[] b = values(18, k * n, 1.0);
        assertSameAsDense(m, n, k, new Gemm.Operand(a, 1, 2 * k, 2), operand(b, k, n, false));
    }

    @Test
    void bReadInPlaceThroughAWiderRowStrideIsCheckedRowByRow() {
        // B: the left 128 columns of a 500 x 150 array (read in place, 150 apart); a NaN in the last row
        int m = 64;
        int n = 128;
        int k = 500;
        float[] x = values(21, m * k, 0.15);
        float[] w = values(22, k * 150, 1.0);
        Gemm.Operand b = new Gemm.Operand(w, 0, 150, 1);
        assertSameAsDense(m, n, k, operand(x, m, k, false), b);
        w[(k - 1) * 150 + 100] = Float.NaN;
        assertSameAsDense(m, n, k, operand(x, m, k, false), b);
        float[] dense = new float[m * n];
        Gemm.packed(POOLS[0], m, n, k, operand(x, m, k, false), b, dense, 0);
        assertThat(dense[100]).isNaN();
    }

    @ParameterizedTest(name = "A {0}x{2}, B {2}x{1} sparse; A^T view {3}, B^T view {4}")
    @CsvSource({"128,784,64,true,false", "128,784,64,false,false", "50,300,41,true,true", "17,99,200,false,true",
        "40,1000,500,false,false"})
    void sparseB(int m, int n, int k, boolean aT, boolean bT) {
        float[] a = values(m * 13L + k, m * k, 0.6); // ReLU-like: too dense for skipping A
        float[] b = values(n * 5L + k, k * n, 0.15);
        assertSameAsDense(m, n, k, operand(a, m, k, aT), operand(b, k, n, bT));
    }

    @Test
    void aNonFiniteDenseFactorStillPoisonsTheOutputs() {
        int m = 64;
        int n = 128;
        int k = 784;
        float[] x = values(3, m * k, 0.1);
        for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NaN}) {
            float[] w = values(2, k * n, 1.0);
            w[5 * n + 3] = bad; // row 5 of B: 0 * bad is NaN on the dense path
            Gemm.Operand xs = operand(x, m, k, false);
            Gemm.Operand ws = operand(w, k, n, false);
            float[] dense = new float[m * n];
            Gemm.packed(POOLS[0], m, n, k, xs, ws, dense, 0);
            assertThat(dense[3]).as("the dense path's NaN this test is about").isNaN();
            assertSameAsDense(m, n, k, xs, ws);
            // a non-finite dense factor of a transposed (sparse-B) product: A = g (n x m), B = x (m x k)
            float[] g = values(4, n * m, 0.6);
            g[7 * m + 5] = bad;
            float[] denseT = new float[n * k];
            Gemm.packed(POOLS[0], n, k, m, operand(g, n, m, false), xs, denseT, 0);
            assertThat(denseT[7 * k]).isNaN();
            assertSameAsDense(n, k, m, operand(g, n, m, false), xs);
        }
    }

    @Test
    void nonZerosCountsExactlyAndStopsOnDenseOperands() {
        float[] x = values(4, 10 * 100, 0.2);
        int expected = 0;
        for (float v : x) {
            expected += v != 0f ? 1 : 0;
        }
        assertThat(ZeroSkip.nonZeros(operand(x, 10, 100, false), 10, 100)).isEqualTo(expected);
        assertThat(ZeroSkip.nonZeros(operand(x, 100, 10, true), 100, 10)).isEqualTo(expected);
        assertThat(ZeroSkip.nonZeros(operand(values(5, 1000, 0.9), 10, 100, false), 10, 100)).isEqualTo(-1);
        float[] nan = new float[64];
        nan[7] = Float.NaN; // NaN is not zero: it must be multiplied through
        assertThat(ZeroSkip.nonZeros(operand(nan, 8, 8, false), 8, 8)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"16,16", "128,784", "17,33", "1,40", "40,1", "31,48", "64,15"})
    void transposeMovesEveryElement(int rows, int cols) {
        float[] a = values(rows * 3L + cols, 5 + rows * (cols + 2), 1.0);
        int lda = cols + 2;
        int ldo = rows + 1;
        float[] o = new float[4 + cols * ldo];
        Transpose.transpose(a, 5, lda, o, 4, ldo, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertThat(o[4 + j * ldo + i]).as("(%d, %d)", i, j).isEqualTo(a[5 + i * lda + j]);
            }
        }
    }
}
