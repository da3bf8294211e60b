package dev.kiln.reinforcement.agent;

import dev.kiln.reinforcement.env.Environment;

/**
 * Expected SARSA: bootstraps from the expected next value under the ε-greedy policy,
 * {@code ε·mean_a' Q(s', a') + (1 − ε)·max_a' Q(s', a')}; the same fixed point as SARSA with
 * less variance, since it does not depend on which action was sampled.
 */
public final class ExpectedSarsa extends TabularTdAgent {
    public ExpectedSarsa(int states, int actions, TdParameters params) {
        super(states, actions, params);
    }

    public static ExpectedSarsa forEnvironment(Environment<Integer, Integer> env, TdParameters params) {
        int[] n = sizes(env);
        return new ExpectedSarsa(n[0], n[1], params);
    }

    @Override
    protected double bootstrap(int nextState, int nextAction) {
        double[] v = q.values(nextState);
        double sum = 0;
        double max = v[0];
        for (double x : v) {
            sum += x;
            max = Math.max(max, x);
        }
        double eps = epsilon();
        // ties for the max share the greedy mass, but each tied action is worth max, so the sum is the same
        return eps * sum / v.length + (1 - eps) * max;
    }
}
