package dev.kiln.supervised.loss;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Binary hinge loss {@code mean(max(0, 1 - y * score))} for targets {@code y} in {-1, +1} of the
 * scores' shape (a linear SVM's loss). For more classes see {@link MultiClassHinge}.
 */
public final class Hinge implements Loss {
    @Override
    public Tensor compute(Tensor score, Tensor target) {
        if (!Arrays.equals(score.shape(), target.shape())) {
            throw new IllegalArgumentException("hinge loss: score shape " + Shape.str(score.shape())
                    + " differs from target shape " + Shape.str(target.shape()));
        }
        float[] y = target.toArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1f && y[i] != -1f) {
                throw new IllegalArgumentException("hinge loss: targets must be -1 or +1, got " + y[i] + " at position " + i);
            }
        }
        return score.mul(target).neg().add(1f).relu().mean();
    }

    @Override
    public String name() {
        return "hinge";
    }
}
