package dev.kiln.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.nn.Parameter;
import org.junit.jupiter.api.Test;

/** Dense (permuted contiguous) layouts, a gradient's layout, and loading values into a parameter's layout. */
class LayoutTest {
    @Test
    void denseLayoutsAreContiguousOnesInSomeAxisOrder() {
        Tensor x = Tensor.fromArray(new float[24], 2, 3, 4);
        assertThat(Shape.storageOrder(x.strides())).containsExactly(0, 1, 2);
        assertThat(Shape.storageOrder(x.permute(2, 0, 1).strides())).containsExactly(1, 2, 0);
        assertThat(Shape.isDense(x.shape(), x.strides())).isTrue();
        assertThat(Shape.isDense(new int[] {4, 2, 3}, x.permute(2, 0, 1).strides())).isTrue();
        Tensor sliced = x.slice(2, 0, 3);
        assertThat(Shape.isDense(sliced.shape(), sliced.strides())).as("a slice leaves gaps").isFalse();
        Tensor expanded = Tensor.of(1, 2, 3).unsqueeze(0).expand(5, 3);
        assertThat(Shape.isDense(expanded.shape(), expanded.strides())).as("a broadcast repeats elements").isFalse();
        assertThat(Shape.isDense(new int[] {3, 1}, new int[] {1, 7})).as("size-1 axes have any stride").isTrue();
        assertThat(Shape.isDense(new int[] {0, 5}, new int[] {9, 9})).isTrue();
    }

    @Test
    void aGradientKeepsTheLayoutOfItsTensor() {
        // a weight stored transposed: its gradient arrives as the transpose of a contiguous product
        Tensor w = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 3, 2).t().requiresGrad(true);
        Tensor x = Tensor.fromArray(new float[] {1, -1, 2}, 1, 3);
        x.matmul(w.t()).sum().backward();
        assertThat(w.grad().strides()).containsExactly(w.strides());
        assertThat(w.grad().toArray()).containsExactly(1, -1, 2, 1, -1, 2);
        Tensor c = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        c.t().mul(Tensor.of(1, 10)).sum().backward();
        assertThat(c.grad().isContiguous()).as("a contiguous tensor gets a contiguous gradient").isTrue();
        assertThat(c.grad().toArray()).containsExactly(1, 1, 10, 10);
    }

    @Test
    void loadCopiesValuesIntoTheParameterLayoutAndSetReplacesIt() {
        Parameter p = new Parameter("w", Tensor.fromArray(new float[6], 3, 2).t());
        p.load(Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertThat(p.value().strides()).containsExactly(1, 2);
        assertThat(p.value().toArray()).containsExactly(1, 2, 3, 4, 5, 6);
        p.set(Tensor.fromArray(new float[] {6, 5, 4, 3, 2, 1}, 2, 3));
        assertThat(p.value().isContiguous()).isTrue();
        Parameter plain = new Parameter("b", Tensor.of(0, 0));
        plain.load(Tensor.of(7, 8));
        assertThat(plain.value().toArray()).containsExactly(7, 8);
        assertThatThrownBy(() -> p.load(Tensor.fromArray(new float[6], 3, 2)))
                .hasMessage("parameter 'w': new value has shape [3, 2], expected [2, 3]");
    }
}
