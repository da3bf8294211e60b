package dev.kiln.supervised.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.GradCheck;
import dev.kiln.supervised.nn.Dense;
import dev.kiln.supervised.nn.Sequential;
import org.junit.jupiter.api.Test;

class LossTest {
    private static final Tensor LOGITS = Tensor.fromArray(new float[] {1.5f, -0.3f, 0.2f, -2f, 0.7f, 0.1f}, 2, 3);

    private static double bceNaive(double x, double y) {
        double p = 1 / (1 + Math.exp(-x));
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    @Test
    void binaryCrossEntropyMatchesDefinitionAndGradient() {
        float[] x = {-3f, -0.5f, 0f, 0.8f, 2.5f, 1f};
        float[] y = {0f, 1f, 1f, 0f, 1f, 0.3f};
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            expected += bceNaive(x[i], y[i]) / x.length;
        }
        Tensor t = Tensor.fromArray(y, 2, 3);
        Loss bce = new BinaryCrossEntropyWithLogits();
        assertThat((double) bce.compute(Tensor.fromArray(x, 2, 3), t).item()).isCloseTo(expected, within(1e-6));
        GradCheck.input(l -> bce.compute(l, t), Tensor.fromArray(x, 2, 3), 1e-2, 2e-3);
        // at x = 0 the gradient is (sigmoid(0) - y) / n, also where the stable form has kinks
        Tensor zero = Tensor.zeros(2).requiresGrad(true);
        bce.compute(zero, Tensor.of(1f, 0f)).backward();
        assertThat(zero.grad().toArray()).containsExactly(-0.25f, 0.25f);
    }

    @Test
    void binaryCrossEntropyIsStableForLargeLogits() {
        Tensor x = Tensor.of(100f, -100f, 100f, -100f).requiresGrad(true);
        Tensor y = Tensor.of(0f, 1f, 1f, 0f);
        Tensor loss = new BinaryCrossEntropyWithLogits().compute(x, y);
        assertThat(loss.item()).isCloseTo(50f, within(1e-4f)); // (100 + 100 + 0 + 0) / 4
        loss.backward();
        assertThat(x.grad().toArray()).containsExactly(new float[] {0.25f, -0.25f, 0f, 0f}, within(1e-7f));
    }

    @Test
    void binaryCrossEntropyWithPositiveWeight() {
        float[] x = {-1f, 0.5f, 2f};
        float[] y = {1f, 0f, 0.6f};
        double pw = 3;
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-x[i]));
            expected -= (pw * y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)) / 3;
        }
        Loss bce = new BinaryCrossEntropyWithLogits(3f);
        Tensor t = Tensor.fromArray(y, 3);
        assertThat((double) bce.compute(Tensor.fromArray(x, 3), t).item()).isCloseTo(expected, within(1e-6));
        GradCheck.input(l -> bce.compute(l, t), Tensor.fromArray(x, 3), 1e-2, 2e-3);
        assertThatThrownBy(() -> bce.compute(Tensor.zeros(3), Tensor.zeros(3, 1))).hasMessageContaining("[3, 1]");
    }

    @Test
    void huberValuesAndGradient() {
        Tensor p = Tensor.of(0f, 0.5f, 3f, -4f);
        Tensor t = Tensor.of(0f, 0f, 0f, 0f);
        // delta 1: 0, 0.125, 2.5, 3.5 -> mean 1.53125
        assertThat(new Huber().compute(p, t).item()).isCloseTo(1.53125f, within(1e-6f));
        // delta 2: 0, 0.125, 2*(3-1)=4, 2*(4-1)=6 -> mean 2.53125
        assertThat(new Huber(2f).compute(p, t).item()).isCloseTo(2.53125f, within(1e-6f));
        GradCheck.input(x -> new Huber(0.7f).compute(x, t), Tensor.of(0.1f, -0.4f, 1.9f, -2.2f), 1e-3, 2e-3);
    }

    @Test
    void binaryHinge() {
        Tensor s = Tensor.of(2f, 0.5f, -0.3f, -2f);
        Tensor y = Tensor.of(1f, 1f, 1f, -1f);
        // max(0, 1 - y s): 0, 0.5, 1.3, 0 -> mean 0.45
        assertThat(new Hinge().compute(s, y).item()).isCloseTo(0.45f, within(1e-6f));
        GradCheck.input(x -> new Hinge().compute(x, y), Tensor.of(1.7f, 0.4f, -0.3f, -1.6f), 1e-3, 2e-3);
        assertThatThrownBy(() -> new Hinge().compute(s, Tensor.of(1f, 0f, 1f, 1f)))
                .hasMessageContaining("-1 or +1").hasMessageContaining("position 1");
    }

    @Test
    void multiClassHingeBothForms() {
        Tensor labels = Tensor.ofIndices(0, 2);
        // row 0: s_y = 1.5, others -0.3, 0.2 -> CS max(0, 1 + 0.2 - 1.5) = 0; WW (0 + 0) / 3 = 0
        // row 1: s_y = 0.1, others -2, 0.7 -> CS 1 + 0.7 - 0.1 = 1.6; WW (max(0, -1.1) + 1.6) / 3
        assertThat(new MultiClassHinge().compute(LOGITS, labels).item()).isCloseTo(0.8f, within(1e-6f));
        assertThat(new MultiClassHinge(MultiClassHinge.Form.WESTON_WATKINS).compute(LOGITS, labels).item())
                .isCloseTo(1.6f / 3 / 2, within(1e-6f));
        Tensor x = Tensor.fromArray(new float[] {0.9f, 0.4f, 0.2f, -0.5f, 0.7f, 0.15f}, 2, 3);
        GradCheck.input(l -> new MultiClassHinge().compute(l, labels), x, 1e-3, 2e-3);
        GradCheck.input(l -> new MultiClassHinge(MultiClassHinge.Form.WESTON_WATKINS).compute(l, labels), x, 1e-3, 2e-3);
        assertThatThrownBy(() -> new MultiClassHinge().compute(LOGITS, Tensor.ofIndices(0, 3)))
                .hasMessageContaining("label 3.0");
    }

    @Test
    void coreCrossEntropyAndMseGradientsViaFactory() {
        Tensor labels = Tensor.ofIndices(2, 0);
        // -log softmax([1.5, -0.3, 0.2])[2] and -log softmax([-2, 0.7, 0.1])[0]
        double l0 = -0.2 + Math.log(Math.exp(1.5) + Math.exp(-0.3) + Math.exp(0.2));
        double l1 = 2 + Math.log(Math.exp(-2) + Math.exp(0.7) + Math.exp(0.1));
        assertThat((double) Losses.crossEntropy().compute(LOGITS, labels).item()).isCloseTo((l0 + l1) / 2, within(1e-6));
        GradCheck.input(l -> Losses.crossEntropy().compute(l, labels), LOGITS, 1e-2, 2e-3);
        Tensor soft = Tensor.fromArray(new float[] {0.2f, 0.3f, 0.5f, 1f, 0f, 0f}, 2, 3);
        GradCheck.input(l -> Losses.crossEntropy().compute(l, soft), LOGITS, 1e-2, 2e-3);
        Tensor target = Tensor.fromArray(new float[] {1, 0, 0, 0, 1, 0}, 2, 3);
        assertThat(Losses.mse().compute(LOGITS, target).item())
                .isCloseTo((0.25f + 0.09f + 0.04f + 4f + 0.09f + 0.01f) / 6, within(1e-6f));
        GradCheck.input(l -> Losses.mse().compute(l, target), LOGITS, 1e-2, 2e-3);
    }

    @Test
    void penaltiesOverParameters() {
        Dense d = new Dense(2, 2, new Rng(0));
        d.weight().set(Tensor.fromArray(new float[] {1, -2, 3, 0.5f}, 2, 2));
        d.bias().set(Tensor.of(-1f, 1f));
        Sequential model = Sequential.of(d);
        // L1: 0.1 * (1 + 2 + 3 + 0.5 + 1 + 1) ; L2: 0.05 * (1 + 4 + 9 + 0.25 + 1 + 1)
        assertThat(Penalty.l1(0.1).compute(model).item()).isCloseTo(0.85f, within(1e-6f));
        assertThat(Penalty.l2(0.1).compute(model).item()).isCloseTo(0.8125f, within(1e-6f));
        assertThat(Penalty.l2(0.1).weightsOnly().compute(model).item()).isCloseTo(0.7125f, within(1e-6f));
        // gradient of L2 is lambda * w: the same as SGD weight decay
        Penalty.l2(0.1).compute(model).backward();
        assertThat(d.weight().grad().toArray()).containsExactly(0.1f, -0.2f, 0.3f, 0.05f);
        model.zeroGrad();

        Loss base = Losses.mse();
        Loss withPenalty = Penalty.l1(0.1).addTo(base, model);
        Tensor x = Tensor.fromArray(new float[] {1, 1}, 1, 2);
        Tensor y = Tensor.fromArray(new float[] {0, 0}, 1, 2);
        assertThat(withPenalty.compute(model.forward(x), y).item())
                .isCloseTo(base.compute(model.forward(x), y).item() + 0.85f, within(1e-5f));
        GradCheck.parameters(model, () -> withPenalty.compute(model.forward(x), y), 1e-3, 5e-3);
        assertThatThrownBy(() -> Penalty.l2(-1)).hasMessageContaining("lambda");
    }
}
