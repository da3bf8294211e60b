package dev.kiln.unsupervised;

import dev.kiln.core.ml.Clusterer;
import dev.kiln.core.ml.Features;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A fitted Gaussian mixture: weights, means and covariances, with per-point log densities,
 * responsibilities ({@link #predictProba}), hard labels and information criteria. Full
 * covariances are held through their Cholesky factors (Commons Math), so a density costs one
 * triangular solve per component.
 */
public final class GaussianMixtureModel implements Clusterer {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final CovarianceType type;
    private final double[] weights;
    private final double[][] means;
    /** FULL: {@code [k][d][d]} covariance; DIAGONAL: {@code [k][1][d]} variances. */
    private final double[][][] covariances;
    private final double[][][] cholesky; // FULL only: lower factors
    private final double[] logDet;
    private final boolean converged;
    private final int iterations;
    private final double lowerBound;
    private final int[] labels; // of the training points; null only inside EM

    GaussianMixtureModel(CovarianceType type, double[] weights, double[][] means, double[][][] covariances,
            boolean converged, int iterations, double lowerBound) {
        this.labels = null;
        this.type = type;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.converged = converged;
        this.iterations = iterations;
        this.lowerBound = lowerBound;
        int k = weights.length;
        this.logDet = new double[k];
        this.cholesky = type == CovarianceType.FULL ? new double[k][][] : null;
        for (int c = 0; c < k; c++) {
            if (type == CovarianceType.FULL) {
                cholesky[c] = factor(covariances[c], c);
                for (int j = 0; j < means[c].length; j++) {
                    logDet[c] += 2 * Math.log(cholesky[c][j][j]);
                }
            } else {
                for (double v : covariances[c][0]) {
                    if (!(v > 0)) {
                        throw new IllegalStateException("GaussianMixture: component " + c + " has variance " + v
                                + "; increase regCovar");
                    }
                    logDet[c] += Math.log(v);
                }
            }
        }
    }

    private static double[][] factor(double[][] cov, int component) {
        RealMatrix m = new Array2DRowRealMatrix(cov, false);
        try {
            return new CholeskyDecomposition(m, 1e-8, 1e-300).getL().getData();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            throw new IllegalStateException("GaussianMixture: the covariance of component " + component
                    + " is not positive definite (" + e.getMessage() + "); increase regCovar or use fewer components",
                    e);
        }
    }

    /** The same model flagged as converged. */
    GaussianMixtureModel markConverged() {
        return new GaussianMixtureModel(this, true, labels);
    }

    /** The same model remembering the most probable component of each training point. */
    GaussianMixtureModel withLabels(int[] trainingLabels) {
        return new GaussianMixtureModel(this, converged, trainingLabels);
    }

    /** A copy of {@code m} with new flags; shares its Cholesky factors instead of factoring again. */
    private GaussianMixtureModel(GaussianMixtureModel m, boolean converged, int[] labels) {
        this.type = m.type;
        this.weights = m.weights;
        this.means = m.means;
        this.covariances = m.covariances;
        this.cholesky = m.cholesky;
        this.logDet = m.logDet;
        this.converged = converged;
        this.iterations = m.iterations;
        this.lowerBound = m.lowerBound;
        this.labels = labels;
    }

    /** The most probable component of each training point. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int numClusters() {
        return k();
    }

    /** The most probable component of each row. */
    @Override
    public int[] predict(Features features) {
        return predict(Points.of(features));
    }

    public int k() {
        return weights.length;
    }

    public CovarianceType covarianceType() {
        return type;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double[][] means() {
        double[][] out = new double[means.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = means[c].clone();
        }
        return out;
    }

    /** Covariance matrix of component {@code c} ({@code d x d}; diagonal for DIAGONAL models). */
    public double[][] covariance(int c) {
        int d = means[c].length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            if (type == CovarianceType.FULL) {
                out[i] = covariances[c][i].clone();
            } else {
                out[i][i] = covariances[c][0][i];
            }
        }
        return out;
    }

    public boolean converged() {
        return converged;
    }

    public int iterations() {
        return iterations;
    }

    /** Mean log-likelihood of the training data at the end of EM. */
    public double lowerBound() {
        return lowerBound;
    }

    /** {@code log w_c + log N(x_i | μ_c, Σ_c)} for every point and component, {@code [n][k]}. */
    double[][] weightedLogProb(Points points) {
        points.requireCols(means[0].length, "GaussianMixtureModel");
        int n = points.rows();
        int d = points.cols();
        int k = k();
        double[][] out = new double[n][k];
        double[] diff = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    diff[j] = points.get(i, j) - means[c][j];
                }
                double maha = type == CovarianceType.FULL ? solvedNorm(cholesky[c], diff) : diagonalNorm(c, diff);
                out[i][c] = Math.log(weights[c]) - 0.5 * (d * LOG_2PI + logDet[c] + maha);
            }
        }
        return out;
    }

    /** {@code ‖L⁻¹ v‖²} by forward substitution (v is overwritten). */
    private static double solvedNorm(double[][] l, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double t = v[i];
            double[] row = l[i];
            for (int j = 0; j < i; j++) {
                t -= row[j] * v[j];
            }
            t /= row[i];
            v[i] = t;
            s += t * t;
        }
        return s;
    }

    private double diagonalNorm(int c, double[] v) {
        double s = 0;
        double[] var = covariances[c][0];
        for (int j = 0; j < v.length; j++) {
            s += v[j] * v[j] / var[j];
        }
        return s;
    }

    /** Log density of each point under the mixture. */
    public double[] scoreSamples(Points points) {
        double[][] w = weightedLogProb(points);
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = logSumExp(w[i]);
        }
        return out;
    }

    /** Mean log density per point. */
    public double score(Points points) {
        double s = 0;
        for (double v : scoreSamples(points)) {
            s += v;
        }
        return s / points.rows();
    }

    /** Posterior probability of each component for each point, {@code [n][k]}, rows summing to 1. */
    public double[][] predictProba(Points points) {
        double[][] w = weightedLogProb(points);
        for (double[] row : w) {
            double lse = logSumExp(row);
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.exp(row[c] - lse);
            }
        }
        return w;
    }

    /** The most probable component of each point. */
    public int[] predict(Points points) {
        double[][] w = weightedLogProb(points);
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            int best = 0;
            for (int c = 1; c < w[i].length; c++) {
                if (w[i][c] > w[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Number of free parameters (weights, means, covariances). */
    public int parameterCount() {
        int d = means[0].length;
        int k = k();
        int cov = type == CovarianceType.FULL ? k * d * (d + 1) / 2 : k * d;
        return cov + k * d + k - 1;
    }

    /** Bayesian information criterion on {@code points} (lower is better). */
    public double bic(Points points) {
        return -2 * score(points) * points.rows() + parameterCount() * Math.log(points.rows());
    }

    /** Akaike information criterion on {@code points} (lower is better). */
    public double aic(Points points) {
        return -2 * score(points) * points.rows() + 2 * parameterCount();
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - max);
        }
        return max + Math.log(s);
    }

    double[][][] covariances() {
        return covariances;
    }
}
