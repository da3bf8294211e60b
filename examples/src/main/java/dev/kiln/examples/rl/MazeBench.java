package dev.kiln.examples.rl;

import dev.kiln.core.backend.Backends;
import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import dev.kiln.reinforcement.agent.QLearning;
import dev.kiln.reinforcement.agent.TdParameters;
import dev.kiln.reinforcement.dqn.DqnAgent;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeGenerator;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeObservations;
import dev.kiln.reinforcement.maze.ShortestPath;
import dev.kiln.reinforcement.policy.Schedule;
import dev.kiln.reinforcement.train.EpisodeLog;
import dev.kiln.reinforcement.train.EpisodeTrainer;
import dev.kiln.reinforcement.train.SolvedCriterion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Episodes and wall time to solve a maze, over several seeds: {@code rl-maze-q} (Q-learning on
 * generated 16x16 mazes, until the greedy path is a shortest one) and {@code rl-maze-dqn} (DQN on
 * the 8x8 maze, until the greedy policy reaches the goal).
 */
public abstract class MazeBench implements Bench {
    /** {@code ./kiln bench rl-maze-q [--seeds N]}. */
    public static final class QLearningBench extends MazeBench {
        @Override
        public String name() {
            return "rl-maze-q";
        }

        @Override
        public String description() {
            return "Q-learning on seeded 16x16 DFS mazes: episodes and seconds to a shortest greedy path";
        }

        @Override
        Run once(long seed) {
            MazeMap map = MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 16, 16, seed);
            int bfs = ShortestPath.length(map);
            TdParameters p = TdParameters.defaults().withLearningRate(0.5).withDiscount(0.99).withInitialValue(1.0)
                    .withEpsilon(Schedule.linear(0.3, 0.0, 300));
            EpisodeLog log = new EpisodeLog();
            long t0 = System.nanoTime();
            EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, p)).episodes(5000).seed(seed)
                    .stopWhen(SolvedCriterion.successWithin(bfs)).build().fit(GridMaze.of(map), log);
            return new Run(log, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** {@code ./kiln bench rl-maze-dqn [--seeds N]}. */
    public static final class DqnBench extends MazeBench {
        @Override
        public String name() {
            return "rl-maze-dqn";
        }

        @Override
        public String description() {
            return "DQN on the 8x8 maze (one-hot): episodes and seconds to 100% greedy success";
        }

        @Override
        Run once(long seed) {
            Environment<float[], Integer> env = MazeObservations.ONE_HOT.wrap(MazeDqnExample.maze());
            EpisodeLog log = new EpisodeLog();
            long t0 = System.nanoTime();
            EpisodeTrainer.<float[], DqnAgent>builder(e -> DqnAgent.forEnvironment(e, MazeDqnExample.parameters(seed)))
                    .episodes(300).seed(seed).evaluate(5, 1).build().fit(env, log);
            return new Run(log, (System.nanoTime() - t0) / 1e9);
        }
    }

    record Run(EpisodeLog log, double seconds) {
        boolean solved() {
            return log.stopReason() != null;
        }
    }

    abstract Run once(long seed);

    @Override
    public Options.Spec options() {
        return Options.spec().integer("seeds", 5, "independent runs, seeds 0..N-1");
    }

    @Override
    public Map<String, Object> run(Options options) {
        int seeds = options.integer("seeds");
        double[] episodes = new double[seeds];
        double[] seconds = new double[seeds];
        int solved = 0;
        for (int s = 0; s < seeds; s++) {
            Run r = once(s);
            episodes[s] = r.solved() ? r.log().episodeCount() : Double.NaN;
            seconds[s] = r.seconds();
            solved += r.solved() ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", Backends.current().name());
        out.put("seeds", seeds);
        out.put("solved", solved);
        out.put("episodes_to_solve", Arrays.toString(Arrays.stream(episodes).mapToLong(Math::round).toArray()));
        out.put("episodes_median", median(episodes));
        out.put("seconds_median", Math.round(median(seconds) * 1000) / 1000.0);
        out.put("seconds_total", Math.round(Arrays.stream(seconds).sum() * 1000) / 1000.0);
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s); // NaN (unsolved) sorts last
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
