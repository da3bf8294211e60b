package dev.kiln.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    // y_true = [0,0,1,1,2,2], y_pred = [0,1,1,1,2,0]; by hand (and sklearn's classification_report):
    // class 0: P=1/2 R=1/2, class 1: P=2/3 R=1, class 2: P=1 R=1/2
    private final ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 2, 2},
            new int[] {0, 1, 1, 1, 2, 0}, 3);

    @Test
    void confusionAndAccuracy() {
        assertThat(m.confusionMatrix()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}});
        assertThat(m.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void perClassAndAverages() {
        assertThat(m.precision(1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall(2)).isCloseTo(0.5, within(1e-12));
        assertThat(m.f1(1)).isCloseTo(0.8, within(1e-12));
        double f0 = 0.5;
        double f2 = 2 * 1 * 0.5 / 1.5;
        assertThat(m.macroF1()).isCloseTo((f0 + 0.8 + f2) / 3, within(1e-12));
        assertThat(m.weightedF1()).isCloseTo((f0 * 2 + 0.8 * 2 + f2 * 2) / 6, within(1e-12));
    }

    @Test
    void topK() {
        float[][] scores = {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}};
        assertThat(ClassificationMetrics.topKAccuracy(scores, new int[] {2, 2}, 1)).isZero();
        assertThat(ClassificationMetrics.topKAccuracy(scores, new int[] {2, 2}, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void badLabelsAreNamed() {
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {0, 5}, new int[] {0, 1}, 3))
                .hasMessageContaining("true label 5 at row 1");
    }
}
