package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** {@code max(0, x)}. */
public final class ReLU extends ElementwiseLayer {
    @Override
    protected Tensor apply(Tensor x) {
        return x.relu();
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("ReLU");
    }

    @Override
    public String describe() {
        return "ReLU";
    }
}
