package dev.kiln.reinforcement.agent;

import dev.kiln.reinforcement.env.Environment;

/**
 * SARSA: on-policy, bootstraps from the action the ε-greedy behaviour actually takes next,
 * {@code Q(s', a')}, so it learns the value of exploring (safer paths near holes).
 */
public final class Sarsa extends TabularTdAgent {
    public Sarsa(int states, int actions, TdParameters params) {
        super(states, actions, params);
    }

    public static Sarsa forEnvironment(Environment<Integer, Integer> env, TdParameters params) {
        int[] n = sizes(env);
        return new Sarsa(n[0], n[1], params);
    }

    @Override
    protected double bootstrap(int nextState, int nextAction) {
        if (nextAction < 0) {
            throw new IllegalArgumentException("SARSA needs the next action for a non-terminal next state " + nextState);
        }
        return q.get(nextState, nextAction);
    }
}
