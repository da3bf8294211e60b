package dev.kiln.reinforcement.agent;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.ml.Policy;
import java.util.Map;

/**
 * A learning agent with a discrete action space. The trainer drives it: {@link #act} picks the
 * exploring (behaviour) action, {@link #learn} sees each transition, {@link #endEpisode} closes an
 * episode; {@link #greedyPolicy} is what it has learned.
 */
public interface Agent<O> {
    /** The behaviour policy's action (explores); random choices draw from {@code rng}. */
    int act(O observation, Rng rng);

    /** Learns from one transition. */
    void learn(Transition<O> transition);

    /** Called after each training episode (schedules that count episodes advance here). */
    void endEpisode();

    /** The policy that exploits what was learned (no exploration). */
    Policy<O> greedyPolicy();

    /**
     * The {@link #episodeMetrics} key of the exploration rate, for agents that explore by a rate
     * (epsilon-greedy); agents that explore through a stochastic policy (REINFORCE) have none.
     */
    String EPSILON = "epsilon";

    /** Extra per-episode figures (e.g. mean loss); read after {@link #endEpisode}. */
    default Map<String, Double> episodeMetrics() {
        return Map.of();
    }

    default String name() {
        return getClass().getSimpleName();
    }
}
