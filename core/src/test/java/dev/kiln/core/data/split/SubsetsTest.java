package dev.kiln.core.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import org.junit.jupiter.api.Test;

class SubsetsTest {
    @Test
    void selectsRowsOfModelInputs() {
        ClassificationSet c = new ClassificationSet(new double[][] {{0}, {1}, {2}}, new int[] {5, 6, 7});
        ClassificationSet s = Subsets.rows(c, new int[] {2, 0});
        assertThat(s.features()).isDeepEqualTo(new double[][] {{2}, {0}});
        assertThat(s.labels()).containsExactly(7, 5);
        RegressionSet r = Subsets.rows(new RegressionSet(new double[][] {{0}, {1}}, new double[] {.5, 1.5}),
                new int[] {1});
        assertThat(r.targets()).containsExactly(1.5);
        assertThatThrownBy(() -> Subsets.rows(c, new int[] {3})).hasMessageContaining("row 3 outside [0, 3)");
    }

    @Test
    void regressionCrossValidationScoresEveryFold() {
        // targets = 2x; a trainer that predicts the training mean has a known error per fold
        double[][] x = {{0}, {1}, {2}, {3}};
        RegressionSet data = new RegressionSet(x, new double[] {0, 2, 4, 6});
        double[] mse = CrossValidation.regression((d, listener) -> {
            double mean = java.util.Arrays.stream(d.targets()).average().orElseThrow();
            return rows -> java.util.Arrays.stream(rows.rows()).mapToDouble(r -> mean).toArray();
        }, data, KFold.of(2).split(4), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                s += (t[i] - p[i]) * (t[i] - p[i]);
            }
            return s / t.length;
        });
        // fold 0 tests rows 0,1 with mean 5 -> (25+9)/2 = 17; fold 1 tests rows 2,3 with mean 1 -> (9+25)/2 = 17
        assertThat(mse).containsExactly(17, 17);
    }
}
