package dev.kiln.reinforcement.train;

import java.util.List;

/**
 * Figures of a policy run for a number of episodes without learning.
 *
 * @param lastObservations the observations of the last episode, the first one included (for drawing paths)
 */
public record EvaluationResult<O>(int episodes, double successRate, double meanReturn, double meanLength,
        List<O> lastObservations) {
}
