package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.GradCheck;
import org.junit.jupiter.api.Test;

class ConvPoolTest {
    private static Tensor random(long seed, int... shape) {
        return Tensor.uniform(Backends.current(), new Rng(seed), -1f, 1f, shape);
    }

    /** Direct nested-loop cross-correlation, the definition the im2col path must reproduce. */
    private static float[] naiveConv(float[] x, int n, int c, int h, int w, float[] k, float[] b, int o, int kh,
                                     int kw, int stride, int pad) {
        int ho = (h + 2 * pad - kh) / stride + 1;
        int wo = (w + 2 * pad - kw) / stride + 1;
        float[] out = new float[n * o * ho * wo];
        for (int s = 0; s < n; s++) {
            for (int f = 0; f < o; f++) {
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double acc = b[f];
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    int r = i * stride + u - pad;
                                    int q = j * stride + v - pad;
                                    if (r >= 0 && r < h && q >= 0 && q < w) {
                                        acc += x[((s * c + ch) * h + r) * w + q] * k[((f * c + ch) * kh + u) * kw + v];
                                    }
                                }
                            }
                        }
                        out[((s * o + f) * ho + i) * wo + j] = (float) acc;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void convByHand() {
        Conv2D conv = new Conv2D(1, 1, 2, new Rng(0));
        conv.weight().set(Tensor.fromArray(new float[] {1, 0, 0, -1}, 1, 1, 2, 2));
        conv.bias().set(Tensor.of(10f));
        Tensor x = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        // each output = top-left - bottom-right + 10 = -4 + 10
        assertThat(conv.forward(x).shape()).containsExactly(1, 1, 2, 2);
        assertThat(conv.forward(x).toArray()).containsExactly(6, 6, 6, 6);
    }

    @Test
    void convMatchesNaiveLoopsForStridesAndPadding() {
        int[][] configs = {{1, 0}, {1, 1}, {2, 1}, {2, 0}, {3, 2}};
        for (int[] cfg : configs) {
            int stride = cfg[0];
            int pad = cfg[1];
            Conv2D conv = new Conv2D(3, 4, 3, 2, stride, pad, true, Init.HE_UNIFORM, new Rng(5));
            conv.bias().set(random(6, 4));
            Tensor x = random(7, 2, 3, 7, 6);
            float[] expected = naiveConv(x.toArray(), 2, 3, 7, 6, conv.weight().value().toArray(),
                    conv.bias().value().toArray(), 4, 3, 2, stride, pad);
            Tensor y = conv.forward(x);
            int ho = (7 + 2 * pad - 3) / stride + 1;
            int wo = (6 + 2 * pad - 2) / stride + 1;
            assertThat(y.shape()).containsExactly(2, 4, ho, wo);
            float[] got = y.toArray();
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).as("stride %d pad %d element %d", stride, pad, i).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void convGradientsMatchFiniteDifferences() {
        Conv2D conv = new Conv2D(2, 3, 3, 3, 2, 1, true, Init.XAVIER_UNIFORM, new Rng(8));
        Tensor x = random(9, 2, 2, 5, 4);
        GradCheck.input(conv::forward, x, 1e-2, 5e-3);
        GradCheck.parameters(conv, () -> GradCheck.project(conv.forward(x)), 1e-2, 5e-3);
    }

    @Test
    void convShapeErrorsNameLayerExpectedAndActual() {
        Conv2D conv = new Conv2D(3, 8, 3, new Rng(0));
        assertThatThrownBy(() -> conv.forward(Tensor.zeros(2, 1, 28, 28)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Conv2D(3 -> 8, kernel 3x3): expected input [N, 3, H, W], got [N, 1, 28, 28]");
        assertThatThrownBy(() -> Sequential.builder(784).conv2d(8, 3).build(new Rng(0)))
                .hasMessageContaining("layer 0").hasMessageContaining("[N, C, H, W]").hasMessageContaining("[N, 784]");
    }

    @Test
    void maxAndAvgPoolByHand() {
        Tensor x = Tensor.fromArray(new float[] {
                1, 2, 5, 6, 9,
                3, 4, 7, 8, 9,
                0, -1, 2, 2, 9,
                -2, -3, 2, 1, 9,
                9, 9, 9, 9, 9}, 1, 1, 5, 5);
        // floor mode: the last row and column are dropped
        assertThat(new MaxPool2D(2).forward(x).toArray()).containsExactly(4, 8, 0, 2);
        assertThat(new AvgPool2D(2).forward(x).toArray()).containsExactly(2.5f, 6.5f, -1.5f, 1.75f);
        // overlapping windows (kernel 3, stride 2) through im2col
        assertThat(new MaxPool2D(3, 2, 0).forward(x).toArray()).containsExactly(7, 9, 9, 9);
        // padding: max pads with -inf, average counts the zeros (count_include_pad)
        Tensor small = Tensor.fromArray(new float[] {-1, -2, -3, -4}, 1, 1, 2, 2);
        assertThat(new MaxPool2D(2, 2, 1).forward(small).toArray()).containsExactly(-1, -2, -3, -4);
        assertThat(new AvgPool2D(2, 2, 1).forward(small).toArray()).containsExactly(-0.25f, -0.5f, -0.75f, -1f);
    }

    @Test
    void poolGradients() {
        Tensor x = random(10, 2, 2, 5, 6); // random values: no ties
        GradCheck.input(new MaxPool2D(2)::forward, x, 1e-3, 5e-3);
        GradCheck.input(new MaxPool2D(3, 2, 1)::forward, x, 1e-3, 5e-3);
        GradCheck.input(new AvgPool2D(2)::forward, x, 1e-2, 5e-3);
        GradCheck.input(new AvgPool2D(3, 1, 1)::forward, x, 1e-2, 5e-3);
    }

    @Test
    void smallCnnShapesThroughTheBuilder() {
        Sequential cnn = Sequential.builder(1, 28, 28)
                .conv2d(8, 3, 1, 1).relu().maxPool2d(2)
                .conv2d(16, 3).batchNorm().relu().maxPool2d(2)
                .flatten().dense(10).build(new Rng(1));
        assertThat(cnn.outputShape(new int[] {1, 28, 28})).containsExactly(10);
        assertThat(cnn.namedParameters().keySet()).contains("0.weight", "3.weight", "4.weight", "4.bias", "8.weight");
        assertThat(cnn.namedParameters().get("8.weight").shape()).containsExactly(10, 16 * 6 * 6);
        assertThat(cnn.buffers().keySet()).containsExactly("4.running_mean", "4.running_var");
        assertThat(cnn.forward(random(2, 2, 1, 28, 28)).shape()).containsExactly(2, 10);
    }
}
