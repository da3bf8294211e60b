package dev.kiln.examples.rl;

import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.reinforcement.agent.ExpectedSarsa;
import dev.kiln.reinforcement.agent.QLearning;
import dev.kiln.reinforcement.agent.Sarsa;
import dev.kiln.reinforcement.agent.TabularTdAgent;
import dev.kiln.reinforcement.agent.TdParameters;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.io.QTableFile;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeGenerator;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeRenderer;
import dev.kiln.reinforcement.maze.ShortestPath;
import dev.kiln.reinforcement.policy.Schedule;
import dev.kiln.reinforcement.train.EpisodeLog;
import dev.kiln.reinforcement.train.EpisodeTrainer;
import dev.kiln.reinforcement.train.Evaluation;
import dev.kiln.reinforcement.train.EvaluationResult;
import dev.kiln.reinforcement.train.LearningCurve;
import dev.kiln.reinforcement.train.SolvedCriterion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Generates a seeded maze, trains a tabular agent (Q-learning by default) until its greedy policy
 * walks a shortest path to the goal, and prints the learning curve and the learned path.
 */
public final class MazeQExample implements Example {
    @Override
    public String name() {
        return "maze-q";
    }

    @Override
    public String description() {
        return "tabular Q-learning on a generated 16x16 maze; prints the learning curve and the learned path";
    }

    private static MazeGenerator.Algorithm algorithm(String name) {
        for (MazeGenerator.Algorithm a : MazeGenerator.Algorithm.values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("--algorithm must be dfs or prim, got '" + name + "'");
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("size", 16, "maze cells per side")
                .number("seed", 42, "seed of the maze and of the agent")
                .string("algorithm", "dfs", "maze generator: dfs or prim")
                .integer("openings", 0, "extra walls removed, making loops")
                .integer("episodes", 5000, "training episodes at most")
                .string("agent", "q-learning", "q-learning, sarsa or expected-sarsa")
                .string("save", null, "write the learned Q-table to this file");
    }

    @Override
    public int run(Options args, PrintStream out) {
        int size = args.integer("size");
        long seed = args.number("seed");
        MazeGenerator.Algorithm algorithm = algorithm(args.string("algorithm"));
        MazeMap map = MazeGenerator.generate(algorithm, size, size, args.integer("openings"), seed);
        GridMaze maze = GridMaze.of(map);
        int bfs = ShortestPath.length(map);

        // deterministic moves: a high learning rate is safe; optimistic initial values (1 > any
        // discounted return) make the agent try every action once instead of dithering
        TdParameters params = TdParameters.defaults().withLearningRate(0.5).withDiscount(0.99).withInitialValue(1.0)
                .withEpsilon(Schedule.linear(0.3, 0.0, 300));
        String agentName = args.string("agent");
        Function<Environment<Integer, Integer>, TabularTdAgent> factory = switch (agentName) {
            case "q-learning" -> env -> QLearning.forEnvironment(env, params);
            case "sarsa" -> env -> Sarsa.forEnvironment(env, params);
            case "expected-sarsa" -> env -> ExpectedSarsa.forEnvironment(env, params);
            default -> throw new IllegalArgumentException("--agent must be q-learning, sarsa or expected-sarsa, got " + agentName);
        };
        out.printf(Locale.ROOT, "%s maze of %dx%d cells (%dx%d tiles), seed %d, shortest path %d moves; agent %s%n",
                algorithm, size, size, map.rows(), map.cols(), seed, bfs, agentName);

        EpisodeLog log = new EpisodeLog();
        long t0 = System.nanoTime();
        TabularTdAgent agent = EpisodeTrainer.builder(factory).episodes(args.integer("episodes")).seed(seed)
                .stopWhen(SolvedCriterion.successWithin(bfs)).build().fit(maze, log);
        double seconds = (System.nanoTime() - t0) / 1e9;

        out.println();
        out.print(LearningCurve.table(log, 10));
        out.println();
        out.printf(Locale.ROOT, "episodes to first success:          %d%n", log.firstSuccess());
        out.printf(Locale.ROOT, "episodes to 100%% greedy success:    %d%n", log.firstGreedySolve());
        out.printf(Locale.ROOT, "episodes to a shortest greedy path: %s (%.2f s)%n",
                log.stopReason() == null ? "not reached" : log.episodeCount(), seconds);
        EvaluationResult<Integer> greedy = Evaluation.run(maze, agent.greedyPolicy(), 1, 0);
        out.printf(Locale.ROOT, "greedy path: %.0f moves (BFS optimum %d)%n%n", greedy.meanLength(), bfs);
        out.print(MazeRenderer.render(map, greedy.lastObservations()));

        String save = args.string("save");
        if (save != null) {
            QTableFile.save(agent.qTable(), Map.of("algorithm", agent.name(), "maze", algorithm + " " + size + "x" + size
                    + " seed " + seed), Path.of(save));
            out.println("Q-table saved to " + save);
        }
        return greedy.successRate() == 1.0 ? 0 : 1;
    }
}
