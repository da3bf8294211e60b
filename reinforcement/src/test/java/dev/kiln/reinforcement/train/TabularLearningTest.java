package dev.kiln.reinforcement.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.reinforcement.agent.ExpectedSarsa;
import dev.kiln.reinforcement.agent.QLearning;
import dev.kiln.reinforcement.agent.Sarsa;
import dev.kiln.reinforcement.agent.TabularTdAgent;
import dev.kiln.reinforcement.agent.TdParameters;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeGenerator;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.ShortestPath;
import dev.kiln.reinforcement.policy.Schedule;
import dev.kiln.reinforcement.io.QTableFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/** The learning goals, checked against BFS and exact dynamic programming. */
class TabularLearningTest {
    /** Deterministic mazes: a high learning rate is safe, and optimistic initial values explore systematically. */
    private static final TdParameters DETERMINISTIC = TdParameters.defaults().withLearningRate(0.5).withDiscount(0.95)
            .withInitialValue(1.0).withEpsilon(Schedule.linear(0.5, 0.0, 100));

    static Stream<Arguments> agentsAndLayouts() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String agent : new String[] {"q-learning", "sarsa", "expected-sarsa"}) {
            b.add(Arguments.of(agent, MazeLayouts.FROZEN_LAKE_4X4));
            b.add(Arguments.of(agent, MazeLayouts.FROZEN_LAKE_8X8));
            b.add(Arguments.of(agent, MazeLayouts.MAZE_8X8));
        }
        return b.build();
    }

    private static Function<Environment<Integer, Integer>, TabularTdAgent> factory(String name, TdParameters p) {
        return switch (name) {
            case "q-learning" -> env -> QLearning.forEnvironment(env, p);
            case "sarsa" -> env -> Sarsa.forEnvironment(env, p);
            case "expected-sarsa" -> env -> ExpectedSarsa.forEnvironment(env, p);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("agentsAndLayouts")
    void solvesDeterministicMazesWithin500Episodes(String agentName, String layout) {
        MazeMap map = MazeMap.parse(layout);
        GridMaze maze = GridMaze.of(map);
        for (long seed = 0; seed < 3; seed++) {
            EpisodeLog log = new EpisodeLog();
            TabularTdAgent agent = EpisodeTrainer.builder(factory(agentName, DETERMINISTIC)).episodes(500).seed(seed)
                    .build().fit(maze, log);
            assertThat(log.stopReason()).as("seed %d", seed).startsWith("solved after episode");
            assertThat(log.episodeCount()).isLessThanOrEqualTo(500);
            EvaluationResult<Integer> greedy = Evaluation.run(maze, agent.greedyPolicy(), 1, 0);
            assertThat(greedy.successRate()).isEqualTo(1.0);
            // a deterministic greedy policy that reaches the goal visits no cell twice; with
            // discounting it also takes a shortest route once converged, here checked loosely
            assertThat(greedy.meanLength()).isGreaterThanOrEqualTo(ShortestPath.length(map));
        }
    }

    @Test
    void aSavedQTableReloadsIntoTheSamePolicy(@TempDir Path dir) {
        GridMaze maze = GridMaze.of(MazeMap.parse(MazeLayouts.FROZEN_LAKE_8X8));
        QLearning trained = EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, DETERMINISTIC))
                .episodes(500).build().fit(maze);
        Path file = dir.resolve("lake.qtable.json");
        QTableFile.save(trained.qTable(), Map.of("algorithm", trained.name()), file);
        QLearning fresh = QLearning.forEnvironment(maze, DETERMINISTIC);
        assertThat(Evaluation.run(maze, fresh.greedyPolicy(), 1, 0).successRate()).isZero();
        fresh.load(QTableFile.load(file));
        EvaluationResult<Integer> a = Evaluation.run(maze, trained.greedyPolicy(), 1, 0);
        EvaluationResult<Integer> b = Evaluation.run(maze, fresh.greedyPolicy(), 1, 0);
        assertThat(b.successRate()).isEqualTo(1.0);
        assertThat(b.lastObservations()).isEqualTo(a.lastObservations());
    }

    @Test
    void qLearningFindsTheBfsPathInAGenerated16x16Maze() {
        MazeMap map = MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 16, 16, 7);
        GridMaze maze = GridMaze.of(map);
        TdParameters p = DETERMINISTIC.withDiscount(0.99).withEpsilon(Schedule.linear(0.3, 0.0, 300));
        EpisodeLog log = new EpisodeLog();
        QLearning agent = EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, p))
                .episodes(3000).seed(7).build().fit(maze, log);
        assertThat(log.stopReason()).startsWith("solved");
        EvaluationResult<Integer> greedy = Evaluation.run(maze, agent.greedyPolicy(), 1, 0);
        // a perfect maze has one simple path between two cells: the learned one must be BFS's, cell by cell
        assertThat(greedy.lastObservations()).isEqualTo(ShortestPath.path(map).orElseThrow());
    }

    @Test
    void qLearningTakesTheShortestOfSeveralRoutes() {
        // 30 extra openings give loops, so reaching the goal is not enough: the path must be the shortest
        MazeMap map = MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 16, 16, 30, 5);
        GridMaze maze = GridMaze.of(map);
        TdParameters p = DETERMINISTIC.withDiscount(0.99).withEpsilon(Schedule.linear(0.3, 0.0, 300));
        QLearning agent = EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, p))
                .episodes(1000).seed(5).evaluate(0, 1).build().fit(maze);
        EvaluationResult<Integer> greedy = Evaluation.run(maze, agent.greedyPolicy(), 1, 0);
        assertThat(greedy.successRate()).isEqualTo(1.0);
        assertThat((int) greedy.meanLength()).isEqualTo(ShortestPath.length(map));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1})
    void qLearningOnSlipperyFrozenLake(long seed) {
        GridMaze maze = GridMaze.builder(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4)).slippery().maxSteps(100).build();
        TdParameters p = TdParameters.defaults().withLearningRate(0.1).withDiscount(0.99)
                .withEpsilon(Schedule.linear(1.0, 0.01, 8000));
        QLearning agent = EpisodeTrainer.<Integer, QLearning>builder(env -> QLearning.forEnvironment(env, p))
                .episodes(10000).seed(seed).evaluate(0, 1).build().fit(maze);
        EvaluationResult<Integer> eval = Evaluation.run(maze, agent.greedyPolicy(), 1000, 1234);
        assertThat(eval.successRate()).isGreaterThanOrEqualTo(0.70);

        // exact figures: the learned policy is within 0.03 of the best possible (0.744 within 100 steps)
        double optimal = SuccessProbability.optimal(maze);
        double learned = SuccessProbability.of(maze, cell -> agent.greedyPolicy().act(cell, null));
        assertThat(optimal).isBetween(0.74, 0.75);
        assertThat(learned).isGreaterThanOrEqualTo(0.70).isGreaterThan(optimal - 0.03);
    }
}
