package dev.kiln.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matrix products, movement/indexing, fused ops and error messages. */
public abstract class StructureChecks extends ReductionChecks {
    private static final int[][][] MATMUL = {
        {{3, 4}, {4, 5}}, {{1, 1}, {1, 1}}, {{0, 4}, {4, 3}}, {{3, 0}, {0, 2}}, {{2, 3, 4}, {2, 4, 5}},
        {{2, 3, 4}, {4, 5}}, {{4, 5}, {3, 5, 2}}, {{2, 1, 3, 4}, {3, 4, 2}}, {{64, 784}, {784, 128}},
        {{64, 128}, {128, 10}}, {{130, 70}, {70, 129}}, {{1, 257}, {257, 1}}, {{33, 1}, {1, 65}}};

    private static float matmulTolerance(int k) {
        return 2e-6f * (float) Math.sqrt(Math.max(k, 1)) * 8;
    }

    @Test
    void matmulShapesIncludingBatchedAndEmpty() {
        for (int[][] c : MATMUL) {
            float[] a = values(31, Shape.numel(c[0]));
            float[] w = values(32, Shape.numel(c[1]));
            int k = c[0][c[0].length - 1];
            compare("matmul " + Shape.str(c[0]) + " @ " + Shape.str(c[1]), matmulTolerance(k), matmulTolerance(k) * 4,
                    b -> b.matmul(on(b, a, c[0]), on(b, w, c[1])));
        }
    }

    @Test
    void matmulOnTransposedAndSlicedViews() {
        float[] a = values(33, 70 * 40);
        float[] w = values(34, 50 * 70);
        float tol = matmulTolerance(70);
        compare("A^T B", tol, tol * 4, b -> b.matmul(on(b, a, 70, 40).t(), on(b, w, 70, 50)));
        compare("A B^T", tol, tol * 4, b -> b.matmul(on(b, a, 40, 70), on(b, w, 50, 70).t()));
        compare("A^T B^T", tol, tol * 4, b -> b.matmul(on(b, a, 70, 40).t(), on(b, w, 50, 70).t()));
        compare("sliced", tol, tol * 4, b -> b.matmul(on(b, a, 40, 70).slice(0, 3, 30).slice(1, 5, 60),
                on(b, w, 70, 50).slice(0, 10, 65).slice(1, 1, 40)));
        compare("expanded batch", tol, tol * 4,
                b -> b.matmul(on(b, a, 1, 40, 70).expand(3, 40, 70), on(b, w, 70, 50)));
        float[] big = values(35, 300 * 200);
        float[] bigB = values(36, 200 * 150);
        float t2 = matmulTolerance(200);
        compare("large 300x200x150", t2, t2 * 4, b -> b.matmul(on(b, big, 300, 200), on(b, bigB, 200, 150)));
    }

    @Test
    void concatAlongEveryAxisIncludingViewsAndEmpty() {
        float[] x = values(41, 2 * 3 * 4);
        float[] y = values(42, 2 * 5 * 4);
        compare("concat axis 1", b -> b.concat(List.of(on(b, x, 2, 3, 4), on(b, y, 2, 5, 4)), 1));
        compare("concat axis 0", b -> b.concat(List.of(on(b, x, 2, 3, 4), on(b, x, 2, 3, 4).neg()), 0));
        compare("concat axis 2 views", b -> b.concat(List.of(on(b, x, 2, 4, 3).permute(0, 2, 1),
                on(b, y, 2, 5, 4).slice(1, 1, 4)), 2));
        compare("concat with empty", b -> b.concat(List.of(on(b, x, 6, 4), Tensor.zeros(b, 0, 4), on(b, y, 10, 4)), 0));
        compare("concat three", b -> b.concat(List.of(on(b, x, 24), on(b, y, 40), on(b, x, 24)), 0));
    }

    @Test
    void indexSelectAndIndexAdd() {
        float[] x = values(43, 5 * 6);
        float[] idx = {4, 0, 0, 2, 4, 1};
        compare("indexSelect axis 0", b -> b.indexSelect(on(b, x, 5, 6), 0, on(b, idx, 6)));
        compare("indexSelect axis 1", b -> b.indexSelect(on(b, x, 5, 6), 1, on(b, idx, 6)));
        compare("indexSelect view", b -> b.indexSelect(on(b, x, 6, 5).t(), 0, on(b, idx, 6)));
        compare("indexSelect empty", b -> b.indexSelect(on(b, x, 5, 6), 0, Tensor.zeros(b, 0)));
        float[] src = values(44, 6 * 6);
        compare("indexAdd repeated", b -> b.indexAdd(on(b, x, 5, 6), 0, on(b, idx, 6), on(b, src, 6, 6)));
        compare("indexAdd axis 1", b -> b.indexAdd(on(b, x, 5, 6), 1, on(b, idx, 6), on(b, src, 6, 6).slice(0, 0, 5)));
        compare("indexAdd view src", b -> b.indexAdd(Tensor.zeros(b, 5, 6), 1, on(b, idx, 6), on(b, src, 6, 6).t().slice(0, 0, 5)));
        float[] big = values(45, 1000 * 8);
        float[] bigIdx = new float[1000];
        for (int i = 0; i < bigIdx.length; i++) {
            bigIdx[i] = (i * 7) % 13;
        }
        compare("indexAdd large", 1e-5f, 1e-5f, b -> b.indexAdd(Tensor.zeros(b, 13, 8), 0, on(b, bigIdx, 1000), on(b, big, 1000, 8)));
    }

    @Test
    void oneHotIncludingOutOfRange() {
        float[] idx = {0, 3, 1, 9, -1, 2};
        compare("oneHot", b -> b.oneHot(on(b, idx, 6), 4));
        compare("oneHot 2-D", b -> b.oneHot(on(b, idx, 2, 3), 10));
        compare("oneHot view", b -> b.oneHot(on(b, idx, 3, 2).t(), 10));
    }

    @Test
    void fusedSoftmaxFamily() {
        float[] x = values(51, 4 * 7 * 3);
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            compare("softmax axis " + a, 1e-5f, 1e-6f, b -> b.softmax(on(b, x, 4, 7, 3), a));
            compare("logSoftmax axis " + a, 1e-5f, 1e-5f, b -> b.logSoftmax(on(b, x, 4, 7, 3), a));
        }
        float[] huge = {1000, 999, -1000, 0, 88, 89, Float.NEGATIVE_INFINITY, 5};
        compare("softmax stable", 1e-5f, 1e-6f, b -> b.softmax(on(b, huge, 2, 4), 1));
        compare("logSoftmax stable", 1e-5f, 1e-5f, b -> b.logSoftmax(on(b, huge, 2, 4), 1));
        compare("softmax view", 1e-5f, 1e-6f, b -> b.softmax(on(b, x, 12, 7).t(), 1));
        float[] logits = values(52, 64 * 10);
        float[] labels = new float[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = (i * 3) % 10;
        }
        compare("softmaxCrossEntropy", 1e-5f, 1e-5f, b -> b.softmaxCrossEntropy(on(b, logits, 64, 10), on(b, labels, 64)));
        compare("softmaxCrossEntropy stable", 1e-5f, 1e-5f,
                b -> b.softmaxCrossEntropy(on(b, huge, 2, 4), on(b, new float[] {2, 0}, 2)));
        compare("softmaxCrossEntropy view", 1e-5f, 1e-5f,
                b -> b.softmaxCrossEntropy(on(b, logits, 10, 64).t(), on(b, labels, 64)));
        float[] g = values(53, 64);
        compare("softmaxCrossEntropyGrad", 1e-6f, 1e-6f,
                b -> b.softmaxCrossEntropyGrad(on(b, logits, 64, 10), on(b, labels, 64), on(b, g, 64)));
        compare("softmaxCrossEntropyGrad view, broadcast g", 1e-6f, 1e-6f,
                b -> b.softmaxCrossEntropyGrad(on(b, logits, 10, 64).t(), on(b, labels, 64),
                        on(b, new float[] {0.015625f}, 1).expand(64)));
    }

    @Test
    void fusedBatchNorm() {
        // [N, C, H, W] with a SIMD tail per row (5 x 5), [N, C], and a permuted (channels-last) view
        int[][] shapes = {{16, 8, 5, 5}, {16, 8, 14, 14}, {64, 12}};
        for (int[] shape : shapes) {
            int c = shape[1];
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            float[] x = values(61 + c, n);
            float[] gamma = values(62, c);
            float[] beta = values(63, c);
            float[] dy = values(64, n);
            String s = java.util.Arrays.toString(shape);
            for (int k = 0; k < 3; k++) {
                int out = k;
                compare("batchNorm " + s + " output " + k, 1e-4f, 1e-5f,
                        b -> b.batchNorm(on(b, x, shape), on(b, gamma, c), on(b, beta, c), 1e-5f)[out]);
                compare("batchNormGrad " + s + " output " + k, 1e-3f, 1e-4f, b -> {
                    Tensor[] f = b.batchNorm(on(b, x, shape), on(b, gamma, c), on(b, beta, c), 1e-5f);
                    return b.batchNormGrad(on(b, x, shape), on(b, gamma, c), f[0], f[1], 1e-5f, on(b, dy, shape))[out];
                });
            }
        }
        float[] x = values(65, 4 * 6 * 3 * 3);
        compare("batchNorm channels-last view", 1e-4f, 1e-5f,
                b -> b.batchNorm(on(b, x, 4, 3, 3, 6).permute(0, 3, 1, 2), Tensor.full(b, 1f, 6), Tensor.zeros(b, 6), 1e-5f)[2]);
    }

    @Test
    void fusedMaxPool() {
        // ties (a constant block), NaN, infinities, a sliced and a permuted input; values and positions exact
        float[] x = values(66, 3 * 4 * 6 * 12);
        for (int i = 0; i < 12; i++) {
            x[i] = 0.5f; // the first window row: equal values
        }
        x[20] = Float.NaN;
        x[30] = Float.NEGATIVE_INFINITY;
        x[100] = Float.POSITIVE_INFINITY;
        for (int k : new int[] {1, 2, 3}) {
            for (int out = 0; out < 2; out++) {
                int o = out;
                compare("maxPool2d k=" + k + " output " + o, 0f, 0f, b -> b.maxPool2d(on(b, x, 3, 4, 6, 12), k)[o]);
            }
        }
        float[] wide = values(67, 2 * 3 * 4 * 40); // rows of 20 windows: a full SIMD block and a partial one
        for (int i = 5; i < wide.length; i += 37) {
            wide[i] = i % 3 == 0 ? Float.NaN : wide[i - 1]; // NaNs, and ties with the left neighbour
        }
        for (int out = 0; out < 2; out++) {
            int o = out;
            compare("maxPool2d wide rows, output " + o, 0f, 0f, b -> b.maxPool2d(on(b, wide, 2, 3, 4, 40), 2)[o]);
        }
        for (int out = 0; out < 2; out++) {
            int o = out;
            compare("maxPool2d sliced input, output " + o, 0f, 0f,
                    b -> b.maxPool2d(on(b, x, 3, 4, 6, 12).slice(3, 2, 10), 2)[o]);
            compare("maxPool2d permuted input, output " + o, 0f, 0f,
                    b -> b.maxPool2d(on(b, x, 3, 6, 12, 4).permute(0, 3, 1, 2), 2)[o]);
        }
    }

    @Test
    void badShapesNameTheOpAndBothShapes() {
        Backend b = backend();
        Tensor a = Tensor.zeros(b, 2, 3);
        assertThatThrownBy(() -> a.add(Tensor.zeros(b, 4))).hasMessageContaining("add")
                .hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(b, 2, 3))).hasMessageContaining("matmul")
                .hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(b, 3))).hasMessageContaining("rank");
        assertThatThrownBy(() -> a.reshape(4, 2)).hasMessageContaining("reshape").hasMessageContaining("[4, 2]");
        assertThatThrownBy(() -> a.sum(5, false)).hasMessageContaining("axis 5");
        assertThatThrownBy(() -> a.indexSelect(0, 2)).hasMessageContaining("indexSelect").hasMessageContaining("2.0");
        assertThatThrownBy(() -> Tensor.concat(List.of(a, Tensor.zeros(b, 3, 3)), 1)).hasMessageContaining("concat");
        assertThatThrownBy(() -> a.softmaxCrossEntropy(Tensor.zeros(b, 3))).hasMessageContaining("[2, 3]");
    }

    @Test
    void mixingBackendsIsAnErrorNotASilentCopy() {
        // the kit's reference instance is never the instance under test, so this always mixes two backends
        Tensor mine = Tensor.zeros(backend(), 3);
        Tensor theirs = Tensor.zeros(reference(), 3);
        assertThatThrownBy(() -> mine.add(theirs)).hasMessageContaining("different backends")
                .hasMessageContaining(backend().name()).hasMessageContaining("reference");
    }
}
