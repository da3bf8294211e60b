package dev.kiln.reinforcement.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.reinforcement.agent.QLearning;
import dev.kiln.reinforcement.agent.TdParameters;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.policy.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpisodeTrainerTest {
    private final GridMaze slippery = GridMaze.builder(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4)).slippery().build();
    private final TdParameters params = TdParameters.defaults().withEpsilon(Schedule.linear(1.0, 0.1, 10));

    private EpisodeTrainer.Builder<Integer, QLearning> trainer() {
        return EpisodeTrainer.builder(env -> QLearning.forEnvironment(env, params));
    }

    @Test
    void reportsEveryEpisodeWithItsMetrics() {
        List<Integer> epochs = new ArrayList<>();
        List<Map<String, Double>> metrics = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingContext c) {
                assertThat(c.epochs()).isEqualTo(20);
            }

            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> m) {
                epochs.add(epoch);
                metrics.add(m);
            }
        };
        trainer().episodes(20).evaluate(5, 3).stopWhen(null).build().fit(slippery, l);
        assertThat(epochs).hasSize(20).startsWith(1, 2).endsWith(20);
        assertThat(metrics.get(0)).containsKeys("return", "length", "success", "epsilon").doesNotContainKey("greedy_success");
        assertThat(metrics.get(4)).containsKeys("greedy_success", "greedy_length", "greedy_return");
        assertThat(metrics.get(0).get("epsilon")).isEqualTo(0.91, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(metrics.get(19).get("epsilon")).isEqualTo(0.1);
        for (Map<String, Double> m : metrics) {
            assertThat(m.get("success")).isIn(0.0, 1.0);
            assertThat(m.get("return")).isEqualTo(m.get("success")); // FrozenLake pays 1 only at the goal
            assertThat(m.get("length")).isBetween(1.0, 64.0);
        }
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        EpisodeLog a = new EpisodeLog();
        EpisodeLog b = new EpisodeLog();
        EpisodeLog c = new EpisodeLog();
        trainer().episodes(200).seed(3).stopWhen(null).build().fit(slippery, a);
        trainer().episodes(200).seed(3).stopWhen(null).build().fit(slippery, b);
        trainer().episodes(200).seed(4).stopWhen(null).build().fit(slippery, c);
        assertThat(a.series("length")).isEqualTo(b.series("length")).isNotEqualTo(c.series("length"));
        assertThat(a.series("greedy_success")).isEqualTo(b.series("greedy_success"));
    }

    @Test
    void listenersCanStopTraining() {
        EpisodeLog log = new EpisodeLog();
        TrainingListener stopAt7 = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> m) {
                if (epoch == 7) {
                    c.requestStop("enough");
                }
            }
        };
        trainer().episodes(100).stopWhen(null).build().fit(slippery, TrainingListener.of(log, stopAt7));
        assertThat(log.episodeCount()).isEqualTo(7);
        assertThat(log.stopReason()).isEqualTo("enough");
    }

    @Test
    void withoutEarlyStopRunsAllEpisodesAndFitIsRepeatable() {
        EpisodeTrainer<Integer, QLearning> t = trainer().episodes(30).stopWhen(null).build();
        EpisodeLog first = new EpisodeLog();
        QLearning a = t.fit(slippery, first);
        EpisodeLog second = new EpisodeLog();
        QLearning b = t.fit(slippery, second);
        assertThat(first.episodeCount()).isEqualTo(30);
        assertThat(first.stopReason()).isNull();
        assertThat(b).isNotSameAs(a);
        assertThat(b.qTable().toArray()).isDeepEqualTo(a.qTable().toArray());
    }
}
