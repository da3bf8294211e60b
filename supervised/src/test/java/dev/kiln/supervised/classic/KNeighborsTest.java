package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import org.junit.jupiter.api.Test;

class KNeighborsTest {
    private static final double[][] X = {{0}, {1}, {2}, {10}, {11}};

    @Test
    void classifierVotesAmongTheNearest() {
        var m = new KNeighborsClassifier(3).fit(new ClassificationSet(X, new int[] {0, 0, 1, 1, 1}));
        // query 0.4: nearest 0, 1, 2 -> labels 0, 0, 1
        assertThat(m.predictProba(new double[][] {{0.4}})[0]).containsExactly(new double[] {2 / 3.0, 1 / 3.0},
                within(1e-12));
        assertThat(m.predict(new double[][] {{0.4}, {9}})).containsExactly(0, 1);
    }

    @Test
    void distanceWeightsAndExactMatches() {
        var m = new KNeighborsClassifier(2, KNeighbors.Weights.DISTANCE)
                .fit(new ClassificationSet(X, new int[] {0, 1, 1, 1, 1}));
        // query 0.25: neighbours 0 (d .25, class 0) and 1 (d .75, class 1): weights 4 and 4/3
        assertThat(m.predictProba(new double[][] {{0.25}})[0][0]).isCloseTo(4 / (4 + 4 / 3.0), within(1e-12));
        assertThat(m.predictProba(new double[][] {{1}})[0]).containsExactly(0, 1);
    }

    @Test
    void regressorAveragesTargets() {
        var m = new KNeighborsRegressor(2, KNeighbors.Weights.UNIFORM)
                .fit(new RegressionSet(X, new double[] {1, 3, 5, 7, 9}));
        assertThat(m.predict(new double[][] {{0.2}, {10.6}})).containsExactly(new double[] {2, 8}, within(1e-12));
    }
}
