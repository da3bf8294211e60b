package dev.kiln.reinforcement.env;

import dev.kiln.core.tensor.Rng;

/**
 * The set of valid observations or actions of an environment, as in Gymnasium's {@code spaces}:
 * {@link Discrete} ({@code {0, ..., n-1}}) or {@link Box} (a float vector inside bounds).
 *
 * @param <T> the Java type of one element
 */
public sealed interface Space<T> permits Discrete, Box {
    /** Whether {@code value} is an element of this space. */
    boolean contains(T value);

    /** A uniformly drawn element (Box: uniform inside finite bounds). */
    T sample(Rng rng);

    /** Number of scalars in one element when flattened (Discrete: 1). */
    int flatSize();
}
