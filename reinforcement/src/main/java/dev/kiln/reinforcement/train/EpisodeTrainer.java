package dev.kiln.reinforcement.train;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.reinforcement.agent.Agent;
import dev.kiln.reinforcement.agent.Transition;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.env.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Trains an {@link Agent} on an environment episode by episode (an "epoch" is one episode,
 * numbered from 1). After each episode it reports {@value #RETURN}, {@value #LENGTH},
 * {@value #SUCCESS} (0/1) and {@value #EPSILON}, plus the agent's own figures; every
 * {@code evalEvery} episodes it runs the greedy policy and adds {@value #GREEDY_SUCCESS},
 * {@value #GREEDY_LENGTH} and {@value #GREEDY_RETURN}, and stops once the {@link SolvedCriterion}
 * holds. {@code fit} builds a fresh agent with the factory each time, so the trainer is reusable.
 */
public final class EpisodeTrainer<O, G extends Agent<O>> implements Trainer<Environment<O, Integer>, G> {
    public static final String RETURN = "return";
    public static final String LENGTH = "length";
    public static final String SUCCESS = "success";
    public static final String EPSILON = Agent.EPSILON;
    public static final String GREEDY_SUCCESS = "greedy_success";
    public static final String GREEDY_LENGTH = "greedy_length";
    public static final String GREEDY_RETURN = "greedy_return";

    private final Function<Environment<O, Integer>, G> agentFactory;
    private final int episodes;
    private final long seed;
    private final int evalEvery;
    private final int evalEpisodes;
    private final SolvedCriterion solved;

    private EpisodeTrainer(Builder<O, G> b) {
        this.agentFactory = b.agentFactory;
        this.episodes = b.episodes;
        this.seed = b.seed;
        this.evalEvery = b.evalEvery;
        this.evalEpisodes = b.evalEpisodes;
        this.solved = b.solved;
    }

    public static <O, G extends Agent<O>> Builder<O, G> builder(Function<Environment<O, Integer>, G> agentFactory) {
        return new Builder<>(agentFactory);
    }

    @Override
    public G fit(Environment<O, Integer> env, TrainingListener listener) {
        G agent = agentFactory.apply(env);
        TrainingContext context = new TrainingContext("episodes/" + agent.name(), episodes, 0);
        Rng explore = new Rng(Rng.mix(seed ^ 0xE8F1_0BE5L));
        listener.onTrainingStart(context);
        for (int episode = 1; episode <= episodes && !context.stopRequested(); episode++) {
            listener.onEpochStart(context, episode);
            Map<String, Double> metrics = runEpisode(env, agent, Rng.bits(seed, episode), explore);
            agent.endEpisode();
            metrics.putAll(agent.episodeMetrics());
            if (evalEvery > 0 && episode % evalEvery == 0) {
                EvaluationResult<O> eval = Evaluation.run(env, agent.greedyPolicy(), evalEpisodes, Rng.bits(~seed, episode));
                metrics.put(GREEDY_SUCCESS, eval.successRate());
                metrics.put(GREEDY_LENGTH, eval.meanLength());
                metrics.put(GREEDY_RETURN, eval.meanReturn());
                if (solved != null && solved.solved(eval)) {
                    context.requestStop("solved after episode " + episode + ": greedy success "
                            + eval.successRate() + ", mean length " + eval.meanLength());
                }
            }
            listener.onEpochEnd(context, episode, metrics);
        }
        listener.onTrainingEnd(context);
        return agent;
    }

    private Map<String, Double> runEpisode(Environment<O, Integer> env, G agent, long episodeSeed, Rng explore) {
        O obs = env.reset(episodeSeed);
        int action = agent.act(obs, explore);
        double ret = 0;
        int length = 0;
        boolean success;
        while (true) {
            Step<O> step = env.step(action);
            ret += step.reward();
            length++;
            // the behaviour's next action is chosen before learning, so SARSA learns from the action it takes
            int next = step.terminated() ? -1 : agent.act(step.observation(), explore);
            agent.learn(new Transition<>(obs, action, step.reward(), step.observation(), step.terminated(), next));
            if (step.done()) {
                success = step.success();
                break;
            }
            obs = step.observation();
            action = next;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(RETURN, ret);
        m.put(LENGTH, (double) length);
        m.put(SUCCESS, success ? 1.0 : 0.0);
        return m;
    }

    /** Episodes, seed and the greedy evaluation that decides when the task is solved. */
    public static final class Builder<O, G extends Agent<O>> {
        private final Function<Environment<O, Integer>, G> agentFactory;
        private int episodes = 500;
        private long seed = 0;
        private int evalEvery = 1;
        private int evalEpisodes = 1;
        private SolvedCriterion solved = SolvedCriterion.successRate(1.0);

        private Builder(Function<Environment<O, Integer>, G> agentFactory) {
            this.agentFactory = Objects.requireNonNull(agentFactory, "agentFactory");
        }

        /** Most episodes to train for. */
        public Builder<O, G> episodes(int episodes) {
            if (episodes <= 0) {
                throw new IllegalArgumentException("episode trainer: episodes must be positive, got " + episodes);
            }
            this.episodes = episodes;
            return this;
        }

        public Builder<O, G> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Evaluate the greedy policy every {@code every} episodes over {@code episodes} episodes
         * (1 is enough for a deterministic environment); {@code every = 0} turns evaluation off.
         */
        public Builder<O, G> evaluate(int every, int episodes) {
            if (every < 0 || episodes <= 0) {
                throw new IllegalArgumentException("episode trainer: evaluate(every >= 0, episodes > 0), got "
                        + every + ", " + episodes);
            }
            this.evalEvery = every;
            this.evalEpisodes = episodes;
            return this;
        }

        /** When to stop early; null trains for all episodes. */
        public Builder<O, G> stopWhen(SolvedCriterion criterion) {
            this.solved = criterion;
            return this;
        }

        public EpisodeTrainer<O, G> build() {
            return new EpisodeTrainer<>(this);
        }
    }
}
