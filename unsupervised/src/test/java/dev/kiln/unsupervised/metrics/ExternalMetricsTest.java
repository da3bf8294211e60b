package dev.kiln.unsupervised.metrics;

import static dev.kiln.unsupervised.metrics.ExternalMetrics.adjustedMutualInformation;
import static dev.kiln.unsupervised.metrics.ExternalMetrics.adjustedRandIndex;
import static dev.kiln.unsupervised.metrics.ExternalMetrics.completeness;
import static dev.kiln.unsupervised.metrics.ExternalMetrics.homogeneity;
import static dev.kiln.unsupervised.metrics.ExternalMetrics.mutualInformation;
import static dev.kiln.unsupervised.metrics.ExternalMetrics.normalizedMutualInformation;
import static dev.kiln.unsupervised.metrics.ExternalMetrics.vMeasure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExternalMetricsTest {
    private static final int[] TRUTH = {0, 0, 1, 1};
    private static final int[] SPLIT = {0, 0, 1, 2};

    @Test
    void adjustedRandIndexByHand() {
        // pairs together in both: 1; expected under chance: 2·1/6; max: (2 + 1)/2 → (1 − 1/3)/(3/2 − 1/3) = 4/7
        assertThat(adjustedRandIndex(TRUTH, SPLIT)).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(adjustedRandIndex(SPLIT, TRUTH)).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(adjustedRandIndex(TRUTH, new int[] {1, 1, 0, 0})).isEqualTo(1.0);
        assertThat(adjustedRandIndex(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isEqualTo(0.0);
        // DBSCAN's noise label is just another label
        assertThat(adjustedRandIndex(new int[] {-1, -1, 3, 3}, TRUTH)).isEqualTo(1.0);
    }

    @Test
    void informationScoresByHand() {
        // H(truth) = ln 2, H(split) = 1.5 ln 2, MI = ln 2
        assertThat(mutualInformation(TRUTH, SPLIT)).isCloseTo(Math.log(2), within(1e-12));
        assertThat(homogeneity(TRUTH, SPLIT)).isCloseTo(1.0, within(1e-12));
        assertThat(completeness(TRUTH, SPLIT)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(vMeasure(TRUTH, SPLIT)).isCloseTo(0.8, within(1e-12));
        assertThat(normalizedMutualInformation(TRUTH, SPLIT)).isCloseTo(0.8, within(1e-12));
        // beta weights completeness: (1 + 2)·h·c / (2h + c) = 3·(2/3) / (2 + 2/3) = 0.75
        assertThat(vMeasure(TRUTH, SPLIT, 2.0)).isCloseTo(0.75, within(1e-12));
        assertThat(normalizedMutualInformation(new int[] {0, 0}, new int[] {1, 1})).isEqualTo(1.0);
        assertThat(normalizedMutualInformation(TRUTH, new int[] {0, 1, 0, 1})).isEqualTo(0.0);
    }

    @Test
    void adjustedMutualInformationMatchesExpectationOverAllPermutations() {
        // The hypergeometric model is "shuffle one labeling": average MI over all 6! orderings.
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] pred = {0, 0, 1, 1, 2, 2};
        double[] sum = {0};
        int[] count = {0};
        permute(pred.clone(), 0, p -> {
            sum[0] += mutualInformation(truth, p);
            count[0]++;
        });
        double emi = sum[0] / count[0];
        double ht = entropy(3, 2, 1);
        double hp = entropy(2, 2, 2);
        double expected = (mutualInformation(truth, pred) - emi) / ((ht + hp) / 2 - emi);
        assertThat(count[0]).isEqualTo(720);
        assertThat(adjustedMutualInformation(truth, pred)).isCloseTo(expected, within(1e-10));
        assertThat(adjustedMutualInformation(TRUTH, new int[] {1, 1, 0, 0})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> adjustedRandIndex(TRUTH, new int[] {0})).hasMessageContaining("4 true labels but 1");
    }

    private static double entropy(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double h = 0;
        for (int c : counts) {
            h -= (double) c / n * Math.log((double) c / n);
        }
        return h;
    }

    private static void permute(int[] a, int k, java.util.function.Consumer<int[]> visit) {
        if (k == a.length) {
            visit.accept(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, visit);
            a[i] = a[k];
            a[k] = t;
        }
    }
}
