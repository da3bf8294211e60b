package dev.kiln.core.backend;

import dev.kiln.core.tensor.Tensor;

/**
 * A region of work, such as one training step, whose temporary tensors a backend may recycle when
 * it closes: every tensor the backend allocated inside the scope gives its memory back, except those
 * passed to {@link #keep} (new parameter values, optimizer state, layer buffers). Recycled memory
 * goes to the next tensors of the same size, which then start in warm cache instead of fresh heap.
 *
 * <p>Reading a recycled tensor afterwards throws: nothing can observe memory it no longer owns. A
 * cache that a layer builds inside a step for later steps is made {@link Backend#persistent}.
 * Backends without recycling return {@link #NONE}, which keeps everything.
 */
public interface MemoryScope extends AutoCloseable {
    /** Keeps nothing back and recycles nothing: the scope of backends that do not recycle. */
    MemoryScope NONE = new MemoryScope() {
        @Override
        public MemoryScope keep(Tensor... tensors) {
            return this;
        }

        @Override
        public void close() {
        }
    };

    /** These tensors (and their views) outlive the scope. */
    MemoryScope keep(Tensor... tensors);

    /**
     * These tensors, allocated before the scope, are used for the last time in it: their memory is
     * recycled with the scope's own when it closes, unless they are also kept (a parameter value
     * that this step's optimizer replaced). Backends without recycling ignore it.
     */
    default MemoryScope adopt(Tensor... tensors) {
        return this;
    }

    /** Recycles the memory of every tensor allocated in the scope and not kept. */
    @Override
    void close();
}
