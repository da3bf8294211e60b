package dev.kiln.supervised.nn;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;

/**
 * Weight initialisation schemes. {@code fanIn} is the number of inputs feeding one output unit
 * ({@code in} for dense layers, {@code inChannels * kh * kw} for convolutions), {@code fanOut}
 * the number of units one input feeds.
 *
 * <p>{@link #DEFAULT} reproduces PyTorch's default for {@code nn.Linear}/{@code nn.Conv2d}
 * (Kaiming-uniform with a = sqrt(5), which is U(-1/sqrt(fanIn), 1/sqrt(fanIn)), bias drawn from the
 * same range), so a network ported from PyTorch starts from the same distribution and trains at
 * the same pace. The He and Xavier schemes start biases at zero, as Keras does.
 */
public enum Init {
    /** U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for weights and biases (PyTorch's default). */
    DEFAULT,
    /** He/Kaiming normal: N(0, 2/fanIn); for ReLU networks. */
    HE_NORMAL,
    /** He/Kaiming uniform: U(-sqrt(6/fanIn), sqrt(6/fanIn)). */
    HE_UNIFORM,
    /** Xavier/Glorot normal: N(0, 2/(fanIn+fanOut)); for tanh/sigmoid networks. */
    XAVIER_NORMAL,
    /** Xavier/Glorot uniform: U(-sqrt(6/(fanIn+fanOut)), sqrt(6/(fanIn+fanOut))). */
    XAVIER_UNIFORM;

    /** A weight tensor of {@code shape} drawn from {@code rng}. */
    public Tensor weight(Rng rng, int fanIn, int fanOut, int... shape) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException(this + " init: fanIn and fanOut must be positive, got " + fanIn
                    + " and " + fanOut);
        }
        return switch (this) {
            case DEFAULT -> uniform(rng, 1.0 / Math.sqrt(fanIn), shape);
            case HE_NORMAL -> normal(rng, Math.sqrt(2.0 / fanIn), shape);
            case HE_UNIFORM -> uniform(rng, Math.sqrt(6.0 / fanIn), shape);
            case XAVIER_NORMAL -> normal(rng, Math.sqrt(2.0 / (fanIn + fanOut)), shape);
            case XAVIER_UNIFORM -> uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
        };
    }

    /** A bias tensor of {@code shape}: zeros, except for {@link #DEFAULT}. */
    public Tensor bias(Rng rng, int fanIn, int... shape) {
        if (this == DEFAULT) {
            return uniform(rng, 1.0 / Math.sqrt(fanIn), shape);
        }
        return Tensor.zeros(shape);
    }

    private static Tensor uniform(Rng rng, double bound, int[] shape) {
        return Tensor.uniform(Backends.current(), rng, (float) -bound, (float) bound, shape);
    }

    private static Tensor normal(Rng rng, double std, int[] shape) {
        return Tensor.normal(Backends.current(), rng, 0f, (float) std, shape);
    }
}
