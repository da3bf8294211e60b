package dev.kiln.reinforcement.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static ActionValues<Integer> fixed(double... v) {
        return new ActionValues<>() {
            @Override
            public double[] values(Integer observation) {
                return v;
            }

            @Override
            public int actions() {
                return v.length;
            }
        };
    }

    @Test
    void schedules() {
        Schedule lin = Schedule.linear(1.0, 0.1, 10);
        assertThat(lin.at(0)).isEqualTo(1.0);
        assertThat(lin.at(5)).isCloseTo(0.55, within(1e-12));
        assertThat(lin.at(10)).isEqualTo(0.1);
        assertThat(lin.at(1000)).isEqualTo(0.1);
        Schedule exp = Schedule.exponential(1.0, 0.05, 0.5);
        assertThat(exp.at(2)).isEqualTo(0.25);
        assertThat(exp.at(10)).isEqualTo(0.05);
        assertThatThrownBy(() -> Schedule.linear(1, 0, 0)).hasMessageContaining("steps must be positive");
        assertThatThrownBy(() -> Schedule.exponential(1, 0, 1.5)).hasMessageContaining("rate must be in (0, 1]");
    }

    @Test
    void greedyTakesLowestTiedAction() {
        assertThat(new GreedyPolicy<>(fixed(0, 3, 3, 1)).act(0, null)).isEqualTo(1);
    }

    @Test
    void epsilonGreedyExploresAtTheScheduledRate() {
        EpsilonGreedy<Integer> p = new EpsilonGreedy<>(fixed(0, 0, 5, 0), Schedule.constant(0.2));
        Rng rng = new Rng(3);
        int n = 20000;
        int best = 0;
        for (int i = 0; i < n; i++) {
            best += p.act(0, rng) == 2 ? 1 : 0;
        }
        // greedy 0.8 + exploring onto the best action 0.2 / 4
        assertThat((double) best / n).isCloseTo(0.85, within(0.01));
    }

    @Test
    void epsilonFollowsTheClock() {
        EpsilonGreedy<Integer> p = new EpsilonGreedy<>(fixed(1, 2), Schedule.linear(1.0, 0.0, 4));
        assertThat(p.epsilon()).isEqualTo(1.0);
        p.tick();
        p.tick();
        assertThat(p.epsilon()).isEqualTo(0.5);
        EpsilonGreedy<Integer> bad = new EpsilonGreedy<>(fixed(1, 2), Schedule.constant(1.5));
        assertThatThrownBy(bad::epsilon).hasMessageContaining("must be in [0, 1]");
    }

    @Test
    void tiesAreBrokenUniformly() {
        Rng rng = new Rng(9);
        int[] counts = new int[4];
        for (int i = 0; i < 9000; i++) {
            counts[EpsilonGreedy.argmaxRandomTies(new double[] {1, 0, 1, 1}, rng)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0]).isBetween(2800, 3200);
        assertThat(counts[2]).isBetween(2800, 3200);
        assertThat(counts[3]).isBetween(2800, 3200);
    }
}
