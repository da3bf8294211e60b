package dev.kiln.reinforcement.env;

import java.util.Objects;
import java.util.function.Function;

/**
 * Presents an environment's observations in another form (Gymnasium's
 * {@code TransformObservation}): e.g. a maze cell index as (row, col) or one-hot for a network.
 */
public final class ObservationWrapper<I, O, A> implements Environment<O, A> {
    private final Environment<I, A> inner;
    private final Space<O> space;
    private final Function<I, O> transform;

    public ObservationWrapper(Environment<I, A> inner, Space<O> space, Function<I, O> transform) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.space = Objects.requireNonNull(space, "space");
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    public Environment<I, A> unwrapped() {
        return inner;
    }

    @Override
    public Space<O> observationSpace() {
        return space;
    }

    @Override
    public Space<A> actionSpace() {
        return inner.actionSpace();
    }

    @Override
    public O reset(long seed) {
        return transform.apply(inner.reset(seed));
    }

    @Override
    public O reset() {
        return transform.apply(inner.reset());
    }

    @Override
    public Step<O> step(A action) {
        Step<I> s = inner.step(action);
        return new Step<>(transform.apply(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    @Override
    public String render() {
        return inner.render();
    }
}
