package dev.kiln.reinforcement.agent;

import dev.kiln.core.tensor.Rng;
import dev.kiln.reinforcement.env.Discrete;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.policy.EpsilonGreedy;
import dev.kiln.reinforcement.policy.GreedyPolicy;
import dev.kiln.core.ml.Policy;

/**
 * One-step temporal-difference control on a {@link QTable}:
 * {@code Q(s,a) += α (r + γ·bootstrap(s', a') − Q(s,a))}, with ε-greedy behaviour. Subclasses
 * differ only in the bootstrap estimate of the next state's value (Sutton and Barto, ch. 6).
 */
public abstract class TabularTdAgent implements Agent<Integer> {
    protected final QTable q;
    protected final TdParameters params;
    protected final EpsilonGreedy<Integer> behaviour;
    private long episode;

    protected TabularTdAgent(int states, int actions, TdParameters params) {
        this.q = new QTable(states, actions, params.initialValue());
        this.params = params;
        this.behaviour = new EpsilonGreedy<>(q, params.epsilon());
    }

    /** The sizes of a discrete-observation, discrete-action environment's spaces. */
    protected static int[] sizes(Environment<Integer, Integer> env) {
        if (!(env.observationSpace() instanceof Discrete obs) || !(env.actionSpace() instanceof Discrete act)) {
            throw new IllegalArgumentException("tabular agents need Discrete observation and action spaces, got "
                    + env.observationSpace() + " and " + env.actionSpace());
        }
        return new int[] {obs.n(), act.n()};
    }

    /** Estimated value of the next state used in the target (not called when it is terminal). */
    protected abstract double bootstrap(int nextState, int nextAction);

    @Override
    public int act(Integer state, Rng rng) {
        return behaviour.act(state, rng);
    }

    @Override
    public void learn(Transition<Integer> t) {
        int s = t.state();
        int a = t.action();
        double target = t.reward();
        if (!t.terminated()) {
            target += params.discount() * bootstrap(t.nextState(), t.nextAction());
        }
        double alpha = params.learningRate().at(episode);
        double old = q.get(s, a);
        q.set(s, a, old + alpha * (target - old));
    }

    @Override
    public void endEpisode() {
        episode++;
        behaviour.tick();
    }

    @Override
    public Policy<Integer> greedyPolicy() {
        return new GreedyPolicy<>(q);
    }

    /** Current exploration rate of the epsilon-greedy behaviour policy. */
    public double epsilon() {
        return behaviour.epsilon();
    }

    @Override
    public java.util.Map<String, Double> episodeMetrics() {
        return java.util.Map.of(EPSILON, behaviour.epsilon());
    }

    /** Replaces the learned values with {@code table}'s (e.g. loaded from a file); sizes must match. */
    public void load(QTable table) {
        if (table.states() != q.states() || table.actions() != q.actions()) {
            throw new IllegalArgumentException(name() + ": Q-table has " + table.states() + " states x " + table.actions()
                    + " actions, the agent needs " + q.states() + " x " + q.actions());
        }
        for (int s = 0; s < q.states(); s++) {
            for (int a = 0; a < q.actions(); a++) {
                q.set(s, a, table.get(s, a));
            }
        }
    }

    public QTable qTable() {
        return q;
    }

    public TdParameters parameters() {
        return params;
    }
}
