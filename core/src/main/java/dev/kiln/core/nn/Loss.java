package dev.kiln.core.nn;

import dev.kiln.core.tensor.Tensor;

/** A loss: prediction and target in, a scalar tensor out (mean over the batch unless stated). */
@FunctionalInterface
public interface Loss {
    Tensor compute(Tensor prediction, Tensor target);

    default String name() {
        return getClass().getSimpleName();
    }
}
