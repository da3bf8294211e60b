package dev.kiln.reinforcement.policy;

/**
 * A value that changes with training time {@code t} (episodes or steps, as the user says): the
 * exploration rate ε or a learning rate. Decays never go below their floor.
 */
@FunctionalInterface
public interface Schedule {
    double at(long t);

    static Schedule constant(double value) {
        return t -> value;
    }

    /** From {@code start} to {@code end} in a straight line over {@code steps}, then {@code end}. */
    static Schedule linear(double start, double end, long steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException("linear schedule: steps must be positive, got " + steps);
        }
        return t -> t >= steps ? end : start + (end - start) * t / steps;
    }

    /** {@code max(end, start * rate^t)}; {@code rate} in (0, 1]. */
    static Schedule exponential(double start, double end, double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("exponential schedule: rate must be in (0, 1], got " + rate);
        }
        return t -> Math.max(end, start * Math.pow(rate, t));
    }
}
