package dev.kiln.core.nn;

import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients. State (momentum buffers, step counts) is exposed as
 * named tensors so checkpoints can save and restore it exactly.
 */
public interface Optimizer {
    /** Applies one update to every parameter that has a gradient. */
    void step();

    List<Parameter> parameters();

    double learningRate();

    /** Schedules change the learning rate between steps. */
    void learningRate(double lr);

    /** Optimizer state by name, e.g. "momentum.0.weight"; empty for plain SGD. */
    Map<String, Tensor> state();

    /**
     * The tensors this optimizer carries from one step to the next (its moments), which a
     * {@link dev.kiln.core.backend.MemoryScope} around a step must keep. The default: the values of
     * {@link #state()}.
     */
    default java.util.Collection<Tensor> stateTensors() {
        return state().values();
    }

    /** Restores state produced by {@link #state()}. */
    void loadState(Map<String, Tensor> state);

    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }
}
