package dev.kiln.supervised.nn;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared plumbing for layers: the train/eval flag, the parameter map, and an input check before
 * every forward pass so a wrong shape fails with the layer's name rather than deep inside an op.
 */
public abstract class AbstractLayer implements Layer {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter under its local name ("weight", "bias"). */
    protected final Parameter addParameter(String name, Tensor initial) {
        Parameter p = new Parameter(name, initial);
        parameters.put(name, p);
        return p;
    }

    @Override
    public final Tensor forward(Tensor input) {
        if (input.rank() == 0) {
            throw new IllegalArgumentException(describe() + ": expected a batch [N, ...], got a scalar tensor");
        }
        outputShape(sampleShape(input));
        return apply(input);
    }

    /** The forward computation; the input shape has already been checked by {@link #outputShape}. */
    protected abstract Tensor apply(Tensor input);

    @Override
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    @Override
    public boolean isTraining() {
        return training;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The shape of one sample: everything after the batch dimension. */
    public static int[] sampleShape(Tensor x) {
        int[] s = x.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }
}
