package dev.kiln.reinforcement.train;

/** When an evaluation of the greedy policy counts as solving the environment (stops training). */
@FunctionalInterface
public interface SolvedCriterion {
    boolean solved(EvaluationResult<?> evaluation);

    /** Success rate of at least {@code min} (1.0: every evaluation episode reaches the goal). */
    static SolvedCriterion successRate(double min) {
        if (!(min > 0 && min <= 1)) {
            throw new IllegalArgumentException("solved criterion: success rate must be in (0, 1], got " + min);
        }
        return e -> e.successRate() >= min;
    }

    /** Every episode succeeds and the mean episode length is at most {@code maxLength} (e.g. the BFS optimum). */
    static SolvedCriterion successWithin(double maxLength) {
        return e -> e.successRate() == 1.0 && e.meanLength() <= maxLength;
    }
}
