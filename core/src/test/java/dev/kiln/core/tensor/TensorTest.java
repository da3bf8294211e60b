package dev.kiln.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void broadcastingAddAndViews() {
        Tensor a = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(10, 20, 30);
        assertThat(a.add(b).toArray()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(a.t().toArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(a.slice(1, 1, 3).toArray()).containsExactly(2, 3, 5, 6);
        assertThat(a.t().reshape(6).toArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(a.sum(0, false).toArray()).containsExactly(5, 7, 9);
        assertThat(a.matmul(a.t()).toArray()).containsExactly(14, 32, 32, 77);
    }

    @Test
    void gradientOfBroadcastMulSum() {
        Tensor x = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor w = Tensor.of(1, 2, 3).requiresGrad(true);
        x.mul(w).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(w.grad().toArray()).containsExactly(5, 7, 9);
    }

    @Test
    void shapeErrorsNameOpAndShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        assertThatThrownBy(() -> a.add(b)).hasMessageContaining("add").hasMessageContaining("[2, 3]")
                .hasMessageContaining("[4]");
        assertThatThrownBy(() -> a.matmul(a)).hasMessageContaining("matmul").hasMessageContaining("not aligned");
    }

    @Test
    void seededRandomIsReproducible() {
        assertThat(Tensor.randn(new Rng(7), 5).toArray()).containsExactly(Tensor.randn(new Rng(7), 5).toArray());
        assertThat(Tensor.randn(new Rng(7), 5).toArray()).isNotEqualTo(Tensor.randn(new Rng(8), 5).toArray());
    }
}
