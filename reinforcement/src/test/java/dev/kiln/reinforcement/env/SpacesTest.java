package dev.kiln.reinforcement.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpacesTest {
    @Test
    void discreteContainsAndSamplesEveryValue() {
        Discrete d = new Discrete(3);
        assertThat(d.contains(0)).isTrue();
        assertThat(d.contains(2)).isTrue();
        assertThat(d.contains(3)).isFalse();
        assertThat(d.contains(-1)).isFalse();
        Rng rng = new Rng(1);
        int[] seen = new int[3];
        for (int i = 0; i < 300; i++) {
            seen[d.sample(rng)]++;
        }
        for (int c : seen) {
            assertThat(c).isBetween(70, 130);
        }
        assertThatThrownBy(() -> new Discrete(0)).hasMessageContaining("positive");
    }

    @Test
    void boxBoundsAndSamples() {
        Box b = new Box(new float[] {0, -1}, new float[] {1, 1});
        assertThat(b.contains(new float[] {0.5f, -1f})).isTrue();
        assertThat(b.contains(new float[] {1.5f, 0f})).isFalse();
        assertThat(b.contains(new float[] {0.5f})).isFalse();
        Rng rng = new Rng(2);
        for (int i = 0; i < 100; i++) {
            assertThat(b.contains(b.sample(rng))).isTrue();
        }
        assertThat(b.flatSize()).isEqualTo(2);
        assertThatThrownBy(() -> new Box(new float[] {2}, new float[] {1})).hasMessageContaining("low[0] = 2.0 is above high[0] = 1.0");
        Box unbounded = new Box(new float[] {Float.NEGATIVE_INFINITY}, new float[] {0});
        assertThatThrownBy(() -> unbounded.sample(rng)).hasMessageContaining("unbounded");
    }

    @Test
    void stepFlags() {
        Step<Integer> s = new Step<>(1, 0.5, false, true, Map.of(Step.SUCCESS, false));
        assertThat(s.done()).isTrue();
        assertThat(s.success()).isFalse();
        assertThat(new Step<>(1, 0.5, true, false, Map.of()).success()).isFalse();
    }

    @Test
    void timeLimitTruncatesEndlessEpisodes() {
        // a counter that never ends on its own
        Environment<Integer, Integer> endless = new Environment<>() {
            private int n;

            @Override
            public Space<Integer> observationSpace() {
                return new Discrete(1000);
            }

            @Override
            public Space<Integer> actionSpace() {
                return new Discrete(1);
            }

            @Override
            public Integer reset(long seed) {
                return n = 0;
            }

            @Override
            public Integer reset() {
                return n = 0;
            }

            @Override
            public Step<Integer> step(Integer action) {
                return new Step<>(++n, 1.0, false, false, Map.of());
            }
        };
        TimeLimit<Integer, Integer> limited = new TimeLimit<>(endless, 3);
        limited.reset(0);
        assertThat(limited.step(0).truncated()).isFalse();
        assertThat(limited.step(0).truncated()).isFalse();
        Step<Integer> last = limited.step(0);
        assertThat(last.truncated()).isTrue();
        assertThat(last.terminated()).isFalse();
        assertThat(last.observation()).isEqualTo(3);
        limited.reset(1);
        assertThat(limited.step(0).done()).isFalse();
        assertThatThrownBy(() -> new TimeLimit<>(endless, 0)).hasMessageContaining("maxSteps must be positive");
    }
}
