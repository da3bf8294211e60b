package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** {@code x} for {@code x > 0}, {@code slope * x} otherwise (PyTorch's default slope is 0.01). */
public final class LeakyReLU extends ElementwiseLayer {
    private final float slope;

    public LeakyReLU() {
        this(0.01f);
    }

    public LeakyReLU(float slope) {
        if (!Float.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    @Override
    protected Tensor apply(Tensor x) {
        // where() routes the gradient to exactly one branch (1 or slope), as PyTorch does at x = 0
        return Tensor.where(x.gt(0f), x, x.mul(slope));
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("LeakyReLU", "slope", (double) slope);
    }

    @Override
    public String describe() {
        return "LeakyReLU(" + slope + ")";
    }
}
