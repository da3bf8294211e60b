package dev.kiln.benchmarks;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;

/** Seeded benchmark inputs on a named backend ("cpu" reads -Dkiln.threads, default: all cores). */
final class Operands {
    private Operands() {
    }

    static Backend backend(String name) {
        return Backends.create(name);
    }

    static Tensor uniform(Backend backend, long seed, int... shape) {
        return Tensor.uniform(backend, new Rng(seed), -1f, 1f, shape);
    }

    /** "MxKxN" to {m, k, n}. */
    static int[] mkn(String shape) {
        String[] p = shape.split("x");
        if (p.length != 3) {
            throw new IllegalArgumentException("GEMM shape must be MxKxN, got '" + shape + "'");
        }
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }
}
