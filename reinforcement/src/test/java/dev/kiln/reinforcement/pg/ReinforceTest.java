package dev.kiln.reinforcement.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.tensor.Rng;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeObservations;
import dev.kiln.reinforcement.maze.MazeRewards;
import dev.kiln.reinforcement.maze.ShortestPath;
import dev.kiln.reinforcement.train.EpisodeLog;
import dev.kiln.reinforcement.train.EpisodeTrainer;
import dev.kiln.reinforcement.train.Evaluation;
import dev.kiln.reinforcement.train.EvaluationResult;
import org.junit.jupiter.api.Test;

class ReinforceTest {
    @Test
    void samplesFromItsPolicy() {
        Reinforce r = new Reinforce(3, 4, ReinforceParameters.defaults(1));
        float[] s = {1, 0, 0};
        double[] p = r.probabilities(s);
        assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        int[] counts = new int[4];
        Rng rng = new Rng(2);
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts[r.act(s, rng)]++;
        }
        for (int a = 0; a < 4; a++) {
            assertThat((double) counts[a] / n).isCloseTo(p[a], org.assertj.core.api.Assertions.within(0.015));
        }
    }

    @Test
    void learnsTheShortestPathOnAnOpenFloor() {
        MazeMap map = MazeMap.parse("""
                S...
                .#..
                ....
                ...G
                """);
        GridMaze maze = GridMaze.builder(map).rewards(MazeRewards.FROZEN_LAKE.withStep(-0.05)).maxSteps(50).build();
        Environment<float[], Integer> env = MazeObservations.ONE_HOT.wrap(maze);
        EpisodeLog log = new EpisodeLog();
        Reinforce agent = EpisodeTrainer.<float[], Reinforce>builder(e -> Reinforce.forEnvironment(e, ReinforceParameters.defaults(0)))
                .episodes(400).seed(0).evaluate(10, 1)
                .stopWhen(ev -> ev.successRate() == 1.0 && ev.meanLength() == ShortestPath.length(map))
                .build().fit(env, log);
        assertThat(log.stopReason()).startsWith("solved");
        EvaluationResult<float[]> greedy = Evaluation.run(env, agent.greedyPolicy(), 1, 0);
        assertThat((int) greedy.meanLength()).isEqualTo(6);
        assertThat(log.series("entropy")).isNotEmpty();
    }
}
