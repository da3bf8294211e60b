package dev.kiln.reinforcement.dqn;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.reinforcement.agent.Agent;
import dev.kiln.reinforcement.agent.Transition;
import dev.kiln.reinforcement.env.Box;
import dev.kiln.reinforcement.env.Discrete;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.policy.EpsilonGreedy;
import dev.kiln.reinforcement.policy.GreedyPolicy;
import dev.kiln.core.ml.Policy;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.nn.SequentialBuilder;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.TrainingStep;
import java.util.Map;

/**
 * Deep Q-network (Mnih et al. 2015) on Kiln tensors: an MLP estimates Q(s, ·); each step's
 * transition goes into a {@link ReplayBuffer}; every {@code trainEvery} steps a sampled batch is
 * fitted to {@code r + γ (1 − terminated) Q_target(s', a*)} with the configured loss (Huber by
 * default) and Adam, where the target network is a copy of the online one refreshed every
 * {@code targetUpdateEvery} steps. With double DQN, {@code a*} is the online network's argmax.
 */
public final class DqnAgent implements Agent<float[]> {
    private final DqnParameters p;
    private final int inputs;
    private final int actions;
    private final Sequential online;
    private final Sequential target;
    private final QNetwork q;
    private final TrainingStep<TdBatch> step;
    private final ReplayBuffer buffer;
    private final EpsilonGreedy<float[]> behaviour;
    private final Rng sampling;
    private long steps;
    private long updates;
    private double episodeLoss;
    private int episodeUpdates;
    private Map<String, Double> lastEpisode = Map.of();

    public DqnAgent(int inputs, int actions, DqnParameters params) {
        this.p = params;
        this.inputs = inputs;
        this.actions = actions;
        Rng init = new Rng(params.seed);
        this.online = network(inputs, actions, params.hidden, init);
        this.target = network(inputs, actions, params.hidden, init);
        syncTarget();
        this.q = new QNetwork(online, inputs, actions);
        // Q(s, a) of the taken actions against the TD targets; memory is not recycled: the target
        // network shares the online weights' storage between syncs
        this.step = TrainingStep.<TdBatch>builder(online, new Adam(online, params.learningRate),
                        (m, b) -> m.forward(b.states()).mul(b.taken()).sum(1, false),
                        (qTaken, b) -> params.loss.compute(qTaken, b.targets()), TdBatch::size)
                .clipGradNorm(params.maxGradNorm).build();
        this.buffer = new ReplayBuffer(params.bufferCapacity, inputs);
        this.behaviour = new EpsilonGreedy<>(q, params.epsilon);
        this.sampling = new Rng(Rng.mix(params.seed ^ 0x5A3B1E5L));
    }

    /** An agent sized for an environment with a {@link Box} observation and {@link Discrete} action space. */
    public static DqnAgent forEnvironment(Environment<float[], Integer> env, DqnParameters params) {
        if (!(env.observationSpace() instanceof Box obs) || !(env.actionSpace() instanceof Discrete act)) {
            throw new IllegalArgumentException("DQN needs a Box observation space and a Discrete action space, got "
                    + env.observationSpace() + " and " + env.actionSpace());
        }
        return new DqnAgent(obs.flatSize(), act.n(), params);
    }

    private static Sequential network(int inputs, int actions, int[] hidden, Rng rng) {
        SequentialBuilder b = Sequential.builder(inputs);
        for (int h : hidden) {
            b.dense(h).relu();
        }
        return b.dense(actions).build(rng);
    }

    @Override
    public int act(float[] observation, Rng rng) {
        return behaviour.act(observation, rng);
    }

    @Override
    public void learn(Transition<float[]> t) {
        buffer.add(t);
        steps++;
        behaviour.tick();
        if (steps >= p.learningStarts && steps % p.trainEvery == 0) {
            double loss = update();
            episodeLoss += loss;
            episodeUpdates++;
        }
        if (steps % p.targetUpdateEvery == 0) {
            syncTarget();
        }
    }

    /** One gradient step on a sampled batch; returns the loss. */
    private double update() {
        ReplayBuffer.Batch b = buffer.sample(p.batchSize, sampling);
        int n = b.size();
        Tensor targets;
        try (var ignored = Autograd.noGrad()) {
            Tensor next = Tensor.fromArray(b.nextStates(), n, inputs);
            Tensor qNext = target.forward(next);
            Tensor best;
            if (p.doubleDqn) {
                Tensor choice = Tensor.oneHot(online.forward(next).argmax(1), actions);
                best = qNext.mul(choice).sum(1, false);
            } else {
                best = qNext.max(1, false);
            }
            targets = Tensor.fromArray(b.rewards(), n)
                    .add(best.mul(Tensor.fromArray(b.notDone(), n)).mul((float) p.discount));
        }
        TdBatch batch = new TdBatch(Tensor.fromArray(b.states(), n, inputs),
                Tensor.oneHot(Tensor.ofIndices(b.actions()), actions), targets, n);
        double loss = step.run(batch).loss();
        updates++;
        return loss;
    }

    /** A replay batch as the step sees it: states, the taken actions one-hot, TD targets. */
    private record TdBatch(Tensor states, Tensor taken, Tensor targets, int size) {
    }

    /** Hard update: the target network becomes a copy of the online one. */
    private void syncTarget() {
        Map<String, Parameter> dst = target.namedParameters();
        for (Map.Entry<String, Parameter> e : online.namedParameters().entrySet()) {
            dst.get(e.getKey()).set(e.getValue().value().detach());
        }
    }

    @Override
    public void endEpisode() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put(EPSILON, behaviour.epsilon());
        if (episodeUpdates > 0) {
            m.put("loss", episodeLoss / episodeUpdates);
        }
        m.put("updates", (double) episodeUpdates);
        lastEpisode = java.util.Collections.unmodifiableMap(m);
        episodeLoss = 0;
        episodeUpdates = 0;
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return lastEpisode;
    }

    @Override
    public Policy<float[]> greedyPolicy() {
        return new GreedyPolicy<>(q);
    }

    /** Current exploration rate of the epsilon-greedy behaviour policy. */
    public double epsilon() {
        return behaviour.epsilon();
    }

    /** The online network (for saving, inspection). */
    public Model network() {
        return online;
    }

    public QNetwork qNetwork() {
        return q;
    }

    /** Replaces the online and target weights with {@code weights} (e.g. loaded from a file). */
    public void load(Map<String, Tensor> weights) {
        Map<String, Parameter> params = online.namedParameters();
        if (!weights.keySet().equals(params.keySet())) {
            throw new IllegalArgumentException("DQN load: weights have tensors " + weights.keySet()
                    + ", the network has " + params.keySet());
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Tensor w = weights.get(e.getKey());
            // on the parameter's backend and in its layout; Parameter.set names the tensor if the shape differs
            e.getValue().load(w.backend() == e.getValue().value().backend() ? w : w.to(e.getValue().value().backend()));
        }
        syncTarget();
    }

    public int inputs() {
        return inputs;
    }

    public int actions() {
        return actions;
    }

    public DqnParameters parameters() {
        return p;
    }

    /** The target network (tests check it lags the online one). */
    Model targetNetwork() {
        return target;
    }

    public long steps() {
        return steps;
    }

    public long updates() {
        return updates;
    }

    public int bufferSize() {
        return buffer.size();
    }
}
