package dev.kiln.core.tensor;

import dev.kiln.core.backend.Backend;

/** A plain {@code float[]} owned by a CPU backend. */
public final class HeapStorage implements Storage {
    private final Backend backend;
    private final float[] data;

    public HeapStorage(Backend backend, float[] data) {
        this.backend = backend;
        this.data = data;
    }

    public float[] data() {
        return data;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public long size() {
        return data.length;
    }
}
