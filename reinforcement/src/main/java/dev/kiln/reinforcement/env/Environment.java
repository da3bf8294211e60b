package dev.kiln.reinforcement.env;

/**
 * An episodic environment in the spirit of Gymnasium: {@link #reset(long)} starts an episode and
 * returns the first observation, {@link #step} applies one action. All randomness (start states,
 * slippery moves) comes from a {@link dev.kiln.core.tensor.Rng} seeded by {@code reset(seed)}, so
 * the same seed and the same actions give the same episode.
 *
 * @param <O> observation type
 * @param <A> action type ({@code Integer} for {@link Discrete} action spaces)
 */
public interface Environment<O, A> {
    Space<O> observationSpace();

    Space<A> actionSpace();

    /** Starts a new episode with its randomness seeded by {@code seed}. */
    O reset(long seed);

    /** Starts a new episode, continuing the random stream of the previous one. */
    O reset();

    /**
     * Applies {@code action}; calling it after the episode ended is an error (call reset). Episodes
     * must end: environments without a natural end are wrapped in a {@link TimeLimit}.
     */
    Step<O> step(A action);

    /** A human-readable picture of the current state. */
    default String render() {
        return toString();
    }
}
