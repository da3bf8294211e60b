package dev.kiln.reinforcement.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeObservations;
import dev.kiln.reinforcement.policy.Schedule;
import org.junit.jupiter.api.Test;

/** One TD update each, against targets computed by hand. */
class TabularTdAgentTest {
    private static final TdParameters P = TdParameters.defaults().withLearningRate(0.5).withDiscount(0.9)
            .withEpsilon(Schedule.constant(0.2));

    private static <A extends TabularTdAgent> A prepared(A agent) {
        agent.qTable().set(2, 0, 0.5);
        agent.qTable().set(2, 1, 2.0);
        return agent;
    }

    @Test
    void qLearningBootstrapsFromTheMax() {
        QLearning a = prepared(new QLearning(3, 2, P));
        a.learn(new Transition<>(0, 1, 1.0, 2, false, 0));
        // 0 + 0.5 * (1 + 0.9 * max(0.5, 2.0) - 0) = 1.4
        assertThat(a.qTable().get(0, 1)).isCloseTo(1.4, within(1e-12));
    }

    @Test
    void sarsaBootstrapsFromTheActionTaken() {
        Sarsa a = prepared(new Sarsa(3, 2, P));
        a.learn(new Transition<>(0, 1, 1.0, 2, false, 0));
        // 0.5 * (1 + 0.9 * Q(2, 0) = 0.5) = 0.725
        assertThat(a.qTable().get(0, 1)).isCloseTo(0.725, within(1e-12));
        assertThatThrownBy(() -> a.learn(new Transition<>(0, 1, 1.0, 2, false, -1)))
                .hasMessageContaining("needs the next action");
    }

    @Test
    void expectedSarsaBootstrapsFromTheEpsilonGreedyExpectation() {
        ExpectedSarsa a = prepared(new ExpectedSarsa(3, 2, P));
        a.learn(new Transition<>(0, 1, 1.0, 2, false, -1));
        // E = 0.2 * (0.5 + 2.0) / 2 + 0.8 * 2.0 = 1.85; 0.5 * (1 + 0.9 * 1.85) = 1.3325
        assertThat(a.qTable().get(0, 1)).isCloseTo(1.3325, within(1e-12));
    }

    @Test
    void terminalTransitionsDoNotBootstrap() {
        for (TabularTdAgent a : new TabularTdAgent[] {prepared(new QLearning(3, 2, P)), prepared(new Sarsa(3, 2, P)),
                prepared(new ExpectedSarsa(3, 2, P))}) {
            a.learn(new Transition<>(1, 0, 4.0, 2, true, -1));
            assertThat(a.qTable().get(1, 0)).as(a.name()).isEqualTo(2.0);
        }
    }

    @Test
    void learningRateAndEpsilonScheduleByEpisode() {
        TdParameters p = P.withLearningRate(Schedule.linear(1.0, 0.5, 1)).withEpsilon(Schedule.linear(1.0, 0.0, 2));
        QLearning a = new QLearning(2, 2, p);
        a.learn(new Transition<>(0, 0, 1.0, 1, true, -1));
        assertThat(a.qTable().get(0, 0)).isEqualTo(1.0); // alpha 1 in episode 0
        assertThat(a.epsilon()).isEqualTo(1.0);
        a.endEpisode();
        assertThat(a.epsilon()).isEqualTo(0.5);
        a.learn(new Transition<>(0, 1, 1.0, 1, true, -1));
        assertThat(a.qTable().get(0, 1)).isEqualTo(0.5); // alpha 0.5 in episode 1
    }

    @Test
    void sizesComeFromTheEnvironment() {
        GridMaze maze = GridMaze.of(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4));
        QLearning a = QLearning.forEnvironment(maze, P);
        assertThat(a.qTable().states()).isEqualTo(16);
        assertThat(a.qTable().actions()).isEqualTo(4);
        @SuppressWarnings({"unchecked", "rawtypes"})
        dev.kiln.reinforcement.env.Environment<Integer, Integer> boxed =
                (dev.kiln.reinforcement.env.Environment) MazeObservations.ONE_HOT.wrap(maze);
        assertThatThrownBy(() -> QLearning.forEnvironment(boxed, P)).hasMessageContaining("need Discrete observation");
    }

    @Test
    void loadChecksSizes() {
        QLearning a = new QLearning(2, 2, P);
        a.load(QTable.of(new double[][] {{1, 2}, {3, 4}}));
        assertThat(a.qTable().get(1, 0)).isEqualTo(3);
        assertThatThrownBy(() -> a.load(new QTable(3, 2, 0))).hasMessageContaining("3 states x 2 actions");
    }
}
