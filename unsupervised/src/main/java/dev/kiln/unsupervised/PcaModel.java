package dev.kiln.unsupervised;

import dev.kiln.core.ml.FeatureTransform;
import dev.kiln.core.ml.Features;
/** A fitted {@link Pca}: mean, orthonormal components, explained variance; transform and inverse. */
public final class PcaModel implements FeatureTransform {
    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;
    private final boolean whiten;

    PcaModel(double[] mean, double[][] components, double[] explainedVariance, double[] explainedVarianceRatio,
            boolean whiten) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.explainedVarianceRatio = explainedVarianceRatio;
        this.whiten = whiten;
    }

    public int components() {
        return components.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** Principal axes {@code [components][features]}, unit length, by decreasing variance. */
    public double[][] componentVectors() {
        double[][] out = new double[components.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = components[c].clone();
        }
        return out;
    }

    /** Variance along each component (eigenvalues of the sample covariance). */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Fraction of the total variance along each component. */
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** Projects points onto the components, {@code [n][components]}. */
    public double[][] transform(Points points) {
        points.requireCols(mean.length, "PcaModel.transform");
        double[][] out = new double[points.rows()][components.length];
        double[] centred = new double[mean.length];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                centred[j] = points.get(i, j) - mean[j];
            }
            for (int c = 0; c < components.length; c++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) {
                    s += centred[j] * components[c][j];
                }
                out[i][c] = whiten ? s / Math.sqrt(explainedVariance[c]) : s;
            }
        }
        return out;
    }

    /** Projects rows onto the components: the output feeds k-means, a classifier, any fitted model. */
    @Override
    public Features transform(Features features) {
        return Features.of(transform(Points.of(features)));
    }

    @Override
    public boolean invertible() {
        return true;
    }

    @Override
    public Features inverseTransform(Features projected) {
        return Features.of(inverseTransform(projected.rows()));
    }

    /** Maps projections back to feature space (exact when all components were kept). */
    public double[][] inverseTransform(double[][] projected) {
        double[][] out = new double[projected.length][];
        for (int i = 0; i < projected.length; i++) {
            if (projected[i].length != components.length) {
                throw new IllegalArgumentException("PcaModel.inverseTransform: row " + i + " has " + projected[i].length
                        + " values, the model has " + components.length + " components");
            }
            double[] x = mean.clone();
            for (int c = 0; c < components.length; c++) {
                double v = whiten ? projected[i][c] * Math.sqrt(explainedVariance[c]) : projected[i][c];
                for (int j = 0; j < x.length; j++) {
                    x[j] += v * components[c][j];
                }
            }
            out[i] = x;
        }
        return out;
    }

    boolean whiten() {
        return whiten;
    }
}
