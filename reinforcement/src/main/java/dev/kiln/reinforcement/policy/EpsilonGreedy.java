package dev.kiln.reinforcement.policy;

import dev.kiln.core.ml.Policy;
import dev.kiln.core.tensor.Rng;

/**
 * With probability ε a uniformly random action, otherwise a greedy one with ties broken at random
 * (with an all-zero Q-table, lowest-index tie-breaking would walk into the same wall forever).
 * ε follows a {@link Schedule} of a clock the owning agent advances (per episode or per step).
 */
public final class EpsilonGreedy<O> implements Policy<O> {
    private final ActionValues<O> q;
    private final Schedule epsilon;
    private long clock;

    public EpsilonGreedy(ActionValues<O> q, Schedule epsilon) {
        this.q = q;
        this.epsilon = epsilon;
    }

    @Override
    public int act(O observation, Rng rng) {
        double eps = epsilon();
        // always draw the coin, so the random stream does not depend on the Q-values
        if (rng.nextDouble() < eps) {
            return rng.nextInt(q.actions());
        }
        return argmaxRandomTies(q.values(observation), rng);
    }

    /** The current exploration rate. */
    public double epsilon() {
        double e = epsilon.at(clock);
        if (!(e >= 0 && e <= 1)) {
            throw new IllegalStateException("epsilon schedule gave " + e + " at t = " + clock + "; it must be in [0, 1]");
        }
        return e;
    }

    public void tick() {
        clock++;
    }

    public long clock() {
        return clock;
    }

    public static int argmaxRandomTies(double[] v, Rng rng) {
        int best = 0;
        int ties = 1;
        for (int a = 1; a < v.length; a++) {
            if (v[a] > v[best]) {
                best = a;
                ties = 1;
            } else if (v[a] == v[best]) {
                ties++;
            }
        }
        if (ties == 1) {
            return best;
        }
        int pick = rng.nextInt(ties);
        for (int a = 0; a < v.length; a++) {
            if (v[a] == v[best] && pick-- == 0) {
                return a;
            }
        }
        return best;
    }
}
