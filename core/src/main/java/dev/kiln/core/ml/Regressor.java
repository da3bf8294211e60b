package dev.kiln.core.ml;

/** A fitted regressor: one real-valued prediction per row. */
public interface Regressor {
    double[] predict(Features features);

    /** {@link #predict(Features)} of {@code Features.of(rows)}. */
    default double[] predict(double[][] rows) {
        return predict(Features.of(rows));
    }
}
