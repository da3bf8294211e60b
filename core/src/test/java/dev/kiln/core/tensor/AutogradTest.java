package dev.kiln.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AutogradTest {
    @Test
    void diamondGraphSumsBothPaths() {
        Tensor x = Tensor.of(2f, 3f).requiresGrad(true);
        Tensor y = x.mul(x);           // dy/dx = 2x
        Tensor z = y.add(x.mul(3f));   // dz/dx = 2x + 3
        z.sum().backward();
        assertThat(x.grad().toArray()).containsExactly(7f, 9f);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.of(1f, -1f).requiresGrad(true);
        x.mul(4f).sum().backward();
        x.mul(4f).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(8f, 8f);
        x.zeroGrad();
        assertThat(x.grad()).isNull();
    }

    @Test
    void noGradScopeRecordsNothingAndRestoresMode() {
        Tensor x = Tensor.of(1f).requiresGrad(true);
        try (var s = Autograd.noGrad()) {
            assertThat(x.mul(2f).requiresGrad()).isFalse();
            try (var inner = Autograd.noGrad()) {
                assertThat(Autograd.isEnabled()).isFalse();
            }
            assertThat(Autograd.isEnabled()).isFalse();
        }
        assertThat(Autograd.isEnabled()).isTrue();
        assertThat(x.mul(2f).requiresGrad()).isTrue();
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = Tensor.of(3f).requiresGrad(true);
        Tensor y = x.mul(x).detach().mul(x); // only the last factor is differentiated: d/dx = x^2
        y.backward();
        assertThat(x.grad().item()).isEqualTo(9f);
    }

    @Test
    void backwardNeedsAScalarOrAnExplicitGradient() {
        Tensor x = Tensor.of(1f, 2f).requiresGrad(true);
        Tensor y = x.mul(2f);
        assertThatThrownBy(y::backward).hasMessageContaining("one-element").hasMessageContaining("[2]");
        y.backward(Tensor.of(1f, 10f));
        assertThat(x.grad().toArray()).containsExactly(2f, 20f);
        assertThatThrownBy(() -> Tensor.of(1f).backward()).hasMessageContaining("does not require gradients");
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1f).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.add(0f);
        }
        y.backward();
        assertThat(x.grad().item()).isEqualTo(1f);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHotOverN() {
        Tensor logits = Tensor.fromArray(new float[] {1, 2, 3, 0, 0, 0}, 2, 3).requiresGrad(true);
        new dev.kiln.core.nn.CrossEntropy().compute(logits, Tensor.ofIndices(2, 0)).backward();
        float[] g = logits.grad().toArray();
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat((double) g[2]).isCloseTo((Math.exp(3) / e - 1) / 2, within(1e-6));
        assertThat((double) g[3]).isCloseTo((1.0 / 3 - 1) / 2, within(1e-6));
        assertThat((double) g[4]).isCloseTo(1.0 / 6, within(1e-6));
    }
}
