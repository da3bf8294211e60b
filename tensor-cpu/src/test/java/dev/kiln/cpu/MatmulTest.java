package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.CPU;
import static dev.kiln.cpu.Oracle.REF;
import static dev.kiln.cpu.Oracle.matmulWithinRounding;
import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatmulTest {
    /** Compares with the reference within float rounding ({@link Oracle#matmulWithinRounding}). */
    private static void check(Function<Backend, Tensor[]> make) {
        Tensor[] c = make.apply(CPU);
        matmulWithinRounding(CPU.matmul(c[0], c[1]), make.apply(REF));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "7,13,5", "8,32,32", "9,33,31", "64,784,128", "64,128,10", "130,515,390", "200,9,300",
        "1,700,1", "300,1,2", "17,0,4", "0,5,6", "5,6,0"})
    void plainProductsAcrossBlockBoundaries(int m, int k, int n) {
        check(b -> new Tensor[] {on(b, values(m * 31L + k, m * k), m, k), on(b, values(n * 7L + k, k * n), k, n)});
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,16,1", "3,17,5", "4,16,4", "5,31,9", "8,33,3", "64,784,128", "64,128,10", "130,300,70",
        "7,2000,33", "2,100,700"})
    void denseLayerProductsWithStridedColumns(int m, int k, int n) {
        // x @ w.t() with w stored [n, k]: B's columns are packed by SIMD gathers (full panels) or
        // scalar loads (the last, narrower panel), across KC blocks (k = 2000) and edge tiles
        check(b -> new Tensor[] {on(b, values(m * 5L + k, m * k), m, k), on(b, values(n * 3L + k, n * k), n, k).t()});
    }

    @Test
    void transposedAndSlicedOperandsNeedNoCopies() {
        check(b -> new Tensor[] {on(b, values(1, 70 * 50), 70, 50).t(), on(b, values(2, 70 * 40), 70, 40)}); // A^T
        check(b -> new Tensor[] {on(b, values(3, 45 * 70), 45, 70), on(b, values(4, 33 * 70), 33, 70).t()}); // B^T
        check(b -> new Tensor[] {on(b, values(5, 400 * 20), 400, 20).t(), on(b, values(6, 65 * 400), 65, 400).t()});
        check(b -> new Tensor[] {on(b, values(7, 30 * 60), 30, 60).slice(1, 5, 55).slice(0, 3, 29),
            on(b, values(8, 60 * 20), 60, 20).slice(0, 10, 60)});
        check(b -> new Tensor[] {on(b, values(9, 12), 1, 12).expand(10, 12), on(b, values(10, 12 * 3), 12, 3)});
    }

    @Test
    void batchedAndBroadcastBatches() {
        check(b -> new Tensor[] {on(b, values(11, 3 * 4 * 5), 3, 4, 5), on(b, values(12, 3 * 5 * 6), 3, 5, 6)});
        check(b -> new Tensor[] {on(b, values(13, 2 * 4 * 5), 2, 1, 4, 5), on(b, values(14, 3 * 5 * 6), 3, 5, 6)});
        check(b -> new Tensor[] {on(b, values(15, 6 * 50 * 40), 6, 50, 40), on(b, values(16, 40 * 70), 40, 70)});
        check(b -> new Tensor[] {on(b, values(17, 6 * 40 * 50), 6, 40, 50).transpose(1, 2), on(b, values(18, 40 * 7), 40, 7)});
        check(b -> new Tensor[] {on(b, values(19, 9 * 8), 9, 8), on(b, values(20, 4 * 8 * 3), 4, 8, 3)});
        check(b -> new Tensor[] {on(b, values(21, 2 * 150 * 160), 2, 150, 160), on(b, values(22, 2 * 160 * 170), 2, 160, 170)});
        check(b -> new Tensor[] {on(b, new float[0], 0, 3, 4), on(b, values(23, 12), 4, 3)});
    }

    @Test
    void nanAndInfinityPropagate() {
        float[] a = values(30, 20 * 40);
        a[45] = Float.NaN;
        float[] bb = values(31, 40 * 50);
        bb[7] = Float.POSITIVE_INFINITY;
        Tensor got = CPU.matmul(on(CPU, a, 20, 40), on(CPU, bb, 40, 50));
        Tensor want = REF.matmul(on(REF, a, 20, 40), on(REF, bb, 40, 50));
        float[] g = got.toArray();
        float[] w = want.toArray();
        for (int i = 0; i < w.length; i++) {
            assertThat(Float.isNaN(g[i])).as("NaN at %d", i).isEqualTo(Float.isNaN(w[i]));
            assertThat(Float.isInfinite(g[i])).as("Inf at %d", i).isEqualTo(Float.isInfinite(w[i]));
        }
    }
}
