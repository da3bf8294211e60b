package dev.kiln.unsupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.Map;

/**
 * Gaussian mixture fitted by expectation–maximisation, following scikit-learn's
 * {@code GaussianMixture}: responsibilities start from a k-means clustering (one-hot), each
 * M-step adds {@code regCovar} to the covariance diagonals so components cannot collapse onto a
 * point, and EM stops when the mean log-likelihood improves by less than {@code tol}. With
 * {@code nInit > 1} the run with the highest final log-likelihood wins. One listener epoch is one
 * EM iteration (metric {@code log_likelihood}).
 */
public final class GaussianMixture implements Trainer<Points, GaussianMixtureModel> {
    private final int k;
    private final CovarianceType type;
    private final double tol;
    private final double regCovar;
    private final int maxIterations;
    private final int nInit;
    private final long seed;

    /** The hyper-parameters; defaults follow scikit-learn. */
    public record Config(@Doc("mixture components") @Range(min = 1) int k,
                         @Doc("FULL, TIED, DIAG or SPHERICAL covariances") CovarianceType covarianceType,
                         @Doc("convergence threshold on the change of the mean log-likelihood") @Range(min = 0, max = Double.MAX_VALUE) double tol,
                         @Doc("added to every covariance diagonal; keeps covariances positive definite")
                         @Range(min = 0, max = Double.MAX_VALUE) double regCovar,
                         @Doc("most EM iterations per restart") @Range(min = 1) int maxIterations,
                         @Doc("restarts; the highest likelihood wins") @Range(min = 1) int nInit,
                         @Doc("seed of the k-means initialisation") long seed) {
        public Config {
            HyperParameters.check(Config.class, k, covarianceType, tol, regCovar, maxIterations, nInit, seed);
        }

        public static final Config DEFAULTS = new Config(1, CovarianceType.FULL, 1e-3, 1e-6, 100, 1, 0);
    }

    public GaussianMixture(Config c) {
        this.k = c.k();
        this.type = c.covarianceType();
        this.tol = c.tol();
        this.regCovar = c.regCovar();
        this.maxIterations = c.maxIterations();
        this.nInit = c.nInit();
        this.seed = c.seed();
    }

    public Config config() {
        return new Config(k, type, tol, regCovar, maxIterations, nInit, seed);
    }

    public static Builder builder(int k) {
        return new Builder(k);
    }

    @Override
    public GaussianMixtureModel fit(Points points, TrainingListener listener) {
        if (points.rows() < k) {
            throw new IllegalArgumentException("GaussianMixture: " + k + " components need at least " + k
                    + " points, got " + points.rows());
        }
        TrainingContext context = new TrainingContext("gaussian-mixture", maxIterations * nInit, 0);
        listener.onTrainingStart(context);
        Rng rng = new Rng(seed);
        GaussianMixtureModel best = null;
        for (int init = 0; init < nInit && !context.stopRequested(); init++) {
            long initSeed = rng.split().seed();
            int[] labels = KMeans.builder(k).seed(initSeed).build().fit(points).labels();
            double[][] resp = new double[points.rows()][k];
            for (int i = 0; i < labels.length; i++) {
                resp[i][labels[i]] = 1;
            }
            GaussianMixtureModel m = em(points, resp, listener, context, init * maxIterations);
            if (best == null || m.lowerBound() > best.lowerBound()) {
                best = m;
            }
        }
        listener.onTrainingEnd(context);
        return best.withLabels(best.predict(points));
    }

    private GaussianMixtureModel em(Points points, double[][] resp, TrainingListener listener,
            TrainingContext context, int epochOffset) {
        GaussianMixtureModel model = mStep(points, resp, false, 0, Double.NEGATIVE_INFINITY);
        double lowerBound = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= maxIterations; it++) {
            listener.onEpochStart(context, epochOffset + it - 1);
            double previous = lowerBound;
            lowerBound = eStep(model, points, resp);
            model = mStep(points, resp, false, it, lowerBound);
            listener.onEpochEnd(context, epochOffset + it - 1, Map.of("log_likelihood", lowerBound));
            if (Math.abs(lowerBound - previous) < tol) {
                return model.markConverged();
            }
            if (context.stopRequested()) {
                break;
            }
        }
        return model;
    }

    /** Fills {@code resp} with posteriors and returns the mean log-likelihood. */
    private static double eStep(GaussianMixtureModel model, Points points, double[][] resp) {
        double[][] w = model.weightedLogProb(points);
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            double lse = GaussianMixtureModel.logSumExp(w[i]);
            total += lse;
            for (int c = 0; c < w[i].length; c++) {
                resp[i][c] = Math.exp(w[i][c] - lse);
            }
        }
        return total / w.length;
    }

    private GaussianMixtureModel mStep(Points points, double[][] resp, boolean converged, int iterations,
            double lowerBound) {
        int n = points.rows();
        int d = points.cols();
        double[] nk = new double[k];
        double[][] means = new double[k][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i][c];
                nk[c] += r;
                if (r != 0) {
                    for (int j = 0; j < d; j++) {
                        means[c][j] += r * points.get(i, j);
                    }
                }
            }
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            nk[c] += 10 * Math.ulp(1.0); // keeps an unused component from dividing by zero
            weights[c] = nk[c] / n;
            for (int j = 0; j < d; j++) {
                means[c][j] /= nk[c];
            }
        }
        double[][][] cov = type == CovarianceType.FULL ? new double[k][d][d] : new double[k][1][d];
        double[] diff = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i][c];
                if (r == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    diff[j] = points.get(i, j) - means[c][j];
                }
                if (type == CovarianceType.FULL) {
                    for (int a = 0; a < d; a++) {
                        double ra = r * diff[a];
                        double[] row = cov[c][a];
                        for (int b = 0; b <= a; b++) {
                            row[b] += ra * diff[b];
                        }
                    }
                } else {
                    for (int j = 0; j < d; j++) {
                        cov[c][0][j] += r * diff[j] * diff[j];
                    }
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (type == CovarianceType.FULL) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        cov[c][a][b] /= nk[c];
                        cov[c][b][a] = cov[c][a][b]; // exact symmetry for the Cholesky check
                    }
                    cov[c][a][a] += regCovar;
                }
            } else {
                for (int j = 0; j < d; j++) {
                    cov[c][0][j] = cov[c][0][j] / nk[c] + regCovar;
                }
            }
        }
        return new GaussianMixtureModel(type, weights, means, cov, converged, iterations, lowerBound);
    }

    /** Hyper-parameters; defaults follow scikit-learn. */
    public static final class Builder {
        private final int k;
        private CovarianceType type = CovarianceType.FULL;
        private double tol = 1e-3;
        private double regCovar = 1e-6;
        private int maxIterations = 100;
        private int nInit = 1;
        private long seed;

        private Builder(int k) {
            this.k = k;
        }

        public Builder covarianceType(CovarianceType t) {
            this.type = t;
            return this;
        }

        /** Convergence threshold on the change of the mean log-likelihood. */
        public Builder tol(double t) {
            this.tol = t;
            return this;
        }

        /** Added to every covariance diagonal; keeps covariances positive definite. */
        public Builder regCovar(double r) {
            this.regCovar = r;
            return this;
        }

        public Builder maxIterations(int n) {
            this.maxIterations = n;
            return this;
        }

        public Builder nInit(int n) {
            this.nInit = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public GaussianMixture build() {
            return new GaussianMixture(new Config(k, type, tol, regCovar, maxIterations, nInit, seed));
        }
    }
}
