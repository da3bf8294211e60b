package dev.kiln.reinforcement.policy;

/** Estimated action values Q(s, ·) for an observation: a Q-table row or a Q-network's output. */
public interface ActionValues<O> {
    /** One value per action; callers must not modify the array. */
    double[] values(O observation);

    int actions();
}
