package dev.kiln.reinforcement.env;

import dev.kiln.core.tensor.Rng;

/** The integers {@code 0 .. n-1}: maze cells, moves. */
public record Discrete(int n) implements Space<Integer> {
    public Discrete {
        if (n <= 0) {
            throw new IllegalArgumentException("Discrete space: n must be positive, got " + n);
        }
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && value >= 0 && value < n;
    }

    @Override
    public Integer sample(Rng rng) {
        return rng.nextInt(n);
    }

    @Override
    public int flatSize() {
        return 1;
    }

    /** Throws a clear error when {@code value} is outside the space. */
    public int check(String what, int value) {
        if (value < 0 || value >= n) {
            throw new IllegalArgumentException(what + " " + value + " is outside Discrete(" + n + ") = {0.." + (n - 1) + "}");
        }
        return value;
    }
}
