package dev.kiln.reinforcement.policy;

import dev.kiln.core.ml.Policy;
import dev.kiln.core.tensor.Rng;

/**
 * Always the action with the highest value; ties go to the lowest action number, so the policy is
 * deterministic and an evaluation of it is repeatable.
 */
public final class GreedyPolicy<O> implements Policy<O> {
    private final ActionValues<O> q;

    public GreedyPolicy(ActionValues<O> q) {
        this.q = q;
    }

    @Override
    public int act(O observation, Rng rng) {
        return argmax(q.values(observation));
    }

    public static int argmax(double[] v) {
        int best = 0;
        for (int a = 1; a < v.length; a++) {
            if (v[a] > v[best]) {
                best = a;
            }
        }
        return best;
    }
}
