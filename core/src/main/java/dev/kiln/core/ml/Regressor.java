package dev.kiln.core.ml;

/** A fitted regressor on rows of numeric features. */
public interface Regressor {
    double[] predict(double[][] features);
}
