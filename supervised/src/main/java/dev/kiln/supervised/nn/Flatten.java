package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** Reshapes {@code [N, d1, d2, ...]} to {@code [N, d1*d2*...]} (a view when the input is contiguous). */
public final class Flatten extends AbstractLayer {
    @Override
    public int[] outputShape(int[] inputShape) {
        long n = 1;
        for (int d : inputShape) {
            n *= d;
        }
        return new int[] {(int) n};
    }

    @Override
    protected Tensor apply(Tensor x) {
        return x.reshape(x.shape(0), -1);
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("Flatten");
    }

    @Override
    public String describe() {
        return "Flatten";
    }
}
