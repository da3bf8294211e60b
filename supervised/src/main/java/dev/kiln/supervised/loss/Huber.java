package dev.kiln.supervised.loss;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Huber loss, mean over all elements (PyTorch's {@code HuberLoss}): with {@code d = prediction - target},
 * {@code 0.5 d^2} where {@code |d| <= delta}, {@code delta (|d| - 0.5 delta)} elsewhere. Quadratic
 * near zero, linear for outliers. Default delta 1.
 */
public final class Huber implements Loss {
    private final float delta;

    public Huber() {
        this(1f);
    }

    public Huber(float delta) {
        if (!(delta > 0) || Float.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber loss: delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("Huber loss: prediction shape " + Shape.str(prediction.shape())
                    + " differs from target shape " + Shape.str(target.shape()));
        }
        Tensor d = prediction.sub(target);
        Tensor a = d.abs();
        Tensor quadratic = d.square().mul(0.5f);
        Tensor linear = a.sub(0.5f * delta).mul(delta);
        return Tensor.where(a.le(delta), quadratic, linear).mean();
    }

    @Override
    public String name() {
        return "huber";
    }
}
