package dev.kiln.unsupervised.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class InternalMetricsTest {
    private static final double[][] X = {{0}, {1}, {4}, {5}};
    private static final int[] LABELS = {0, 0, 1, 1};

    @Test
    void silhouetteByHand() {
        // point 0: a = 1, b = (4 + 5)/2 → 3.5/4.5; point 1: a = 1, b = 3.5 → 2.5/3.5; points 2, 3 mirror them
        double expected = (3.5 / 4.5 + 2.5 / 3.5) / 2;
        assertThat(InternalMetrics.silhouette(X, LABELS)).isCloseTo(expected, within(1e-12));
        // a singleton cluster scores 0 for its point
        double withSingleton = InternalMetrics.silhouette(new double[][] {{0}, {1}, {10}}, new int[] {0, 0, 1});
        double p0 = (10 - 1) / 10.0;
        double p1 = (9 - 1) / 9.0;
        assertThat(withSingleton).isCloseTo((p0 + p1) / 3, within(1e-12));
        assertThat(InternalMetrics.silhouette(X, LABELS, 100, new Rng(1))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void daviesBouldinByHand() {
        // scatters 0.5 and 0.5, centroids 0.5 and 4.5: (0.5 + 0.5)/4
        assertThat(InternalMetrics.daviesBouldin(X, LABELS)).isCloseTo(0.25, within(1e-12));
        double[][] three = {{0}, {2}, {10}, {12}, {30}, {31}};
        // scatters 1, 1, 0.5; centroids 1, 11, 30.5
        double r01 = 2 / 10.0;
        double r02 = 1.5 / 29.5;
        double r12 = 1.5 / 19.5;
        double expected = (Math.max(r01, r02) + Math.max(r01, r12) + Math.max(r02, r12)) / 3;
        assertThat(InternalMetrics.daviesBouldin(three, new int[] {0, 0, 1, 1, 2, 2})).isCloseTo(expected, within(1e-12));
    }

    @Test
    void inertiaByHand() {
        assertThat(InternalMetrics.inertia(X, LABELS, new double[][] {{0.5}, {4.5}})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oneClusterHasNoSilhouette() {
        assertThatThrownBy(() -> InternalMetrics.silhouette(X, new int[] {3, 3, 3, 3}))
                .hasMessageContaining("got 1 clusters");
    }
}
