package dev.kiln.opencl;

import static dev.kiln.opencl.OpenClTesting.REF;
import static dev.kiln.opencl.OpenClTesting.assertClose;
import static dev.kiln.opencl.OpenClTesting.backend;
import static dev.kiln.opencl.OpenClTesting.pair;
import static dev.kiln.opencl.OpenClTesting.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.ReduceOp;
import dev.kiln.core.backend.UnaryOp;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every backend op against the reference backend, on contiguous, strided and broadcast inputs. */
class OpenClOpsTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 0.5f, -2.5f, 3f, 100f, -100f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, -1e30f, 7.25f, -0.75f};

    /** Applies {@code op} to each backend's tensor and compares. */
    private static void same(Tensor[] in, java.util.function.Function<Tensor, Tensor> op, float rtol, float atol) {
        assertClose(op.apply(in[1]), op.apply(in[0]), rtol, atol);
    }

    private static void same2(Tensor[] a, Tensor[] b, BiFunction<Tensor, Tensor, Tensor> op, float rtol, float atol) {
        assertClose(op.apply(a[1], b[1]), op.apply(a[0], b[0]), rtol, atol);
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryOpsMatchIncludingSpecialValues(UnaryOp op) {
        Tensor[] x = pair(SPECIAL, 4, 4);
        same(x, t -> t.backend().unary(op, t), 1e-6f, 1e-37f);
        same(x, t -> t.backend().unary(op, t.t()), 1e-6f, 1e-37f); // strided view
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryOpsMatchWithBroadcastingAndViews(BinaryOp op) {
        Tensor[] a = pair(SPECIAL, 4, 4);
        Tensor[] b = pair(new float[] {0f, -0f, 2f, Float.NaN}, 4, 1);
        same2(a, b, (x, y) -> x.backend().binary(op, x, y), 1e-6f, 1e-37f);
        same2(a, b, (x, y) -> x.backend().binary(op, y.t(), x.t()), 1e-6f, 1e-37f);
        Tensor[] c = pair(random(3, 24), 2, 3, 4);
        Tensor[] d = pair(random(4, 12), 3, 1, 4);
        same2(c, d, (x, y) -> x.backend().binary(op, x, y.permute(1, 0, 2).expand(2, 3, 4).slice(2, 0, 4)), 1e-6f,
                1e-37f);
        same2(a, a, (x, y) -> x.backend().binary(op, x, y.slice(0, 1, 2)), 1e-6f, 1e-37f);
    }

    @Test
    void whereBroadcastsThreeOperands() {
        Tensor[] c = pair(new float[] {1, 0, Float.NaN}, 3, 1);
        Tensor[] a = pair(random(5, 12), 1, 3, 4);
        Tensor[] b = pair(new float[] {-7}, 1);
        assertClose(backend().where(c[1], a[1], b[1]), REF.where(c[0], a[0], b[0]), 0, 0);
        assertClose(backend().where(c[1].expand(3, 4).t(), b[1], a[1].permute(0, 2, 1)),
                REF.where(c[0].expand(3, 4).t(), b[0], a[0].permute(0, 2, 1)), 0, 0);
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void reductionsOverAxesShortAndLong(ReduceOp op) {
        Tensor[] x = pair(random(6, 2 * 3 * 500), 2, 3, 500);
        for (int[] axes : new int[][] {{0}, {1}, {2}, {0, 2}, {0, 1, 2}, {1, 2}}) {
            for (boolean keep : new boolean[] {false, true}) {
                same(x, t -> t.backend().reduce(op, t, axes, keep), 2e-5f, 2e-5f);
                same(x, t -> t.backend().reduce(op, t.permute(2, 0, 1), axes, keep), 2e-5f, 2e-5f);
            }
        }
        Tensor[] big = pair(random(7, 70_000), 70_000);
        same(big, t -> t.backend().reduce(op, t, new int[] {0}, false), 1e-5f, 1e-3f); // two passes
        float[] withNaN = random(7, 70_000);
        withNaN[50_000] = Float.NaN; // in one partial of the first pass: must reach the result
        same(pair(withNaN, 2, 35_000), t -> t.backend().reduce(op, t, new int[] {0, 1}, true), 0, 0);
        same(pair(random(8, 2 * 40_000), 2, 40_000), t -> t.backend().reduce(op, t, new int[] {1}, false), 1e-5f,
                1e-3f);
        Tensor[] empty = pair(new float[0], 3, 0);
        same(empty, t -> t.backend().reduce(op, t, new int[] {1}, false), 0, 0);
        Tensor[] nan = pair(new float[] {1, Float.NaN, 3, 4}, 2, 2);
        same(nan, t -> t.backend().reduce(op, t, new int[] {1}, true), 0, 0);
    }

    @Test
    void argmaxTakesFirstMaximumAndNaN() {
        Tensor[] x = pair(new float[] {1, 5, 5, 2, Float.NaN, 9, -1, -1, -1}, 3, 3);
        for (int axis = 0; axis < 2; axis++) {
            int ax = axis;
            same(x, t -> t.backend().argmax(t, ax, false), 0, 0);
            same(x, t -> t.backend().argmax(t.t(), ax, true), 0, 0);
        }
    }

    @Test
    void argmaxOverLongAxesUsesTheTreeAndKeepsFirstMaximum() {
        float[] v = random(40, 3 * 1000);
        v[517] = 50f;
        v[900] = 50f; // a later tie must lose
        v[1000 + 999] = Float.NaN; // NaN wins over any number
        v[1000 + 3] = 99f;
        v[2000 + 10] = Float.NaN;
        v[2000 + 700] = Float.NaN; // the first NaN wins
        Tensor[] x = pair(v, 3, 1000);
        same(x, t -> t.backend().argmax(t, 1, false), 0, 0);
        same(x, t -> t.backend().argmax(t.t(), 0, true), 0, 0);
        Tensor[] y = pair(random(41, 300 * 70), 300, 70);
        same(y, t -> t.backend().argmax(t, 0, false), 0, 0);
        same(y, t -> t.backend().argmax(t, 1, false), 0, 0);
    }

    @Test
    void matmulOddSizesTransposedAndBatched() {
        for (int[] mkn : new int[][] {{1, 1, 1}, {4, 2, 8}, {65, 17, 130}, {128, 64, 64}, {3, 0, 5}, {70, 200, 33}}) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            Tensor[] a = pair(random(8, m * k), m, k);
            Tensor[] b = pair(random(9, k * n), k, n);
            same2(a, b, Tensor::matmul, 1e-4f, 1e-4f);
            Tensor[] at = pair(random(10, m * k), k, m);
            same2(at, b, (x, y) -> x.t().matmul(y), 1e-4f, 1e-4f);
            Tensor[] bt = pair(random(11, k * n), n, k);
            same2(a, bt, (x, y) -> x.matmul(y.t()), 1e-4f, 1e-4f);
        }
        Tensor[] a = pair(random(12, 2 * 3 * 5 * 7), 2, 3, 5, 7);
        Tensor[] b = pair(random(13, 3 * 7 * 4), 3, 7, 4);
        same2(a, b, Tensor::matmul, 1e-4f, 1e-4f);
        Tensor[] c = pair(random(14, 7 * 4), 1, 7, 4);
        same2(a, c, Tensor::matmul, 1e-4f, 1e-4f);
    }

    /** Other tile shapes (the default is 128/8), built on whatever device is here. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"64,4", "32,8", "128,8,strided", "64,4,strided"})
    void matmulWithOtherTileShapes(String variant) {
        OpenClBackend big = new OpenClBackend(new ClContext(backend().device(), SgemmConfig.parse(variant)));
        for (int[] mkn : new int[][] {{1, 3, 1}, {130, 70, 257}, {128, 16, 128}}) {
            float[] av = random(30, mkn[0] * mkn[1]);
            float[] bv = random(31, mkn[1] * mkn[2]);
            Tensor expected = Tensor.fromArray(REF, av, mkn[0], mkn[1]).matmul(Tensor.fromArray(REF, bv, mkn[1], mkn[2]));
            Tensor a = Tensor.fromArray(big, av, mkn[0], mkn[1]);
            Tensor bt = Tensor.fromArray(big, REF.contiguous(Tensor.fromArray(REF, bv, mkn[1], mkn[2]).t()).toArray(),
                    mkn[2], mkn[1]);
            assertClose(a.matmul(bt.t()), expected, 1e-4f, 1e-4f); // B read through transposed strides
            assertClose(a.matmul(Tensor.fromArray(big, bv, mkn[1], mkn[2])), expected, 1e-4f, 1e-4f);
        }
        Tensor[] a = pair(random(32, 2 * 3 * 20 * 9), 2, 3, 20, 9);
        Tensor[] b = pair(random(33, 9 * 11), 9, 11);
        assertClose(Tensor.fromArray(big, a[0].toArray(), 2, 3, 20, 9).matmul(Tensor.fromArray(big, b[0].toArray(), 9, 11)),
                a[0].matmul(b[0]), 1e-4f, 1e-4f); // batch dims broadcast against a 2-D B
        assertThatThrownBy(() -> new SgemmConfig(64, 6)).hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> SgemmConfig.parse("big")).hasMessageContaining("expected TILE,WPT");
    }

    @Test
    void contiguousFullAndTransfers() {
        Tensor[] x = pair(random(15, 60), 3, 4, 5);
        same(x, t -> t.backend().contiguous(t.permute(2, 0, 1)), 0, 0);
        same(x, t -> t.backend().contiguous(t.slice(1, 1, 3).slice(2, 2, 5)), 0, 0);
        assertThat(x[1].slice(0, 1, 2).toArray()).containsExactly(x[0].slice(0, 1, 2).toArray());
        assertClose(backend().full(new int[] {2, 3}, 2.5f), REF.full(new int[] {2, 3}, 2.5f), 0, 0);
        assertThat(backend().full(new int[] {0, 3}, 1f).toArray()).isEmpty();
        assertThat(Tensor.fromArray(backend(), new float[] {4}, new int[0]).item()).isEqualTo(4f);
    }

    @Test
    void concatIndexSelectIndexAddOneHot() {
        Tensor[] a = pair(random(16, 12), 3, 4);
        Tensor[] b = pair(random(17, 8), 2, 4);
        assertClose(backend().concat(List.of(a[1], b[1]), 0), REF.concat(List.of(a[0], b[0]), 0), 0, 0);
        assertClose(backend().concat(List.of(a[1].t(), b[1].t()), 1), REF.concat(List.of(a[0].t(), b[0].t()), 1), 0, 0);
        Tensor[] idx = pair(new float[] {2, 0, 2, 1, 2}, 5);
        for (int axis = 0; axis < 2; axis++) {
            int ax = axis;
            Tensor[] i3 = pair(new float[] {2, 0, 2}, 3);
            same2(a, i3, (x, i) -> x.backend().indexSelect(x, ax, i), 0, 0);
            same2(a, i3, (x, i) -> x.backend().indexSelect(x.t(), ax, i), 0, 0);
        }
        Tensor[] base = pair(random(18, 12), 3, 4);
        Tensor[] src = pair(random(19, 20), 5, 4);
        assertClose(backend().indexAdd(base[1], 0, idx[1], src[1]), REF.indexAdd(base[0], 0, idx[0], src[0]), 0, 0);
        Tensor[] src1 = pair(random(20, 15), 3, 5);
        assertClose(backend().indexAdd(base[1].t().contiguous().t(), 1, pair(new float[] {3, 3, 0, 1, 3}, 5)[1],
                src1[1]), REF.indexAdd(base[0], 1, pair(new float[] {3, 3, 0, 1, 3}, 5)[0], src1[0]), 0, 0);
        Tensor[] labels = pair(new float[] {0, 2, -1, 3, 1.5f, 1}, 2, 3);
        same(labels, t -> t.backend().oneHot(t, 3), 0, 0);
        same(labels, t -> t.backend().oneHot(t.t(), 4), 0, 0);
    }

    @Test
    void fusedSoftmaxFamily() {
        Tensor[] x = pair(random(21, 3 * 300), 3, 300);
        for (int axis = 0; axis < 2; axis++) {
            int ax = axis;
            same(x, t -> t.backend().softmax(t, ax), 1e-5f, 1e-7f);
            same(x, t -> t.backend().logSoftmax(t, ax), 1e-5f, 1e-5f);
            same(x, t -> t.backend().softmax(t.t(), ax), 1e-5f, 1e-7f);
        }
        Tensor[] small = pair(new float[] {1, 2, 1000, -1000, Float.NEGATIVE_INFINITY, 0}, 3, 2);
        same(small, t -> t.backend().logSoftmax(t, 1), 1e-5f, 1e-5f);
        same(small, t -> t.backend().softmax(t, 1), 1e-5f, 1e-7f);
        Tensor[] labels = pair(new float[] {299, 0, 7}, 3);
        same2(x, labels, (l, y) -> l.backend().softmaxCrossEntropy(l, y), 1e-5f, 1e-5f);
        Tensor[] logits = pair(random(22, 8), 4, 2);
        Tensor[] bad = pair(new float[] {1, 0, 5, 0.5f}, 4);
        same2(logits, bad, (l, y) -> l.backend().softmaxCrossEntropy(l, y), 1e-5f, 1e-6f);
        Tensor[] wide = pair(random(23, 8), 2, 4);
        same2(wide, pair(new float[] {3, 1}, 2), (l, y) -> l.backend().softmaxCrossEntropy(l.t().t(), y), 1e-5f, 1e-6f);
    }
}
