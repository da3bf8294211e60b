package dev.kiln.core.ml;

import dev.kiln.core.tensor.Rng;

/**
 * A fitted policy: the discrete action an agent takes for an observation (a maze cell, a state
 * vector). Observations are whatever the environment emits, so this is the one fitted-model
 * interface not on {@link Features}. Random choices (exploration, sampling) draw from {@code rng}.
 */
@FunctionalInterface
public interface Policy<O> {
    int act(O observation, Rng rng);
}
