package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;
import java.util.Map;

/**
 * Non-trainable state a model needs in evaluation mode and a checkpoint must keep: batch-norm
 * running statistics ({@code "running_mean"}, {@code "running_var"}) and dropout's random-stream
 * position ({@code "rng_state"}). Keys use the same dotted names as parameters
 * ({@code "3.running_mean"} in a {@link Sequential}).
 *
 * <p>A checkpoint writer saves {@link #buffers()} next to {@code namedParameters()}; a reader
 * calls {@link #loadBuffers(Map)} with exactly the saved map. Loading checks every key and shape
 * and fails naming the first one that does not fit.
 */
public interface HasBuffers {
    /** Buffers by dotted name, in a fixed order; empty when the model has none. */
    Map<String, Tensor> buffers();

    /** Replaces the buffers with saved ones: the same keys as {@link #buffers()}, the same shapes. */
    void loadBuffers(Map<String, Tensor> buffers);
}
