package dev.kiln.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void permutationIsAPermutationAndSeeded() {
        int[] p = new Rng(5).permutation(1000);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(new Rng(5).permutation(1000)).containsExactly(p);
        assertThat(new Rng(6).permutation(1000)).isNotEqualTo(p);
    }

    @Test
    void streamPositionMakesDrawsResumable() {
        Rng a = new Rng(9);
        a.nextDouble();
        long pos = a.offset();
        double next = a.nextDouble();
        Rng b = new Rng(9);
        b.offset(pos);
        assertThat(b.nextDouble()).isEqualTo(next);
    }

    @Test
    void gaussianHasUnitMomentsAndUniformIsUniform() {
        Rng r = new Rng(1);
        double m = 0;
        double v = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            m += g / n;
            v += g * g / n;
        }
        assertThat(m).isCloseTo(0, within(0.01));
        assertThat(v).isCloseTo(1, within(0.02));
        int[] counts = new int[10];
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(10)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(n / 10 - 1000, n / 10 + 1000);
        }
    }
}
