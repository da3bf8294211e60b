package dev.kiln.examples.rl;

import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import dev.kiln.reinforcement.agent.QLearning;
import dev.kiln.reinforcement.agent.TdParameters;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.policy.Schedule;
import dev.kiln.reinforcement.train.EpisodeLog;
import dev.kiln.reinforcement.train.EpisodeTrainer;
import dev.kiln.reinforcement.train.Evaluation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Q-learning on Gymnasium's FrozenLake layouts, over several seeds: episodes to 100% greedy
 * success on the deterministic 4x4 and 8x8 lakes, and the greedy success rate (1000 episodes) on
 * the slippery 4x4 lake after 10000 training episodes.
 */
public final class FrozenLakeBench implements Bench {
    @Override
    public String name() {
        return "rl-frozen-lake";
    }

    @Override
    public String description() {
        return "Q-learning on FrozenLake 4x4/8x8 (deterministic: episodes to solve) and slippery 4x4 (success rate)";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("seeds", 5, "independent runs, seeds 0..N-1");
    }

    @Override
    public Map<String, Object> run(Options options) {
        int seeds = options.integer("seeds");
        TdParameters deterministic = TdParameters.defaults().withLearningRate(0.5).withDiscount(0.95)
                .withInitialValue(1.0).withEpsilon(Schedule.linear(0.5, 0.0, 100));
        TdParameters slippery = TdParameters.defaults().withLearningRate(0.1).withDiscount(0.99)
                .withEpsilon(Schedule.linear(1.0, 0.01, 8000));
        long[] ep4 = new long[seeds];
        long[] ep8 = new long[seeds];
        double[] success = new double[seeds];
        double detSeconds = 0;
        double slipSeconds = 0;
        for (int s = 0; s < seeds; s++) {
            long t0 = System.nanoTime();
            ep4[s] = solve(MazeLayouts.FROZEN_LAKE_4X4, deterministic, s);
            ep8[s] = solve(MazeLayouts.FROZEN_LAKE_8X8, deterministic, s);
            long t1 = System.nanoTime();
            GridMaze lake = GridMaze.builder(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4)).slippery().maxSteps(100).build();
            QLearning agent = EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, slippery))
                    .episodes(10_000).seed(s).evaluate(0, 1).build().fit(lake);
            long t2 = System.nanoTime();
            success[s] = Evaluation.run(lake, agent.greedyPolicy(), 1000, 1234).successRate();
            detSeconds += (t1 - t0) / 1e9;
            slipSeconds += (t2 - t1) / 1e9;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seeds", seeds);
        out.put("episodes_to_solve_4x4", Arrays.toString(ep4));
        out.put("episodes_to_solve_8x8", Arrays.toString(ep8));
        out.put("deterministic_seconds_per_seed", round(detSeconds / seeds));
        out.put("slippery_4x4_success", Arrays.toString(Arrays.stream(success).map(FrozenLakeBench::round).toArray()));
        out.put("slippery_4x4_success_mean", round(Arrays.stream(success).average().orElse(Double.NaN)));
        out.put("slippery_train_seconds_per_seed", round(slipSeconds / seeds));
        return out;
    }

    /** Episodes until the greedy policy reaches the goal (-1 if not within 500). */
    private static long solve(String layout, TdParameters p, long seed) {
        EpisodeLog log = new EpisodeLog();
        EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, p)).episodes(500).seed(seed)
                .build().fit(GridMaze.of(MazeMap.parse(layout)), log);
        return log.stopReason() == null ? -1 : log.episodeCount();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
