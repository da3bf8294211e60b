package dev.kiln.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenParameterTest {
    @Test
    void aFrozenParameterTakesNoGradientAndStaysBitForBitWhileTheOthersTrain() {
        Rng rng = new Rng(7);
        Parameter w = new Parameter("w", Tensor.randn(rng, 3, 2));
        Parameter b = new Parameter("b", Tensor.randn(rng, 2));
        Tensor x = Tensor.randn(rng, 4, 3);
        float[] frozenBefore = w.value().toArray();
        float[] bBefore = b.value().toArray();
        w.freeze();
        assertThat(w.isFrozen()).isTrue();
        assertThat(w.toString()).contains("frozen");

        Optimizer opt = new Sgd(List.of(w, b), 0.1);
        for (int step = 0; step < 3; step++) {
            opt.zeroGrad();
            x.matmul(w.value()).add(b.value()).square().mean().backward();
            assertThat(w.grad()).isNull();
            assertThat(b.grad()).isNotNull();
            opt.step();
        }
        assertThat(w.value().toArray()).containsExactly(frozenBefore);
        assertThat(b.value().toArray()).isNotEqualTo(bBefore);
        assertThat(opt.state()).isEmpty();

        w.unfreeze();
        opt.zeroGrad();
        x.matmul(w.value()).add(b.value()).square().mean().backward();
        assertThat(w.grad()).isNotNull();
        opt.step();
        assertThat(w.value().toArray()).isNotEqualTo(frozenBefore);
    }

    @Test
    void settingAFrozenParameterKeepsItFrozen() {
        Parameter w = new Parameter("w", Tensor.zeros(2));
        w.freeze();
        w.set(Tensor.ones(2));
        assertThat(w.isFrozen()).isTrue();
        assertThat(w.value().requiresGrad()).isFalse();
        assertThat(w.value().toArray()).containsExactly(1f, 1f);
    }
}
