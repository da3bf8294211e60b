package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class RandomForestTest {
    @Test
    void resultDoesNotDependOnThreadCount() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0, 0}, {1, 1, 0}, {0, 1, 1}}, 40, 0.8, 3);
        RandomForestClassifier.Builder b = RandomForestClassifier.builder().trees(30).seed(5).oobScore(true);
        ForestModel one = b.threads(1).build().fit(data);
        ForestModel four = b.threads(4).build().fit(data);
        assertThat(four.predictProba(data.features())).isDeepEqualTo(one.predictProba(data.features()));
        assertThat(four.oobScore()).isEqualTo(one.oobScore());
        ForestModel other = b.seed(6).threads(2).build().fit(data);
        assertThat(other.predictProba(data.features())).isNotEqualTo(one.predictProba(data.features()));
    }

    @Test
    void outOfBagScoreTracksHeldOutAccuracy() {
        ClassificationSet train = Synthetic.xor(300, 1);
        ClassificationSet test = Synthetic.xor(300, 2);
        ForestModel m = RandomForestClassifier.builder().trees(50).oobScore(true).seed(1).build().fit(train);
        double heldOut = Synthetic.accuracy(test.labels(), m.predict(test.features()));
        assertThat(heldOut).isGreaterThan(0.93);
        assertThat(m.oobScore()).isCloseTo(heldOut, within(0.05));
        double[] imp = m.featureImportances();
        assertThat(imp[0] + imp[1]).isCloseTo(1, within(1e-12));
        for (double[] p : m.predictProba(test.features())) {
            assertThat(p[0] + p[1]).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void importancesFindTheInformativeFeature() {
        Rng rng = new Rng(2);
        double[][] x = new double[200][4];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = x[i][2] > 0 ? 1 : 0;
        }
        ForestModel m = RandomForestClassifier.builder().trees(40).seed(3).build().fit(new ClassificationSet(x, y));
        double[] imp = m.featureImportances();
        assertThat(dev.kiln.core.ml.Classifier.argmax(imp)).isEqualTo(2);
        assertThat(imp[2]).isGreaterThan(0.5);
    }

    @Test
    void regressorBeatsASingleTreeOnNoisyData() {
        Rng rng = new Rng(8);
        int n = 300;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 4 * rng.nextDouble();
            x[i][1] = 4 * rng.nextDouble();
            y[i] = Math.sin(x[i][0]) + 0.5 * x[i][1] + 0.3 * rng.nextGaussian();
        }
        RegressionSet train = new RegressionSet(java.util.Arrays.copyOf(x, 200), java.util.Arrays.copyOf(y, 200));
        double[][] tx = java.util.Arrays.copyOfRange(x, 200, n);
        double[] ty = java.util.Arrays.copyOfRange(y, 200, n);
        ForestRegressionModel forest = new RandomForestRegressor().withOobScore(true).withSeed(4).fit(train);
        RegressionTreeModel tree = new DecisionTreeRegressor().fit(train);
        double rf = RegressionMetrics.r2(ty, forest.predict(tx));
        assertThat(rf).isGreaterThan(RegressionMetrics.r2(ty, tree.predict(tx)));
        assertThat(rf).isGreaterThan(0.7);
        assertThat(forest.oobScore()).isCloseTo(rf, within(0.1));
    }
}
