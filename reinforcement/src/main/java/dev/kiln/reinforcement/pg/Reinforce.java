package dev.kiln.reinforcement.pg;

import dev.kiln.core.nn.Model;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.reinforcement.agent.Agent;
import dev.kiln.reinforcement.agent.Transition;
import dev.kiln.reinforcement.env.Box;
import dev.kiln.reinforcement.env.Discrete;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.policy.ActionValues;
import dev.kiln.reinforcement.policy.GreedyPolicy;
import dev.kiln.core.ml.Policy;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.nn.SequentialBuilder;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * REINFORCE (Williams 1992) with a baseline: a softmax policy network samples actions; after each
 * episode it takes one Adam step on {@code −mean_t(log π(a_t|s_t) · (G_t − b)) − β·mean_t(H(π(·|s_t)))},
 * where {@code G_t} is the discounted return from step t, {@code b} a running mean of returns and
 * {@code H} the policy's entropy (a small β keeps it from committing too early). It explores
 * through its own stochastic policy, so it reports no exploration rate; the greedy policy takes the most
 * probable action.
 */
public final class Reinforce implements Agent<float[]> {
    private final ReinforceParameters p;
    private final int inputs;
    private final int actions;
    private final Sequential policy;
    private final TrainingStep<Episode> step;
    private final List<float[]> states = new ArrayList<>();
    private final List<Integer> taken = new ArrayList<>();
    private final List<Double> rewards = new ArrayList<>();
    private double baseline;
    private boolean baselineSet;
    private Map<String, Double> lastEpisode = Map.of();

    public Reinforce(int inputs, int actions, ReinforceParameters params) {
        this.p = params;
        this.inputs = inputs;
        this.actions = actions;
        SequentialBuilder b = Sequential.builder(inputs);
        for (int h : params.hidden()) {
            b.dense(h).relu();
        }
        this.policy = b.dense(actions).build(new Rng(params.seed()));
        // the policy-gradient loss on log π, with the entropy bonus as an extra term
        this.step = TrainingStep.<Episode>builder(policy, new Adam(policy, params.learningRate()),
                        (m, e) -> m.forward(e.states()).logSoftmax(1),
                        (logp, e) -> logp.mul(e.taken()).sum(1, false).mul(e.advantage()).mean().neg(), Episode::size)
                .extraLoss("entropy_bonus", (m, logp, e) -> entropy(logp).mul((float) params.entropyBonus()).neg())
                .build();
    }

    public static Reinforce forEnvironment(Environment<float[], Integer> env, ReinforceParameters params) {
        if (!(env.observationSpace() instanceof Box obs) || !(env.actionSpace() instanceof Discrete act)) {
            throw new IllegalArgumentException("REINFORCE needs a Box observation space and a Discrete action space, got "
                    + env.observationSpace() + " and " + env.actionSpace());
        }
        return new Reinforce(obs.flatSize(), act.n(), params);
    }

    /** Action probabilities π(·|s). */
    public double[] probabilities(float[] observation) {
        float[] pr;
        try (var ignored = Autograd.noGrad()) {
            pr = policy.forward(Tensor.fromArray(observation, 1, inputs)).softmax(1).toArray();
        }
        double[] out = new double[actions];
        for (int a = 0; a < actions; a++) {
            out[a] = pr[a];
        }
        return out;
    }

    @Override
    public int act(float[] observation, Rng rng) {
        double[] pr = probabilities(observation);
        double u = rng.nextDouble();
        double cum = 0;
        for (int a = 0; a < actions; a++) {
            cum += pr[a];
            if (u < cum) {
                return a;
            }
        }
        return actions - 1; // rounding left u above the float sum
    }

    @Override
    public void learn(Transition<float[]> t) {
        states.add(t.state());
        taken.add(t.action());
        rewards.add(t.reward());
    }

    @Override
    public void endEpisode() {
        int n = states.size();
        if (n == 0) {
            lastEpisode = Map.of();
            return;
        }
        double[] g = new double[n];
        double running = 0;
        for (int t = n - 1; t >= 0; t--) {
            running = rewards.get(t) + p.discount() * running;
            g[t] = running;
        }
        double mean = 0;
        for (double v : g) {
            mean += v;
        }
        mean /= n;
        if (!baselineSet) {
            baseline = mean;
            baselineSet = true;
        }
        float[] advantage = new float[n];
        float[] x = new float[n * inputs];
        int[] a = new int[n];
        for (int t = 0; t < n; t++) {
            advantage[t] = (float) (g[t] - baseline);
            System.arraycopy(states.get(t), 0, x, t * inputs, inputs);
            a[t] = taken.get(t);
        }
        baseline = (1 - p.baselineRate()) * baseline + p.baselineRate() * mean;

        double[] entropy = new double[1];
        TrainingStep.Result r = step.run(List.of(new Episode(Tensor.fromArray(x, n, inputs),
                        Tensor.oneHot(Tensor.ofIndices(a), actions), Tensor.fromArray(advantage, n), n)),
                (e, logp) -> entropy[0] = entropy(logp.detach()).item());
        lastEpisode = Map.of("loss", r.loss(), "entropy", entropy[0], "baseline", baseline);
        states.clear();
        taken.clear();
        rewards.clear();
    }

    /** The mean entropy of the policies whose log-probabilities are {@code logp}: {@code −mean(Σ π log π)}. */
    private static Tensor entropy(Tensor logp) {
        return logp.exp().mul(logp).sum(1, false).neg().mean();
    }

    /** One episode as the step sees it: states, the taken actions one-hot, advantages. */
    private record Episode(Tensor states, Tensor taken, Tensor advantage, int size) {
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return lastEpisode;
    }

    @Override
    public Policy<float[]> greedyPolicy() {
        return new GreedyPolicy<>(new ActionValues<>() {
            @Override
            public double[] values(float[] observation) {
                return probabilities(observation);
            }

            @Override
            public int actions() {
                return actions;
            }
        });
    }

    public Model network() {
        return policy;
    }
}
