package dev.kiln.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    private final double[] y = {3, -0.5, 2, 7};
    private final double[] p = {2.5, 0.0, 2, 8};

    @Test
    void handComputedValues() {
        // residuals 0.5, -0.5, 0, -1: squares 0.25 0.25 0 1
        assertThat(RegressionMetrics.mse(y, p)).isCloseTo(0.375, within(1e-12));
        assertThat(RegressionMetrics.rmse(y, p)).isCloseTo(Math.sqrt(0.375), within(1e-12));
        assertThat(RegressionMetrics.mae(y, p)).isCloseTo(0.5, within(1e-12));
        // mean 2.875; SS_tot = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875; SS_res = 1.5
        assertThat(RegressionMetrics.r2(y, p)).isCloseTo(1 - 1.5 / 29.1875, within(1e-12));
    }

    @Test
    void constantTargetAndErrors() {
        assertThat(RegressionMetrics.r2(new double[] {1, 1}, new double[] {1, 1})).isEqualTo(1);
        assertThat(RegressionMetrics.r2(new double[] {1, 1}, new double[] {1, 2})).isZero();
        assertThatThrownBy(() -> RegressionMetrics.mse(new double[] {1}, new double[] {1, 2}))
                .hasMessageContaining("1 targets but 2 predictions");
    }
}
