package dev.kiln.reinforcement.policy;

import dev.kiln.core.tensor.Rng;

/** Chooses a discrete action for an observation; random choices draw from {@code rng}. */
@FunctionalInterface
public interface Policy<O> {
    int act(O observation, Rng rng);
}
