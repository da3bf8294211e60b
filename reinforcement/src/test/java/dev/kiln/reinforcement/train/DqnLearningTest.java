package dev.kiln.reinforcement.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.reinforcement.dqn.DqnAgent;
import dev.kiln.reinforcement.dqn.DqnParameters;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeObservations;
import dev.kiln.reinforcement.maze.MazeRewards;
import dev.kiln.reinforcement.maze.ShortestPath;
import dev.kiln.reinforcement.policy.Schedule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DQN on the 8x8 maze (one-hot observations): about 2-5 s alone on the reference backend, longer on a loaded machine. */
@Tag("slow")
class DqnLearningTest {
    static DqnParameters mazeParameters(long seed) {
        return DqnParameters.builder().hidden(32).learningRate(2e-3).discount(0.95).batchSize(32).learningStarts(200)
                .trainEvery(2).targetUpdateEvery(50).epsilon(Schedule.linear(1.0, 0.05, 4000)).seed(seed).build();
    }

    @Test
    void dqnSolvesThe8x8Maze() {
        MazeMap map = MazeMap.parse(MazeLayouts.MAZE_8X8);
        // a small step cost: states the agent keeps revisiting lose value, which pushes it on to new ones
        GridMaze maze = GridMaze.builder(map).rewards(MazeRewards.FROZEN_LAKE.withStep(-0.01)).build();
        Environment<float[], Integer> env = MazeObservations.ONE_HOT.wrap(maze);
        EpisodeLog log = new EpisodeLog();
        DqnAgent agent = EpisodeTrainer.<float[], DqnAgent>builder(e -> DqnAgent.forEnvironment(e, mazeParameters(0)))
                .episodes(150).seed(0).evaluate(5, 1).build().fit(env, log);
        assertThat(log.stopReason()).startsWith("solved");
        EvaluationResult<float[]> greedy = Evaluation.run(env, agent.greedyPolicy(), 1, 0);
        assertThat(greedy.successRate()).isEqualTo(1.0);
        assertThat((int) greedy.meanLength()).isEqualTo(ShortestPath.length(map));
        assertThat(log.series("loss")).isNotEmpty();
    }
}
