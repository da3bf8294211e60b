package dev.kiln.core.tensor;

import dev.kiln.core.backend.Backend;

/**
 * The memory behind one or more tensors (views share it). Each backend owns its storage type:
 * heap {@code float[]} for the CPU backends, device buffers for OpenCL.
 */
public interface Storage extends AutoCloseable {
    Backend backend();

    /** Number of float32 elements. */
    long size();

    /** Releases native memory early; heap storage does nothing. Using a closed storage is an error. */
    @Override
    default void close() {
    }
}
