package dev.kiln.reinforcement.agent;

import dev.kiln.reinforcement.env.Environment;

/** Q-learning (Watkins 1989): off-policy, bootstraps from the best next action, {@code max_a' Q(s', a')}. */
public final class QLearning extends TabularTdAgent {
    public QLearning(int states, int actions, TdParameters params) {
        super(states, actions, params);
    }

    public static QLearning forEnvironment(Environment<Integer, Integer> env, TdParameters params) {
        int[] n = sizes(env);
        return new QLearning(n[0], n[1], params);
    }

    @Override
    protected double bootstrap(int nextState, int nextAction) {
        return q.max(nextState);
    }
}
