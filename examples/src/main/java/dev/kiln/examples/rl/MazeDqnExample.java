package dev.kiln.examples.rl;

import dev.kiln.core.backend.Backends;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.reinforcement.dqn.DqnAgent;
import dev.kiln.reinforcement.dqn.DqnParameters;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.io.QNetworkFile;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeObservations;
import dev.kiln.reinforcement.maze.MazeRenderer;
import dev.kiln.reinforcement.maze.MazeRewards;
import dev.kiln.reinforcement.maze.ShortestPath;
import dev.kiln.reinforcement.policy.Schedule;
import dev.kiln.reinforcement.train.EpisodeLog;
import dev.kiln.reinforcement.train.EpisodeTrainer;
import dev.kiln.reinforcement.train.Evaluation;
import dev.kiln.reinforcement.train.EvaluationResult;
import dev.kiln.reinforcement.train.LearningCurve;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A deep Q-network learns the 8x8 maze from one-hot observations: experience replay, a target
 * network, double DQN, Huber loss and Adam, all on Kiln tensors.
 */
public final class MazeDqnExample implements Example {
    @Override
    public String name() {
        return "maze-dqn";
    }

    @Override
    public String description() {
        return "DQN (replay, target network, Huber, Adam) on an 8x8 maze";
    }

    /** The settings the example, the benchmark and the test share. */
    static DqnParameters parameters(long seed) {
        return DqnParameters.builder().hidden(32).learningRate(2e-3).discount(0.95).batchSize(32).learningStarts(200)
                .trainEvery(2).targetUpdateEvery(50).epsilon(Schedule.linear(1.0, 0.05, 4000)).seed(seed).build();
    }

    /** The 8x8 maze with a small step cost, which makes revisited states lose value and pushes exploration on. */
    static GridMaze maze() {
        return GridMaze.builder(MazeMap.parse(MazeLayouts.MAZE_8X8)).rewards(MazeRewards.FROZEN_LAKE.withStep(-0.01)).build();
    }

    @Override
    public Options.Spec options() {
        return Options.spec().number("seed", 0, "seed of the network, replay and exploration")
                .integer("episodes", 300, "training episodes at most")
                .string("save", null, "write the trained Q-network to this file");
    }

    @Override
    public int run(Options args, PrintStream out) {
        long seed = args.number("seed");
        GridMaze maze = maze();
        Environment<float[], Integer> env = MazeObservations.ONE_HOT.wrap(maze);
        int bfs = ShortestPath.length(maze.map());
        DqnParameters params = parameters(seed);
        out.printf(Locale.ROOT, "8x8 maze, shortest path %d moves; backend %s%n%s%n%s%n", bfs, Backends.current().name(),
                maze.map().toAscii(), params);

        EpisodeLog log = new EpisodeLog();
        long t0 = System.nanoTime();
        DqnAgent agent = EpisodeTrainer.<float[], DqnAgent>builder(e -> DqnAgent.forEnvironment(e, params))
                .episodes(args.integer("episodes")).seed(seed).evaluate(5, 1).build().fit(env, log);
        double seconds = (System.nanoTime() - t0) / 1e9;

        out.print(LearningCurve.table(log, 10));
        out.println();
        out.printf(Locale.ROOT, "episodes to first success:       %d%n", log.firstSuccess());
        out.printf(Locale.ROOT, "episodes to 100%% greedy success: %d (%.2f s, %d steps, %d updates)%n",
                log.firstGreedySolve(), seconds, agent.steps(), agent.updates());
        EvaluationResult<float[]> greedy = Evaluation.run(env, agent.greedyPolicy(), 1, 0);
        out.printf(Locale.ROOT, "greedy path: %.0f moves (BFS optimum %d)%n%n", greedy.meanLength(), bfs);
        out.print(MazeRenderer.render(maze.map(), maze.path()));

        String save = args.string("save");
        if (save != null) {
            QNetworkFile.save(agent, Map.of("maze", "MAZE_8X8"), Path.of(save));
            out.println("Q-network saved to " + save);
        }
        return greedy.successRate() == 1.0 ? 0 : 1;
    }
}
