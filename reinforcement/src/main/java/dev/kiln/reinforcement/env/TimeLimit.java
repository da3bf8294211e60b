package dev.kiln.reinforcement.env;

import java.util.Objects;

/**
 * Truncates episodes after {@code maxSteps} steps (Gymnasium's {@code TimeLimit}). Trainers and
 * evaluations run each episode until it ends, so an environment whose episodes may never end
 * needs this wrapper. A step that both terminates and hits the limit counts as terminated.
 */
public final class TimeLimit<O, A> implements Environment<O, A> {
    private final Environment<O, A> inner;
    private final int maxSteps;
    private int steps;

    public TimeLimit(Environment<O, A> inner, int maxSteps) {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("TimeLimit: maxSteps must be positive, got " + maxSteps);
        }
        this.inner = Objects.requireNonNull(inner, "inner");
        this.maxSteps = maxSteps;
    }

    @Override
    public Space<O> observationSpace() {
        return inner.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return inner.actionSpace();
    }

    @Override
    public O reset(long seed) {
        steps = 0;
        return inner.reset(seed);
    }

    @Override
    public O reset() {
        steps = 0;
        return inner.reset();
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = inner.step(action);
        steps++;
        if (steps >= maxSteps && !s.terminated() && !s.truncated()) {
            return new Step<>(s.observation(), s.reward(), false, true, s.info());
        }
        return s;
    }

    @Override
    public String render() {
        return inner.render();
    }
}
