package dev.kiln.core.tensor;

import dev.kiln.core.backend.Backend;

/**
 * A plain {@code float[]} owned by a CPU backend. A backend that recycles memory
 * ({@link dev.kiln.core.backend.MemoryScope}) takes the array back with {@link #recycle()}; the
 * storage is unusable from then on.
 */
public final class HeapStorage implements Storage {
    private final Backend backend;
    private float[] data;

    public HeapStorage(Backend backend, float[] data) {
        this.backend = backend;
        this.data = data;
    }

    public float[] data() {
        float[] d = data;
        if (d == null) {
            throw new IllegalStateException("this tensor's memory was recycled when the memory scope it was created in"
                    + " closed (e.g. the end of a training step); a tensor used after its step must be kept: a parameter,"
                    + " optimizer state or layer buffer, or pass it to MemoryScope.keep");
        }
        return d;
    }

    /** Hands the array back to its backend for reuse; every later {@link #data()} throws. */
    public float[] recycle() {
        float[] d = data();
        data = null;
        return d;
    }

    /** Whether {@link #recycle()} has taken the array. */
    public boolean recycled() {
        return data == null;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public long size() {
        return data().length;
    }
}
