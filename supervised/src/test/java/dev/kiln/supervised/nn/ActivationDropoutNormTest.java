package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationDropoutNormTest {
    private static final Tensor X = Tensor.of(-2f, -0.5f, 0.3f, 1f, 2.5f).reshape(1, 5);

    private static void assertValues(Tensor t, double tol, double... expected) {
        float[] v = t.toArray();
        assertThat(v).hasSize(expected.length);
        for (int i = 0; i < v.length; i++) {
            assertThat((double) v[i]).as("element %d", i).isCloseTo(expected[i], within(tol));
        }
    }

    @Test
    void activationValues() {
        assertValues(new LeakyReLU(0.1f).forward(X), 1e-7, -0.2, -0.05, 0.3, 1, 2.5);
        assertValues(new Sigmoid().forward(X), 1e-6, 0.11920292, 0.37754067, 0.57444252, 0.73105858, 0.92414182);
        assertValues(new Tanh().forward(X), 1e-6, -0.96402758, -0.46211716, 0.29131261, 0.76159416, 0.98661430);
        // exact GELU x * Phi(x) (Python math.erf), and PyTorch's tanh approximation
        assertValues(new GELU().forward(X), 2e-6, -0.04550026, -0.15426877, 0.18537343, 0.84134475, 2.48447584);
        assertValues(GELU.tanh().forward(X), 2e-6, -0.04540231, -0.15428599, 0.18537092, 0.84119199, 2.48491573);
        Tensor s = new Softmax().forward(Tensor.fromArray(new float[] {1, 2, 3, 0, 0, 0}, 2, 3));
        assertValues(s, 1e-6, 0.09003057, 0.24472847, 0.66524096, 1 / 3.0, 1 / 3.0, 1 / 3.0);
    }

    @Test
    void activationGradients() {
        Tensor x = Tensor.fromArray(new float[] {-1.7f, -0.6f, -0.2f, 0.4f, 0.9f, 2.1f}, 2, 3);
        for (Layer l : new Layer[] {new LeakyReLU(0.2f), new Sigmoid(), new Tanh(), new GELU(), GELU.tanh(), new Softmax()}) {
            GradCheck.input(l::forward, x, 1e-2, 3e-3);
        }
    }

    @Test
    void dropoutIsSeededScaledAndIdentityInEval() {
        Tensor x = Tensor.ones(50, 40);
        Dropout a = new Dropout(0.25, new Rng(3));
        Dropout b = new Dropout(0.25, new Rng(3));
        float[] ya = a.forward(x).toArray();
        assertThat(ya).containsExactly(b.forward(x).toArray());
        int zeros = 0;
        for (float v : ya) {
            if (v == 0) {
                zeros++;
            } else {
                assertThat(v).isCloseTo(1 / 0.75f, within(1e-6f));
            }
        }
        assertThat(zeros / 2000.0).isCloseTo(0.25, within(0.03));
        // the next call draws a fresh mask
        assertThat(a.forward(x).toArray()).isNotEqualTo(ya);
        a.eval();
        assertThat(a.forward(x)).isSameAs(x);
    }

    @Test
    void dropoutStreamPositionRoundTripsThroughBuffers() {
        Dropout a = new Dropout(0.5, new Rng(9));
        Tensor x = Tensor.ones(4, 8);
        a.forward(x);
        Map<String, Tensor> saved = a.buffers();
        float[] next = a.forward(x).toArray();
        Dropout resumed = new Dropout(0.5, new Rng(9));
        resumed.loadBuffers(saved);
        assertThat(resumed.forward(x).toArray()).containsExactly(next);
    }

    @Test
    void dropoutGradientUsesTheSameMask() {
        Dropout d = new Dropout(0.5, new Rng(4));
        Tensor x = Tensor.ones(2, 6).requiresGrad(true);
        Tensor y = d.forward(x);
        y.sum().backward();
        assertThat(x.grad().toArray()).containsExactly(y.toArray());
    }

    @Test
    void batchNormTrainUsesBatchStatsAndUpdatesRunningStats() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.fromArray(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 4, 2);
        // column 0: mean 2.5, biased var 1.25; column 1: mean 25, var 125
        double s0 = Math.sqrt(1.25 + 1e-5);
        double s1 = Math.sqrt(125 + 1e-5);
        assertValues(bn.forward(x), 1e-5, -1.5 / s0, -15 / s1, -0.5 / s0, -5 / s1, 0.5 / s0, 5 / s1, 1.5 / s0, 15 / s1);
        // running = 0.9 * init + 0.1 * batch, unbiased variance (x 4/3)
        assertValues(bn.buffers().get("running_mean"), 1e-6, 0.25, 2.5);
        assertValues(bn.buffers().get("running_var"), 1e-5, 0.9 + 0.1 * 1.25 * 4 / 3, 0.9 + 0.1 * 125 * 4 / 3);

        bn.eval();
        Tensor probe = Tensor.fromArray(new float[] {1, 10}, 1, 2);
        double rv0 = 0.9 + 0.1 * 1.25 * 4 / 3;
        double rv1 = 0.9 + 0.1 * 125 * 4 / 3;
        assertValues(bn.forward(probe), 1e-5, (1 - 0.25) / Math.sqrt(rv0 + 1e-5), (10 - 2.5) / Math.sqrt(rv1 + 1e-5));
        assertThat(bn.buffers().get("running_mean").toArray()).containsExactly(0.25f, 2.5f); // eval does not update
        assertThatThrownBy(() -> {
            bn.train(true);
            bn.forward(probe);
        }).hasMessageContaining("more than one value per channel");
    }

    @Test
    void batchNormGradients() {
        Tensor x1 = Tensor.uniform(Backends.current(), new Rng(1), -2f, 2f, 5, 3);
        BatchNorm1d bn1 = new BatchNorm1d(3);
        bn1.namedParameters().get("weight").set(Tensor.of(0.5f, 1.5f, -1f));
        GradCheck.input(bn1::forward, x1, 1e-2, 1e-2);
        GradCheck.parameters(bn1, () -> GradCheck.project(bn1.forward(x1)), 1e-2, 5e-3);

        Tensor x2 = Tensor.uniform(Backends.current(), new Rng(2), -2f, 2f, 2, 2, 3, 3);
        BatchNorm2d bn2 = new BatchNorm2d(2);
        GradCheck.input(bn2::forward, x2, 1e-2, 1e-2);
        bn2.eval();
        GradCheck.input(bn2::forward, x2, 1e-2, 5e-3);
    }

    @Test
    void batchNorm2dNormalisesPerChannelAndBuffersRoundTrip() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = Tensor.uniform(Backends.current(), new Rng(5), 0f, 10f, 4, 3, 5, 5);
        float[] y = bn.forward(x).toArray();
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sq = 0;
            for (int n = 0; n < 4; n++) {
                for (int i = 0; i < 25; i++) {
                    double v = y[(n * 3 + c) * 25 + i];
                    sum += v;
                    sq += v * v;
                }
            }
            assertThat(sum / 100).isCloseTo(0, within(1e-5));
            assertThat(sq / 100).isCloseTo(1, within(1e-3));
        }
        BatchNorm2d other = new BatchNorm2d(3);
        other.loadBuffers(bn.buffers());
        bn.eval();
        other.eval();
        assertThat(other.forward(x).toArray()).containsExactly(bn.forward(x).toArray());
        assertThatThrownBy(() -> other.loadBuffers(Map.of("running_mean", Tensor.zeros(3))))
                .hasMessageContaining("running_var");
        assertThatThrownBy(() -> other.loadBuffers(Map.of("running_mean", Tensor.zeros(4), "running_var", Tensor.ones(3))))
                .hasMessageContaining("[4]");
    }

    @Test
    void sequentialBuffersRoundTripWithDottedNames() {
        Sequential net = Sequential.builder(4).dense(6).batchNorm().relu().dropout(0.3).dense(2).build(new Rng(0));
        net.forward(Tensor.uniform(Backends.current(), new Rng(1), -1f, 1f, 8, 4));
        assertThat(net.buffers().keySet()).containsExactly("1.running_mean", "1.running_var", "3.rng_state");
        Sequential copy = Sequential.builder(4).dense(6).batchNorm().relu().dropout(0.3).dense(2).build(new Rng(0));
        copy.loadBuffers(net.buffers());
        assertThat(copy.buffers().get("1.running_var").toArray()).containsExactly(net.buffers().get("1.running_var").toArray());
        assertThatThrownBy(() -> copy.loadBuffers(Map.of())).hasMessageContaining("1.running_mean");
    }
}
