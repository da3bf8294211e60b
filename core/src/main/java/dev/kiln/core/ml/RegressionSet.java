package dev.kiln.core.ml;

/** Rows of features with real-valued targets: the input of classic regressor trainers. */
public record RegressionSet(double[][] features, double[] targets) {
    public RegressionSet {
        if (features.length != targets.length) {
            throw new IllegalArgumentException("RegressionSet: " + features.length + " rows of features but "
                    + targets.length + " targets");
        }
    }

    public int size() {
        return targets.length;
    }
}
