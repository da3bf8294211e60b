package dev.kiln.supervised.classic;

import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Regressor;

/** A fitted linear regressor {@code y = x · coefficients + intercept} (ordinary least squares, ridge, lasso, SGD). */
public final class LinearModel implements Regressor {
    private final double[] coefficients;
    private final double intercept;

    public LinearModel(double[] coefficients, double intercept) {
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    @Override
    public double[] predict(Features input) {
        double[][] features = input.rows();
        Rows.checkPredict(features, coefficients.length, "LinearModel.predict");
        double[] out = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = Rows.dot(features[i], coefficients) + intercept;
        }
        return out;
    }
}
