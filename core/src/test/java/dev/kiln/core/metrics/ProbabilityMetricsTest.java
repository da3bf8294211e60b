package dev.kiln.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProbabilityMetricsTest {
    @Test
    void binaryAucCountsCorrectlyOrderedPairs() {
        // positives {0.35, 0.8}, negatives {0.1, 0.4}: pairs (0.35>0.1) (0.35<0.4) (0.8>0.1) (0.8>0.4) -> 3/4
        assertThat(ProbabilityMetrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void tiedScoresCountOneHalf() {
        // one positive tied with one of two negatives, above the other: (1 + 0.5) / 2
        assertThat(ProbabilityMetrics.rocAuc(new int[] {1, 0, 0}, new double[] {0.5, 0.5, 0.2}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(ProbabilityMetrics.rocAuc(new int[] {1, 0}, new double[] {0.0, 1.0})).isZero();
    }

    @Test
    void ovrAveragesPerClassAucs() {
        int[] y = {0, 1, 2, 2};
        double[][] p = {
            {0.6, 0.3, 0.1},
            {0.2, 0.5, 0.3},
            {0.7, 0.1, 0.2},
            {0.1, 0.2, 0.7},
        };
        // class 0: positive 0.6 vs negatives {0.2, 0.7, 0.1} -> 2/3
        // class 1: positive 0.5 vs {0.3, 0.1, 0.2} -> 1
        // class 2: positives {0.2, 0.7} vs negatives {0.1, 0.3} -> (1 + 0 + 1 + 1) / 4 = 0.75
        assertThat(ProbabilityMetrics.rocAucOvr(y, p)).isCloseTo((2.0 / 3 + 1 + 0.75) / 3, within(1e-12));
    }

    @Test
    void logLossIsMeanNegativeLogOfTrueClass() {
        int[] y = {0, 1, 1};
        double[][] p = {{0.8, 0.2}, {0.4, 0.6}, {0.9, 0.1}};
        double expected = -(Math.log(0.8) + Math.log(0.6) + Math.log(0.1)) / 3;
        assertThat(ProbabilityMetrics.logLoss(y, p)).isCloseTo(expected, within(1e-12));
        // a zero probability of the true class is clipped: finite, about -log(1e-15)
        assertThat(ProbabilityMetrics.logLoss(new int[] {0}, new double[][] {{0.0, 1.0}}))
                .isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void badInputNamesTheProblem() {
        assertThatThrownBy(() -> ProbabilityMetrics.rocAuc(new int[] {1, 1}, new double[] {0.1, 0.2}))
                .hasMessageContaining("2 positive and 0 negative");
        assertThatThrownBy(() -> ProbabilityMetrics.rocAuc(new int[] {0, 2}, new double[] {0.1, 0.2}))
                .hasMessageContaining("label 2 at row 1");
        assertThatThrownBy(() -> ProbabilityMetrics.logLoss(new int[] {3}, new double[][] {{0.5, 0.5}}))
                .hasMessageContaining("label 3 at row 0");
    }
}
