package dev.kiln.supervised.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.GradCheck;
import org.junit.jupiter.api.Test;

class DenseAndSequentialTest {
    @Test
    void denseComputesXWTransposePlusBias() {
        Dense d = new Dense(3, 2, new Rng(1));
        d.weight().set(Tensor.fromArray(new float[] {1, 2, 3, -1, 0, 1}, 2, 3));
        d.bias().set(Tensor.of(0.5f, -0.5f));
        Tensor y = d.forward(Tensor.fromArray(new float[] {1, 1, 1, 2, 0, -1}, 2, 3));
        // row 0: [1+2+3+0.5, -1+0+1-0.5], row 1: [2+0-3+0.5, -2+0-1-0.5]
        assertThat(y.shape()).containsExactly(2, 2);
        assertThat(y.toArray()).containsExactly(6.5f, -0.5f, -0.5f, -3.5f);
    }

    @Test
    void denseGradientsMatchFiniteDifferences() {
        Dense d = new Dense(4, 3, Init.XAVIER_UNIFORM, new Rng(2));
        d.bias().set(Tensor.of(0.1f, -0.2f, 0.3f));
        Tensor x = Tensor.uniform(dev.kiln.core.backend.Backends.current(), new Rng(3), -1f, 1f, 5, 4);
        GradCheck.input(d::forward, x, 1e-2, 2e-3);
        GradCheck.parameters(d, () -> GradCheck.project(d.forward(x)), 1e-2, 2e-3);
    }

    @Test
    void reluForwardAndGradient() {
        Tensor x = Tensor.of(-2f, -0.5f, 0.25f, 3f).reshape(1, 4);
        assertThat(new ReLU().forward(x).toArray()).containsExactly(0f, 0f, 0.25f, 3f);
        GradCheck.input(new ReLU()::forward, x, 1e-2, 1e-3);
    }

    @Test
    void initialisationIsSeededAndHasTheRightScale() {
        Dense a = new Dense(400, 300, Init.HE_NORMAL, new Rng(7));
        Dense b = new Dense(400, 300, Init.HE_NORMAL, new Rng(7));
        assertThat(a.weight().value().toArray()).containsExactly(b.weight().value().toArray());
        assertThat(a.bias().value().toArray()).containsOnly(0f);
        float[] w = a.weight().value().toArray();
        double ss = 0;
        for (float v : w) {
            ss += v * v;
        }
        assertThat(Math.sqrt(ss / w.length)).isCloseTo(Math.sqrt(2.0 / 400), within(0.003));

        float[] def = new Dense(100, 50, new Rng(7)).weight().value().toArray();
        float bound = 1f / 10f;
        assertThat(maxAbs(def)).isLessThanOrEqualTo(bound).isGreaterThan(0.9f * bound);
        float[] xav = new Dense(100, 50, Init.XAVIER_UNIFORM, new Rng(7)).weight().value().toArray();
        float xb = (float) Math.sqrt(6.0 / 150);
        assertThat(maxAbs(xav)).isLessThanOrEqualTo(xb).isGreaterThan(0.9f * xb);
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    @Test
    void builderInfersShapesAndNamesParametersByPosition() {
        Sequential net = Sequential.builder(784).dense(128).relu().dense(10).build(new Rng(0));
        assertThat(net.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(net.namedParameters().get("0.weight").shape()).containsExactly(128, 784);
        assertThat(net.namedParameters().get("2.weight").shape()).containsExactly(10, 128);
        assertThat(net.parameterCount()).isEqualTo(784 * 128 + 128 + 128 * 10 + 10);
        assertThat(net.forward(Tensor.zeros(3, 784)).shape()).containsExactly(3, 10);
        assertThat(net.outputShape(new int[] {784})).containsExactly(10);
        assertThat(net.summary()).contains("Dense(784 -> 128)").contains("[N, 10]").contains("101770");
    }

    @Test
    void sameSeedSameNetwork() {
        Sequential a = Sequential.builder(5).dense(4).tanh().dense(2).build(new Rng(11));
        Sequential b = Sequential.builder(5).dense(4).tanh().dense(2).build(new Rng(11));
        Tensor x = Tensor.uniform(dev.kiln.core.backend.Backends.current(), new Rng(1), -1f, 1f, 3, 5);
        assertThat(a.forward(x).toArray()).containsExactly(b.forward(x).toArray());
    }

    @Test
    void wrongInputSizeNamesLayerExpectedAndActual() {
        Sequential net = Sequential.builder(784).dense(128).relu().dense(10).build(new Rng(0));
        assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 100)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[N, 784]").hasMessageContaining("[N, 100]");

        Sequential unchecked = Sequential.of(new Dense(784, 128, new Rng(0)), new ReLU(), new Dense(64, 10, new Rng(0)));
        assertThatThrownBy(() -> unchecked.forward(Tensor.zeros(2, 784)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("layer 2 Dense(64 -> 10): expected input [N, 64], got [N, 128]");

        assertThatThrownBy(() -> new Sequential(new int[] {784},
                java.util.List.of(new Dense(784, 128, new Rng(0)), new Dense(64, 10, new Rng(0)))))
                .hasMessage("layer 1 Dense(64 -> 10): expected input [N, 64], got [N, 128]");
    }

    @Test
    void builderFailsAtBuildTimeWhenFlattenIsMissing() {
        assertThatThrownBy(() -> Sequential.builder(1, 28, 28).relu().dense(10).build(new Rng(0)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("Dense")
                .hasMessageContaining("[N, 1, 28, 28]");
        Sequential ok = Sequential.builder(1, 28, 28).flatten().dense(10).build(new Rng(0));
        assertThat(ok.forward(Tensor.zeros(2, 1, 28, 28)).shape()).containsExactly(2, 10);
    }

    @Test
    void trainAndEvalReachEveryLayer() {
        Sequential net = Sequential.builder(4).dense(4).dropout(0.5).dense(2).build(new Rng(0));
        assertThat(net.isTraining()).isTrue();
        net.eval();
        assertThat(net.layers()).allSatisfy(l -> assertThat(l.isTraining()).isFalse());
        net.train(true);
        assertThat(net.layers()).allSatisfy(l -> assertThat(l.isTraining()).isTrue());
    }
}
