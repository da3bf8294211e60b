package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    @Test
    void objectiveGradientMatchesFiniteDifferences() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0}, {2, 1}, {-1, 2}}, 10, 1.0, 5);
        for (int classes : new int[] {2, 3}) {
            int[] y = data.labels().clone();
            if (classes == 2) {
                for (int i = 0; i < y.length; i++) {
                    y[i] = Math.min(y[i], 1);
                }
            }
            LogisticObjective f = new LogisticObjective(data.features(), y, classes, 0.3);
            Rng rng = new Rng(9);
            double[] p = new double[f.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextGaussian();
            }
            double[] g = new double[p.length];
            f.evaluate(p, g);
            double h = 1e-6;
            for (int i = 0; i < p.length; i++) {
                double[] up = p.clone();
                double[] down = p.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (f.evaluate(up, new double[p.length]) - f.evaluate(down, new double[p.length])) / (2 * h);
                assertThat(g[i]).as("d/dp[%d] with %d classes", i, classes).isCloseTo(numeric, within(1e-6));
            }
        }
    }

    @Test
    void binaryFitSatisfiesTheOptimalityCondition() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0}, {1.5, 1}}, 40, 1.0, 1);
        LogisticModel m = new LogisticRegression().fit(data);
        // at the optimum of C Σ loss + ½||w||²: Σ (p_i - y_i) x_i + w / C = 0 and Σ (p_i - y_i) = 0
        double[][] p = m.predictProba(data.features());
        double[] w = m.coefficients()[0];
        double[] grad = {w[0], w[1]};
        double gb = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = p[i][1] - data.labels()[i];
            grad[0] += r * data.features()[i][0];
            grad[1] += r * data.features()[i][1];
            gb += r;
        }
        assertThat(grad[0]).isCloseTo(0, within(1e-4));
        assertThat(grad[1]).isCloseTo(0, within(1e-4));
        assertThat(gb).isCloseTo(0, within(1e-4));
    }

    @Test
    void multinomialSeparatesBlobsAndGivesDistributions() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0}, {5, 0}, {0, 5}}, 30, 0.7, 2);
        LogisticModel m = new LogisticRegression().fit(data);
        assertThat(Synthetic.accuracy(data.labels(), m.predict(data.features()))).isEqualTo(1.0);
        for (double[] row : m.predictProba(data.features())) {
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1, within(1e-12));
        }
        assertThat(m.coefficients()).hasNumberOfRows(3);
    }

    @Test
    void l1ZeroesIrrelevantFeatures() {
        // label depends on feature 0 only; features 1..4 are noise
        Rng rng = new Rng(4);
        int n = 200;
        double[][] x = new double[n][5];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = x[i][0] + 0.3 * rng.nextGaussian() > 0 ? 1 : 0;
        }
        ClassificationSet data = new ClassificationSet(x, y);
        LogisticModel l1 = LogisticRegression.builder().penalty(LogisticRegression.Penalty.L1).c(0.05).build().fit(data);
        double[] w = l1.coefficients()[0];
        assertThat(w[0]).isGreaterThan(0.3);
        for (int j = 1; j < 5; j++) {
            assertThat(w[j]).as("noise weight %d", j).isZero();
        }
        LogisticModel l2 = new LogisticRegression().fit(data);
        assertThat(l2.coefficients()[0][1]).isNotZero();
    }

    @Test
    void l1WithWeakPenaltyAgreesWithL2WithWeakPenalty() {
        ClassificationSet data = Synthetic.blobs(new double[][] {{0, 0}, {1, 1}}, 50, 1.0, 8);
        double[] a = LogisticRegression.builder().penalty(LogisticRegression.Penalty.L1).c(1e4).tol(1e-10)
                .maxIter(100_000).build().fit(data).coefficients()[0];
        double[] b = LogisticRegression.builder().c(1e4).build().fit(data).coefficients()[0];
        assertThat(a).containsExactly(b, within(1e-2));
    }
}
