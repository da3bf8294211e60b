package dev.kiln.reinforcement.dqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.tensor.Tensor;
import dev.kiln.reinforcement.agent.Transition;
import dev.kiln.reinforcement.io.QNetworkFile;
import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeLayouts;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.MazeObservations;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqnAgentTest {
    /** A linear Q-network (no hidden layer) whose output is W s + b, updated from the first step. */
    private static DqnAgent linear(int targetEvery) {
        DqnAgent a = new DqnAgent(2, 2, DqnParameters.builder().hidden().batchSize(1).learningStarts(0)
                .targetUpdateEvery(targetEvery).learningRate(0.1).build());
        // weight [out, in]: Q(s) = [s0 + 2 s1, 3 s0 + 4 s1]
        a.load(Map.of("0.weight", Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2), "0.bias", Tensor.zeros(2)));
        return a;
    }

    @Test
    void lossIsHuberOfTheTdErrorAgainstTheTargetNetwork() {
        DqnAgent a = linear(1000);
        assertThat(a.qNetwork().values(new float[] {1, 0})).containsExactly(1, 3);
        // s = [1, 0], a = 0: Q = 1; s' = [0, 1]: Q(s') = [2, 4]; target = 0.5 + 0.99 * 4 = 4.46
        // Huber(delta 1) of |1 - 4.46| = 3.46 is 3.46 - 0.5 = 2.96
        a.learn(new Transition<>(new float[] {1, 0}, 0, 0.5, new float[] {0, 1}, false, -1));
        a.endEpisode();
        assertThat(a.episodeMetrics().get("loss")).isCloseTo(2.96, within(1e-5));
        assertThat(a.episodeMetrics().get("updates")).isEqualTo(1.0);

        // terminal: target = r = 0.5; the online weights moved, so Q(s, 0) is read again
        DqnAgent b = linear(1000);
        b.learn(new Transition<>(new float[] {1, 0}, 0, 0.5, new float[] {0, 1}, true, -1));
        b.endEpisode();
        assertThat(b.episodeMetrics().get("loss")).isCloseTo(0.125, within(1e-6)); // 0.5 * 0.5^2
    }

    @Test
    void adamStepMovesTheTakenActionTowardTheTarget() {
        DqnAgent a = linear(1000);
        a.learn(new Transition<>(new float[] {1, 0}, 0, 0.5, new float[] {0, 1}, false, -1));
        double[] q = a.qNetwork().values(new float[] {1, 0});
        // Adam's first step moves each parameter with a non-zero gradient by lr = 0.1 against the gradient's sign:
        // weight[0][0] and bias[0] rise by 0.1 each, so Q(s, 0) goes from 1 to 1.2; action 1 is untouched
        assertThat(q[0]).isCloseTo(1.2, within(1e-5));
        assertThat(q[1]).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void targetNetworkLagsUntilTheNextSync() {
        DqnAgent a = linear(3);
        Transition<float[]> t = new Transition<>(new float[] {1, 0}, 0, 0.5, new float[] {0, 1}, false, -1);
        a.learn(t);
        a.learn(t);
        float[] online = a.network().namedParameters().get("0.weight").value().toArray();
        float[] target = a.targetNetwork().namedParameters().get("0.weight").value().toArray();
        assertThat(target).containsExactly(1, 2, 3, 4);
        assertThat(online).isNotEqualTo(target);
        a.learn(t); // third step: sync
        assertThat(a.targetNetwork().namedParameters().get("0.weight").value().toArray())
                .containsExactly(a.network().namedParameters().get("0.weight").value().toArray());
    }

    @Test
    void noUpdatesBeforeLearningStarts() {
        DqnAgent a = new DqnAgent(2, 2, DqnParameters.builder().hidden(4).learningStarts(5).batchSize(2).build());
        for (int i = 0; i < 4; i++) {
            a.learn(new Transition<>(new float[] {1, 0}, 0, 1, new float[] {0, 1}, false, -1));
        }
        assertThat(a.updates()).isZero();
        a.learn(new Transition<>(new float[] {1, 0}, 0, 1, new float[] {0, 1}, false, -1));
        assertThat(a.updates()).isEqualTo(1);
        assertThat(a.bufferSize()).isEqualTo(5);
    }

    @Test
    void saveAndLoadGiveTheSameQValues(@TempDir Path dir) {
        DqnParameters p = DqnParameters.builder().hidden(8, 8).seed(3).build();
        GridMaze maze = GridMaze.of(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4));
        DqnAgent a = DqnAgent.forEnvironment(MazeObservations.ONE_HOT.wrap(maze), p);
        Path f = dir.resolve("q.safetensors");
        QNetworkFile.save(a, Map.of("env", "FrozenLake4x4"), f);
        DqnAgent b = QNetworkFile.load(f, DqnParameters.builder().hidden(8, 8).seed(99).build());
        for (int cell = 0; cell < 16; cell++) {
            float[] s = new float[16];
            s[cell] = 1;
            assertThat(b.qNetwork().values(s)).containsExactly(a.qNetwork().values(s));
        }
        assertThatThrownBy(() -> QNetworkFile.load(f, DqnParameters.builder().hidden(16).build()))
                .hasMessageContaining("hidden widths [8, 8] differ");
        assertThatThrownBy(() -> a.load(Map.of("0.weight", Tensor.zeros(8, 16))))
                .hasMessageContaining("weights have tensors");
    }

    @Test
    void needsBoxObservations() {
        GridMaze maze = GridMaze.of(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4));
        @SuppressWarnings({"unchecked", "rawtypes"})
        dev.kiln.reinforcement.env.Environment<float[], Integer> wrong = (dev.kiln.reinforcement.env.Environment) maze;
        assertThatThrownBy(() -> DqnAgent.forEnvironment(wrong, DqnParameters.builder().build()))
                .hasMessageContaining("needs a Box observation space");
    }
}
