package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** Hyperbolic tangent. */
public final class Tanh extends ElementwiseLayer {
    @Override
    protected Tensor apply(Tensor x) {
        return x.tanh();
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("Tanh");
    }

    @Override
    public String describe() {
        return "Tanh";
    }
}
