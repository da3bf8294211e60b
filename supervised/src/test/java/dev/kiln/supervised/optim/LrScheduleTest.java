package dev.kiln.supervised.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void stepDecay() {
        LrSchedule s = LrSchedule.step(0.1, 3, 0.5);
        assertThat(s.at(0)).isEqualTo(0.1);
        assertThat(s.at(2)).isEqualTo(0.1);
        assertThat(s.at(3)).isEqualTo(0.05);
        assertThat(s.at(7)).isEqualTo(0.025);
    }

    @Test
    void exponentialDecay() {
        LrSchedule s = LrSchedule.exponential(1.0, 0.9);
        assertThat(s.at(0)).isEqualTo(1.0);
        assertThat(s.at(2)).isCloseTo(0.81, within(1e-12));
    }

    @Test
    void cosineAnnealing() {
        LrSchedule s = LrSchedule.cosine(0.1, 10, 0.001);
        assertThat(s.at(0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(5)).isCloseTo((0.1 + 0.001) / 2, within(1e-12));
        assertThat(s.at(10)).isCloseTo(0.001, within(1e-12));
        assertThat(s.at(25)).isCloseTo(0.001, within(1e-12));
        // PyTorch CosineAnnealingLR(T_max=10, eta_min=0.001) at epoch 3: 0.001 + 0.099 * (1 + cos(0.3 pi)) / 2
        assertThat(s.at(3)).isCloseTo(0.07959537, within(1e-8));
    }

    @Test
    void linearWarmupThenInnerScheduleFromItsStart() {
        LrSchedule s = LrSchedule.step(0.4, 2, 0.5).withWarmup(4);
        assertThat(s.at(0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(1)).isCloseTo(0.2, within(1e-12));
        assertThat(s.at(3)).isCloseTo(0.4, within(1e-12));
        assertThat(s.at(4)).isCloseTo(0.4, within(1e-12));
        assertThat(s.at(6)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void composeWithThenAndTimes() {
        LrSchedule s = LrSchedule.constant(1.0).then(2, LrSchedule.exponential(0.5, 0.5));
        assertThat(s.at(1)).isEqualTo(1.0);
        assertThat(s.at(2)).isEqualTo(0.5);
        assertThat(s.at(3)).isEqualTo(0.25);
        LrSchedule product = LrSchedule.constant(0.2).times(LrSchedule.step(1.0, 1, 0.5));
        assertThat(product.at(2)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void appliesToAnOptimizerAndRejectsBadArguments() {
        SGD sgd = new SGD(List.of(new Parameter("w", Tensor.of(1f))), 1.0);
        LrSchedule.step(0.1, 1, 0.1).applyTo(sgd, 2);
        assertThat(sgd.learningRate()).isCloseTo(0.001, within(1e-12));
        assertThatThrownBy(() -> LrSchedule.step(0.1, 0, 0.5)).hasMessageContaining("step size");
        assertThatThrownBy(() -> LrSchedule.exponential(0.1, 1.5)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> LrSchedule.constant(0.1).withWarmup(2).at(-1)).hasMessageContaining("t must be");
    }
}
