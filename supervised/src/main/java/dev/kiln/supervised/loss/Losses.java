package dev.kiln.supervised.loss;

import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.MeanSquaredError;

/**
 * Every loss in one place. MSE and cross-entropy are core's implementations (cross-entropy fuses
 * log-softmax and takes integer labels {@code [N]} or one-hot/soft targets {@code [N, C]}); the
 * others live in this package. All return the batch mean.
 */
public final class Losses {
    private Losses() {
    }

    public static Loss mse() {
        return new MeanSquaredError();
    }

    public static Loss crossEntropy() {
        return new CrossEntropy();
    }

    public static Loss binaryCrossEntropyWithLogits() {
        return new BinaryCrossEntropyWithLogits();
    }

    public static Loss huber(float delta) {
        return new Huber(delta);
    }

    /** Binary hinge for targets in {-1, +1}. */
    public static Loss hinge() {
        return new Hinge();
    }

    /** Crammer–Singer multi-class hinge for integer labels. */
    public static Loss multiClassHinge() {
        return new MultiClassHinge();
    }
}
