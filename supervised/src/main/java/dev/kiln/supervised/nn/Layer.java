package dev.kiln.supervised.nn;

import dev.kiln.core.nn.Model;
import java.util.Map;

/**
 * A building block of a network: a {@link Model} that also knows which input shapes it accepts.
 * Shapes here are per-sample (the batch dimension excluded): a dense layer from 784 features has
 * sample shape {@code [784]}, a convolution on MNIST {@code [1, 28, 28]}.
 */
public interface Layer extends Model, HasBuffers {
    /**
     * The per-sample output shape for a per-sample input shape, or a {@link ShapeMismatchException}
     * naming this layer, the shape it expects and the one it got.
     */
    int[] outputShape(int[] inputShape);

    /** A short description with the layer's configuration, e.g. {@code Dense(784 -> 128)}. */
    String describe();

    /**
     * The layer's architecture as JSON-ready values: {@code "type"} plus what its constructor
     * needs (no weights). {@link LayerConfig#build} turns it back into a layer, so a checkpoint's
     * metadata can describe the network that its tensors belong to. Layers outside this package
     * that do not override it give their type and description only, which cannot be rebuilt.
     */
    default Map<String, Object> config() {
        return LayerConfig.of(getClass().getSimpleName(), "description", describe());
    }

    @Override
    default Map<String, dev.kiln.core.tensor.Tensor> buffers() {
        return Map.of();
    }

    @Override
    default void loadBuffers(Map<String, dev.kiln.core.tensor.Tensor> buffers) {
        if (!buffers.isEmpty()) {
            throw new IllegalArgumentException(describe() + " has no buffers, got keys " + buffers.keySet());
        }
    }
}
