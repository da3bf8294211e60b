package dev.kiln.reinforcement.dqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Rng;
import dev.kiln.reinforcement.agent.Transition;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    private static Transition<float[]> t(int i, boolean terminal) {
        return new Transition<>(new float[] {i, -i}, i % 4, i * 0.5, new float[] {i + 1, -i - 1}, terminal, -1);
    }

    @Test
    void storesAndSamplesWholeTransitions() {
        ReplayBuffer b = new ReplayBuffer(10, 2);
        for (int i = 0; i < 5; i++) {
            b.add(t(i, i == 4));
        }
        ReplayBuffer.Batch batch = b.sample(50, new Rng(1));
        for (int k = 0; k < 50; k++) {
            int i = (int) batch.states()[2 * k];
            assertThat(batch.states()[2 * k + 1]).isEqualTo(-i);
            assertThat(batch.nextStates()[2 * k]).isEqualTo(i + 1);
            assertThat(batch.actions()[k]).isEqualTo(i % 4);
            assertThat(batch.rewards()[k]).isEqualTo(i * 0.5f);
            assertThat(batch.notDone()[k]).isEqualTo(i == 4 ? 0f : 1f);
        }
    }

    @Test
    void ringOverwritesTheOldestAndSamplesUniformly() {
        ReplayBuffer b = new ReplayBuffer(4, 2);
        for (int i = 0; i < 10; i++) {
            b.add(t(i, false));
        }
        assertThat(b.size()).isEqualTo(4);
        int[] counts = new int[10];
        ReplayBuffer.Batch batch = b.sample(8000, new Rng(2));
        for (int k = 0; k < 8000; k++) {
            counts[(int) batch.states()[2 * k]]++;
        }
        for (int i = 0; i < 6; i++) {
            assertThat(counts[i]).as("overwritten %d", i).isZero();
        }
        for (int i = 6; i < 10; i++) {
            assertThat(counts[i]).isBetween(1850, 2150);
        }
    }

    @Test
    void errors() {
        ReplayBuffer b = new ReplayBuffer(4, 2);
        assertThatThrownBy(() -> b.sample(1, new Rng(0))).hasMessageContaining("empty");
        assertThatThrownBy(() -> b.add(new Transition<>(new float[3], 0, 0, new float[3], false, -1)))
                .hasMessageContaining("must have 2 values, got 3");
        assertThatThrownBy(() -> new ReplayBuffer(0, 2)).hasMessageContaining("positive");
    }
}
