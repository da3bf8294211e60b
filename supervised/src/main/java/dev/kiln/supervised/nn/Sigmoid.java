package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** {@code 1 / (1 + exp(-x))}. */
public final class Sigmoid extends ElementwiseLayer {
    @Override
    protected Tensor apply(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("Sigmoid");
    }

    @Override
    public String describe() {
        return "Sigmoid";
    }
}
