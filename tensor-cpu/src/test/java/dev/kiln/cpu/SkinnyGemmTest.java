package dev.kiln.cpu;

import static dev.kiln.cpu.Oracle.REF;
import static dev.kiln.cpu.Oracle.matmulWithinRounding;
import static dev.kiln.cpu.Oracle.on;
import static dev.kiln.cpu.Oracle.sameBits;
import static dev.kiln.cpu.Oracle.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The narrow-result GEMM paths ({@link SkinnyGemm}, {@code n <= 2V}, and {@link SkinnyDot} for
 * very narrow results): against the reference backend for odd shapes and views, across thread
 * counts bit for bit, and the broadcast kernels bit for bit against the packed path.
 */
class SkinnyGemmTest {
    private static final CpuBackend ONE = new CpuBackend(1);
    private static final CpuBackend TWO = new CpuBackend(2);
    private static final CpuBackend THREE = new CpuBackend(3);
    /** Deeper than one packed B block for every n here (the block holds 2^16 floats, n padded to V or 2V). */
    private static final int DEEP = (1 << 16) / GemmKernels.V + 37;

    @AfterAll
    static void close() {
        ONE.close();
        TWO.close();
        THREE.close();
    }

    static List<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        int[] ms = {1, 2, 7, 8, 9, 13, 50, 301};
        int[] ks = {1, 3, 17, 100};
        for (int n = 1; n <= 17; n++) {
            out.add(Arguments.of(ms[n % ms.length], ks[n % ks.length], n));
            out.add(Arguments.of(1, ks[(n + 1) % ks.length], n)); // one row
            out.add(Arguments.of(ms[(n + 3) % ms.length], 2 * GemmKernels.V + 1, n)); // k not a multiple of V
        }
        int v = GemmKernels.V;
        for (int n : new int[] {v - 1, v, v + 1, 2 * v - 1, 2 * v}) {
            out.add(Arguments.of(64, 128, n));
            out.add(Arguments.of(13, 33, n));
        }
        out.add(Arguments.of(20, DEEP, v / 2 + 1)); // broadcast kernels: partial sums pass through C between depth blocks
        out.add(Arguments.of(7, DEEP, v + 2));
        out.add(Arguments.of(9, DEEP, 3)); // dot products over a long k
        out.add(Arguments.of(3, SkinnyDot.MAX_PANEL / 4 + 100, Math.max(1, v / 4))); // Bᵀ too big: broadcast kernels
        return out;
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void plainShapesMatchReferenceAndPackedPathAndThreadCounts(int m, int k, int n) {
        checkAll(b -> new Tensor[] {on(b, values(m * 31L + k, m * k), m, k), on(b, values(n * 7L + k, k * n), k, n)});
    }

    @Test
    void transposedSlicedAndBroadcastViews() {
        int v = GemmKernels.V;
        // A^T (row stride 1), B^T, both, slices with odd offsets and strides, a stride-0 (expanded) A
        checkAll(b -> new Tensor[] {on(b, values(1, 70 * 50), 70, 50).t(), on(b, values(2, 70 * 10), 70, 10)});
        checkAll(b -> new Tensor[] {on(b, values(3, 45 * 70), 45, 70), on(b, values(4, 7 * 70), 7, 70).t()});
        checkAll(b -> new Tensor[] {on(b, values(5, 29 * 20), 29, 20).t(), on(b, values(6, (v + 3) * 29), v + 3, 29).t()});
        checkAll(b -> new Tensor[] {on(b, values(7, 30 * 60), 30, 60).slice(1, 5, 55).slice(0, 3, 29),
            on(b, values(8, 60 * 20), 60, 20).slice(0, 10, 60).slice(1, 2, 9)});
        checkAll(b -> new Tensor[] {on(b, values(9, 12), 1, 12).expand(10, 12), on(b, values(10, 12 * 3), 12, 3)});
        checkAll(b -> new Tensor[] {on(b, values(11, 40 * 3), 40, 3).expand(5, 40, 3).transpose(1, 2).slice(0, 1, 2)
                .reshape(3, 40), on(b, values(12, 40 * 5), 40, 5)});
        // batched: [..., m, k] @ [k, n] flattens into one narrow product; per-batch products too
        checkAll(b -> new Tensor[] {on(b, values(13, 6 * 50 * 40), 6, 50, 40), on(b, values(14, 40 * 7), 40, 7)});
        checkAll(b -> new Tensor[] {on(b, values(15, 4 * 9 * 8), 4, 9, 8), on(b, values(16, 4 * 8 * 3), 4, 8, 3)});
    }

    @ParameterizedTest(name = "n = {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 5, 20})
    void nanAndInfinityPropagate(int n) { // n = 1, 3: dot products; 5, 20: broadcast kernels
        float[] a = values(30, 20 * 40);
        a[45] = Float.NaN;
        float[] bb = values(31, 40 * n);
        bb[n + n / 2] = Float.POSITIVE_INFINITY; // row 1 of B
        float[] g = TWO.matmul(on(TWO, a, 20, 40), on(TWO, bb, 40, n)).toArray();
        float[] w = REF.matmul(on(REF, a, 20, 40), on(REF, bb, 40, n)).toArray();
        for (int i = 0; i < w.length; i++) {
            assertThat(Float.isNaN(g[i])).as("NaN at %d", i).isEqualTo(Float.isNaN(w[i]));
            assertThat(Float.isInfinite(g[i])).as("Inf at %d", i).isEqualTo(Float.isInfinite(w[i]));
        }
    }

    @Test
    void largeNarrowProductSplitsAcrossThreadsWithTheSameBits() {
        // big enough that two and three threads really split the rows (m*n*k far above the grain)
        Function<Backend, Tensor[]> make = b -> new Tensor[] {on(b, values(40, 6001 * 97), 6001, 97),
            on(b, values(41, 97 * 10), 97, 10)};
        Tensor[] x = make.apply(ONE);
        Tensor first = ONE.matmul(x[0], x[1]);
        try (Parallel pool = new Parallel(2)) {
            assertThat(pool.tasksFor(6001L * 97 * 10, Gemm.PARALLEL_GRAIN)).isEqualTo(2);
        }
        for (CpuBackend b : List.of(TWO, THREE)) {
            Tensor[] y = make.apply(b);
            sameBits(b.matmul(y[0], y[1]), first);
        }
    }

    /** Reference comparison (float rounding bound), packed-path bits, and 1/2/3-thread bits. */
    private static void checkAll(Function<Backend, Tensor[]> make) {
        Tensor[] r = make.apply(REF);
        Tensor[] c1 = make.apply(ONE);
        Tensor got = ONE.matmul(c1[0], c1[1]);
        matmulWithinRounding(got, r);
        for (CpuBackend b : List.of(TWO, THREE)) {
            Tensor[] x = make.apply(b);
            sameBits(b.matmul(x[0], x[1]), got);
        }
        if (r[0].rank() == 2 && r[1].rank() == 2 && !dotPath(c1[0], c1[1])) {
            samePackedBits(c1[0], c1[1], got);
        }
    }

    /** Whether {@link SkinnyDot} (own summation order) takes this product rather than the broadcast kernels. */
    private static boolean dotPath(Tensor a, Tensor b) {
        return SkinnyDot.suits(b.shape()[1], a.shape()[1], new Gemm.Operand(CpuBackend.data(a), a.offset(),
                a.strides()[0], a.strides()[1]));
    }

    /** The packed path, called directly on the same operands, gives the same bits as the narrow one. */
    private static void samePackedBits(Tensor a, Tensor b, Tensor narrow) {
        int m = a.shape()[0];
        int k = a.shape()[1];
        int n = b.shape()[1];
        float[] c = new float[m * n];
        try (Parallel pool = new Parallel(2)) {
            Gemm.packed(pool, m, n, k, new Gemm.Operand(CpuBackend.data(a), a.offset(), a.strides()[0], a.strides()[1]),
                    new Gemm.Operand(CpuBackend.data(b), b.offset(), b.strides()[0], b.strides()[1]), c, 0);
        }
        sameBits(Tensor.fromArray(REF, c, m, n), narrow);
    }
}
