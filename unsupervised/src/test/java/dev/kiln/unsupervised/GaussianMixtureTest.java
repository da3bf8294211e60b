package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.unsupervised.metrics.ExternalMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    private static final double[][] MEANS = {{0, 0}, {6, 1}, {1, 7}};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    // covariances as their Cholesky factors L (Σ = L Lᵀ): one round, one stretched, one tilted
    private static final double[][][] FACTORS = {{{1, 0}, {0, 1}}, {{1.5, 0}, {0, 0.4}}, {{0.8, 0}, {0.6, 0.5}}};

    private static Synthetic.Labelled sample(int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int c = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            double z0 = rng.nextGaussian();
            double z1 = rng.nextGaussian();
            double[][] l = FACTORS[c];
            x[i][0] = MEANS[c][0] + l[0][0] * z0;
            x[i][1] = MEANS[c][1] + l[1][0] * z0 + l[1][1] * z1;
            y[i] = c;
        }
        return new Synthetic.Labelled(Points.of(x), y);
    }

    @Test
    void fullCovarianceRecoversAKnownMixture() {
        Synthetic.Labelled data = sample(4000, 1);
        GaussianMixtureModel m = GaussianMixture.builder(3).seed(2).build().fit(data.points());
        assertThat(m.converged()).isTrue();
        for (int c = 0; c < 3; c++) {
            int f = matching(m.means(), MEANS[c]);
            assertThat(m.means()[f][0]).isCloseTo(MEANS[c][0], within(0.1));
            assertThat(m.means()[f][1]).isCloseTo(MEANS[c][1], within(0.1));
            assertThat(m.weights()[f]).isCloseTo(WEIGHTS[c], within(0.03));
            double[][] cov = m.covariance(f);
            double[][] l = FACTORS[c];
            double s00 = l[0][0] * l[0][0];
            double s10 = l[1][0] * l[0][0];
            double s11 = l[1][0] * l[1][0] + l[1][1] * l[1][1];
            assertThat(cov[0][0]).isCloseTo(s00, within(0.12 * s00 + 0.02));
            assertThat(cov[1][0]).isCloseTo(s10, within(0.05));
            assertThat(cov[0][1]).isEqualTo(cov[1][0]);
            assertThat(cov[1][1]).isCloseTo(s11, within(0.12 * s11 + 0.02));
        }
        assertThat(ExternalMetrics.adjustedRandIndex(data.labels(), m.predict(data.points()))).isGreaterThan(0.95);
    }

    @Test
    void predictProbaRowsArePosteriorsThatSumToOne() {
        Synthetic.Labelled data = sample(600, 3);
        GaussianMixtureModel m = GaussianMixture.builder(3).covarianceType(CovarianceType.DIAGONAL).seed(1).build()
                .fit(data.points());
        double[][] p = m.predictProba(data.points());
        int[] hard = m.predict(data.points());
        for (int i = 0; i < p.length; i++) {
            double s = 0;
            int arg = 0;
            for (int c = 0; c < 3; c++) {
                s += p[i][c];
                arg = p[i][c] > p[i][arg] ? c : arg;
            }
            assertThat(s).isCloseTo(1.0, within(1e-9));
            assertThat(hard[i]).isEqualTo(arg);
        }
        // diagonal covariances have zero off-diagonal terms and fewer parameters
        assertThat(m.covariance(0)[0][1]).isZero();
        assertThat(m.parameterCount()).isEqualTo(3 * 2 + 3 * 2 + 2);
    }

    @Test
    void densityOfOneComponentMatchesTheGaussianFormula() {
        Synthetic.Labelled data = sample(500, 4);
        GaussianMixtureModel m = GaussianMixture.builder(1).build().fit(data.points());
        double[] mu = m.means()[0];
        double[][] s = m.covariance(0);
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double[] x = {1.0, 2.0};
        double dx = x[0] - mu[0];
        double dy = x[1] - mu[1];
        double maha = (s[1][1] * dx * dx - 2 * s[0][1] * dx * dy + s[0][0] * dy * dy) / det;
        double expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * maha;
        assertThat(m.scoreSamples(Points.of(new double[][] {x}))[0]).isCloseTo(expected, within(1e-9));
    }

    @Test
    void emNeverDecreasesTheLogLikelihood() {
        Synthetic.Labelled data = sample(800, 5);
        List<Double> ll = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> metrics) {
                ll.add(metrics.get("log_likelihood"));
            }
        };
        GaussianMixture.builder(4).tol(1e-8).maxIterations(60).seed(7).build().fit(data.points(), record);
        assertThat(ll.size()).isGreaterThan(2);
        for (int i = 1; i < ll.size(); i++) {
            assertThat(ll.get(i)).isGreaterThanOrEqualTo(ll.get(i - 1) - 1e-9);
        }
    }

    private static int matching(double[][] fitted, double[] truth) {
        int best = 0;
        for (int f = 1; f < fitted.length; f++) {
            if (dist(fitted[f], truth) < dist(fitted[best], truth)) {
                best = f;
            }
        }
        return best;
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
