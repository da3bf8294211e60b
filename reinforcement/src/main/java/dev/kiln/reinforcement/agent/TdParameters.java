package dev.kiln.reinforcement.agent;

import dev.kiln.reinforcement.policy.Schedule;

/**
 * Hyper-parameters of the tabular temporal-difference agents. Both schedules count episodes.
 *
 * @param learningRate α by episode, in (0, 1]
 * @param discount γ in [0, 1]
 * @param epsilon exploration rate ε by episode
 * @param initialValue initial Q for every pair (optimistic values explore on their own)
 */
public record TdParameters(Schedule learningRate, double discount, Schedule epsilon, double initialValue) {
    public TdParameters {
        if (!(discount >= 0 && discount <= 1)) {
            throw new IllegalArgumentException("TD agent: discount must be in [0, 1], got " + discount);
        }
        if (!Double.isFinite(initialValue)) {
            throw new IllegalArgumentException("TD agent: initial value must be finite, got " + initialValue);
        }
    }

    /** α = 0.1, γ = 0.99, ε from 1 to 0.05 over 200 episodes, Q starts at 0. */
    public static TdParameters defaults() {
        return new TdParameters(Schedule.constant(0.1), 0.99, Schedule.linear(1.0, 0.05, 200), 0.0);
    }

    public TdParameters withLearningRate(double alpha) {
        return withLearningRate(Schedule.constant(alpha));
    }

    public TdParameters withLearningRate(Schedule alpha) {
        return new TdParameters(alpha, discount, epsilon, initialValue);
    }

    public TdParameters withDiscount(double gamma) {
        return new TdParameters(learningRate, gamma, epsilon, initialValue);
    }

    public TdParameters withEpsilon(Schedule eps) {
        return new TdParameters(learningRate, discount, eps, initialValue);
    }

    public TdParameters withInitialValue(double q0) {
        return new TdParameters(learningRate, discount, epsilon, q0);
    }
}
