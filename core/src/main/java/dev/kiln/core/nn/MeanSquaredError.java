package dev.kiln.core.nn;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/** Mean of squared differences; prediction and target must have the same shape. */
public final class MeanSquaredError implements Loss {
    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("MSE loss: prediction shape " + Shape.str(prediction.shape())
                    + " differs from target shape " + Shape.str(target.shape()));
        }
        return prediction.sub(target).square().mean();
    }

    @Override
    public String name() {
        return "mse";
    }
}
