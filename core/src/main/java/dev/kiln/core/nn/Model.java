package dev.kiln.core.nn;

import dev.kiln.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A differentiable model: a forward pass, named parameters and a train/eval mode (dropout and
 * batch-norm behave differently in each). Layers and whole networks both implement it.
 */
public interface Model {
    Tensor forward(Tensor input);

    /** Parameters by stable, dotted name ("0.weight", "encoder.1.bias"), in a fixed order. */
    Map<String, Parameter> namedParameters();

    default List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Switches between training (true) and evaluation (false) behaviour. */
    void train(boolean training);

    boolean isTraining();

    default void eval() {
        train(false);
    }

    default void zeroGrad() {
        for (Parameter p : namedParameters().values()) {
            p.zeroGrad();
        }
    }

    /** Number of trainable scalars. */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : namedParameters().values()) {
            n += p.value().numel();
        }
        return n;
    }
}
